/**
 * A nanopublication's publication info: the document it was read from, when it was made, the
 * software it is attributed to (a prov:SoftwareAgent with its version) and the activity that
 * made it (reading the document, carried out by that software). `dct:created` is
 * `build --created` when given, else the document's stated date, else not stated: never the
 * clock, so the same sources give the same bytes.
 */
import { isoDateOf } from "../../base/iso-date.ts";
import { VERSION } from "../../base/version.ts";
import type { DocumentClaims } from "../../claims/types.ts";
import type { PUBLICATION_INFO } from "../vocab/claim-records.ts";
import type { Row } from "../vocab/fields.ts";
import type { Iris } from "./iris.ts";

/** How the nanopublications are written: their creation date, and whether with trusty URIs. */
export interface NanopubOptions {
  /** An ISO 8601 date or date-time (checked by the caller); overrides the document's date. */
  readonly created?: string | undefined;
  /** Trusty URIs (`rdf/write/trusty.ts`) in place of the plain `pub:` IRIs. */
  readonly trusty?: boolean | undefined;
}

export const SOFTWARE_NAME = "claimgraph";

export function pubinfoRow(
  doc: DocumentClaims,
  iris: Iris,
  options: NanopubOptions,
): Row<typeof PUBLICATION_INFO> {
  const stated = doc.document.header.date?.value;
  const agent = iris.software(SOFTWARE_NAME, VERSION).value;
  return {
    document: iris.document(doc.document.id).value,
    created: options.created ?? (stated === undefined ? undefined : isoDateOf(stated)),
    attributedTo: agent,
    activity: {
      iri: iris.reading(doc.document.id).value,
      used: iris.document(doc.document.id).value,
      agent: { iri: agent, name: SOFTWARE_NAME, version: VERSION },
    },
  };
}

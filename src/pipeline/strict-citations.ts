/**
 * `--strict`: a document's own citation errors stop the build. By default a marker naming no
 * entry of the reference list (`UnknownReference`) and markers with no list at all
 * (`MissingReferenceList`) are warnings — the template says such pages exist, and the claim
 * keeps the number — but the template also calls them errors, and a curator preparing sources
 * may want them refused as such.
 */
import { type Diagnostic, InputError } from "../base/errors.ts";

const CITATION_CODES = new Set(["UnknownReference", "MissingReferenceList"]);

/** Throws the citation warnings among `diagnostics` as errors, when there are any. */
export function refuseCitationWarnings(diagnostics: readonly Diagnostic[]): void {
  const refused = diagnostics
    .filter((d) => CITATION_CODES.has(d.code))
    .map((d): Diagnostic => ({ ...d, severity: "error" }));
  if (refused.length > 0) throw new InputError(refused);
}

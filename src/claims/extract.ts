/**
 * `extractClaims`: from one parsed document to its claims, studies and disagreements
 * with public records. Pure and synchronous; problems become diagnostics. The claims a
 * curator added (curation/, a stage above this one) come in already read, and are numbered
 * and checked as carriers with the document's own.
 */

import type { Diagnostic } from "../base/errors.ts";
import type { CitationMarker, ParsedDocument } from "../document/types.ts";
import type { Lexicon } from "../lexicon/lexicon.ts";
import type { ExtractContext } from "./context.ts";
import { focusEntity, headerClaims } from "./header.ts";
import { oneClassPerDrug } from "./header-classes.ts";
import { proseClaims } from "./prose.ts";
import { carriedByRow, withRowLabelCitations } from "./row-label-citations.ts";
import { studies as readStudies } from "./studies.ts";
import { type TableClaims, tableClaims } from "./tables.ts";
import type { Claim, Discrepancy, EntityTerm, Genre, Membership, Study } from "./types.ts";

export interface Extracted {
  readonly genre: Genre;
  readonly focus: EntityTerm | undefined;
  readonly claims: Claim[];
  readonly studies: Study[];
  readonly discrepancies: Discrepancy[];
  readonly memberships: Membership[];
}

/** Claim kinds whose quote is the whole sentence, cell, row or bullet that carries the markers. */
const CARRIERS = new Set(["table", "prose", "protocol", "comparative"]);

export function extractClaims(
  document: ParsedDocument,
  lexicon: Lexicon,
  curated: readonly Claim[],
  diagnostics: Diagnostic[],
): Extracted {
  const ctx: ExtractContext = { document, lexicon };
  const focus = focusEntity(ctx);
  const header = headerClaims(ctx, focus);
  const tables = document.tables.map((t) => tableClaims(ctx, t));
  const documentEntities = mintedNames(tables, focus);
  const local: ExtractContext = { ...ctx, documentEntities, focus };
  const protocol = readStudies(local);
  const claims = numberRepeats([
    ...header.claims,
    ...withRowLabelCitations(document, [...tables.flatMap((t) => t.claims), ...proseClaims(local)]),
    ...protocol.claims,
    ...curated,
  ]);
  for (const d of uncarriedCitations(document, claims)) diagnostics.push(d);
  const linked = protocol.studies.map((study) => ({
    ...study,
    supports: supporting(claims, study),
  }));
  return {
    genre: document.header.catalogNumber ? "VendorOverview" : "UnknownGenre",
    focus,
    claims,
    studies: linked,
    discrepancies: header.discrepancies,
    memberships: oneClassPerDrug(
      lexicon,
      tables.flatMap((t) => t.memberships),
    ),
  };
}

/**
 * The drugs and drug classes the document's tables name that the lexicon does not know
 * (table subjects, then the members and groups of memberships), and an unknown focus:
 * prose and protocols may name them too.
 */
function mintedNames(tables: readonly TableClaims[], focus: EntityTerm | undefined): EntityTerm[] {
  const minted = new Map<string, EntityTerm>();
  const named = (t: EntityTerm) => t.unnormalised && (t.type === "Drug" || t.type === "DrugClass");
  for (const t of tables) {
    for (const c of t.claims)
      if (c.subject.kind === "entity" && named(c.subject)) minted.set(c.subject.id, c.subject);
    for (const m of t.memberships)
      for (const e of [m.member, m.group]) if (named(e) && !minted.has(e.id)) minted.set(e.id, e);
  }
  if (focus?.unnormalised) minted.set(focus.id, focus);
  return [...minted.values()];
}

/**
 * The same statement made twice in one document (the same sentence in two paragraphs)
 * is two claims: the second and later ones take their occurrence number into their id.
 */
function numberRepeats(all: readonly Claim[]): Claim[] {
  const seen = new Map<string, number>();
  return all.map((claim) => {
    const n = (seen.get(claim.id) ?? 0) + 1;
    seen.set(claim.id, n);
    return n === 1 ? claim : { ...claim, id: `${claim.id}-${n}` };
  });
}

/** A diagnostic for each citation marker that stands in no claim's quote, nor in a row label its row's claims cite. */
function uncarriedCitations(document: ParsedDocument, claims: readonly Claim[]): Diagnostic[] {
  const carried = (marker: CitationMarker) =>
    claims.some(
      (c) =>
        CARRIERS.has(c.kind) &&
        c.quote.start <= marker.span.start &&
        marker.span.end <= c.quote.end,
    ) || carriedByRow(document, claims, marker);
  return document.citations
    .filter((marker) => !carried(marker))
    .map((marker) =>
      document.source.diagnostic(
        "UncarriedCitation",
        marker.span.start,
        `citation marker [${marker.number}] is carried by no claim`,
        "a marker must stand in a sentence, table cell or bullet that states something",
        document.source.slice(marker.span),
      ),
    );
}

/**
 * The claims a study supports: those citing one of its references, and every claim of a
 * table row in which one does (a row reports one study: its uncited "Not tested in this
 * study" cell and its Key Experimental Data belong to it too).
 */
function supporting(claims: readonly Claim[], study: Study): string[] {
  const cites = (c: Claim) =>
    c.kind !== "protocol" && c.citations.some((n) => study.citations.includes(n));
  const rowOf = (c: Claim) => (c.table ? `${c.table.table}:${c.table.rowIndex}` : undefined);
  const rows = new Set(
    claims
      .filter(cites)
      .map(rowOf)
      .filter((r) => r !== undefined),
  );
  return claims
    .filter((c) => cites(c) || (c.kind !== "protocol" && rows.has(rowOf(c) ?? "")))
    .map((c) => c.id)
    .sort();
}

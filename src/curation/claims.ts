/**
 * Curated claims: structured triples stated inside prose, written by a curator in
 * `graph/curation/claims.tsv`. Each row quotes its document; the build fails when the
 * quote is not found, or is found in more than one place, and the claim takes its
 * location and citations from the sentence or cell that holds the quote. A row's optional
 * `reason` says why the reading rules cannot read it; curation only adds to what they read.
 */

import type { Diagnostic } from "../base/errors.ts";
import { fieldDiagnostic, type TsvRow } from "../base/tsv.ts";
import { type ExtractContext, makeClaim } from "../claims/context.ts";
import { tablePlace } from "../claims/table-place.ts";
import { entityTerm, predicateTerm } from "../claims/terms.ts";
import type { Claim, EntityTerm, PredicateTerm, TablePlace, Term } from "../claims/types.ts";
import { rawSpanOf } from "../document/clean.ts";
import type { ParsedDocument, Segment } from "../document/types.ts";
import type { Lexicon } from "../lexicon/lexicon.ts";

export const CURATED_COLUMNS = [
  "document",
  "subject",
  "predicate",
  "object",
  "quote",
  "note",
] as const;

export interface CurationRows {
  readonly file: string;
  readonly rows: readonly TsvRow[];
}

export function curatedClaims(
  ctx: ExtractContext,
  curation: CurationRows,
  diagnostics: Diagnostic[],
): Claim[] {
  const { document } = ctx;
  const places = cellPlaces(document);
  const segments: Segment[] = [...document.sentences, ...places.keys()].sort(
    (a, b) => a.span.start - b.span.start,
  );
  const claims: Claim[] = [];
  for (const row of curation.rows) {
    if (row.fields.document !== document.id) continue;
    const problem = rowProblem(curation.file, row, diagnostics);
    const terms = readTerms(ctx.lexicon, row.fields, problem);
    const holder = quoteHolder(document, segments, row.fields.quote ?? "", problem);
    if (!holder || !terms) continue;
    claims.push(curatedClaim(ctx, row.fields, terms, holder, places.get(holder)));
  }
  return claims;
}

/** Reports a problem in one column of a curated row. */
type Problem = (column: string, code: string, message: string, hint: string) => void;

function rowProblem(file: string, row: TsvRow, diagnostics: Diagnostic[]): Problem {
  return (column, code, message, hint) =>
    diagnostics.push(fieldDiagnostic(file, row, column, code, message, hint));
}

/** Every table cell (row labels included) with its place. */
function cellPlaces(document: ParsedDocument): Map<Segment, TablePlace> {
  const places = new Map<Segment, TablePlace>();
  for (const table of document.tables) {
    for (const row of table.rows) {
      for (const cell of [row.label, ...row.cells]) {
        places.set(cell, tablePlace(table, row, cell));
      }
    }
  }
  return places;
}

interface CuratedTerms {
  readonly subject: EntityTerm;
  readonly predicate: PredicateTerm;
  readonly object: Term;
}

/** The row's subject, predicate and object, each checked against the lexicon. */
function readTerms(
  lexicon: Lexicon,
  f: TsvRow["fields"],
  problem: Problem,
): CuratedTerms | undefined {
  const subject = lexicon.entity(f.subject ?? "");
  if (!subject) {
    problem(
      "subject",
      "UnknownEntity",
      `no lexicon entity has the id "${f.subject}"`,
      "use an id from ontology/lexicon/entities.tsv, or add the entity there",
    );
  }
  const objectText = f.object ?? "";
  const literal = /^"(.*)"$/s.exec(objectText);
  const objectEntity = literal ? undefined : lexicon.entity(objectText);
  if (!literal && !objectEntity) {
    problem(
      "object",
      "UnknownEntity",
      `no lexicon entity has the id "${objectText}"`,
      'use an entity id, or a "quoted value"',
    );
  }
  const predicate = predicateTerm(lexicon, f.predicate ?? "");
  if (predicate.unnormalised) {
    problem(
      "predicate",
      "UnknownPredicate",
      `"${f.predicate}" is not a domain predicate`,
      "use a predicate listed in ontology/lexicon/predicates.tsv",
    );
  }
  if (!subject || (!literal && !objectEntity) || predicate.unnormalised) return undefined;
  const object: Term = literal
    ? { kind: "literal", value: literal[1] as string }
    : entityTerm(objectEntity as NonNullable<typeof objectEntity>);
  return { subject: entityTerm(subject), predicate, object };
}

/** The one sentence or cell whose display text holds the quote, or a problem. */
function quoteHolder(
  document: ParsedDocument,
  segments: readonly Segment[],
  quote: string,
  problem: Problem,
): Segment | undefined {
  const holders = quote === "" ? [] : segments.filter((s) => s.display.text.includes(quote));
  if (holders.length === 0) {
    problem(
      "quote",
      "QuoteNotFound",
      `the quote is not in ${document.source.file}`,
      "copy the words exactly as the document shows them (display text: no markup, TeX as Unicode)",
    );
    return undefined;
  }
  if (holders.length > 1) {
    const lines = holders.map((h) => document.source.position(h.span.start).line).join(", ");
    problem(
      "quote",
      "AmbiguousQuote",
      `the quote occurs in ${holders.length} places (lines ${lines})`,
      "quote more words so that it names one place",
    );
    return undefined;
  }
  return holders[0];
}

function curatedClaim(
  ctx: ExtractContext,
  f: TsvRow["fields"],
  terms: CuratedTerms,
  holder: Segment,
  table: TablePlace | undefined,
): Claim {
  const quote = f.quote ?? "";
  const at = holder.display.text.indexOf(quote);
  const span = rawSpanOf(holder.display, at, at + quote.length) ?? holder.span;
  return makeClaim(ctx, {
    kind: "curated",
    ...terms,
    segment: holder,
    quote: span,
    text: quote,
    table,
    mentions: [],
    note: f.note === "" ? undefined : f.note,
    curationReason: f.reason ? f.reason : undefined,
  });
}

/**
 * A claim as a nanopublication, written by the vocabulary table (`rdf/vocab/claim-records.ts`):
 * the head, the assertion (`assertions.ts`), the provenance (the claim node, its quote and its
 * selectors, what it cites) and the publication info.
 */
import type { Quad } from "@rdfjs/types";
import type { Claim, DocumentClaims } from "../../claims/types.ts";
import {
  ASSERTION_PROVENANCE,
  CLAIM,
  CLAIM_CLASSES,
  NANOPUBLICATION,
  PUBLICATION_INFO,
} from "../vocab/claim-records.ts";
import type { Row } from "../vocab/fields.ts";
import { NP } from "../vocab/vocabulary.ts";
import { statementRow, termValue, writePlainAssertion } from "./assertions.ts";
import { citedWorks, citing } from "./document-rows.ts";
import type { Iris } from "./iris.ts";
import { type NanopubOptions, pubinfoRow } from "./pubinfo.ts";
import { trustyNanopub } from "./trusty.ts";
import { type Graphs, writeRow } from "./write-row.ts";

/** How much context a text-quote selector keeps on either side of the quote. */
const CONTEXT = 32;

/** Writes `claim`'s nanopublication to `out`; returns its IRI (trusty under `--trusty`). */
export function writeClaim(
  out: Quad[],
  doc: DocumentClaims,
  claim: Claim,
  iris: Iris,
  options: NanopubOptions = {},
): string {
  const np = iris.nanopub(claim.id);
  const graphs: Graphs = {
    head: iris.nanopub(claim.id, "head"),
    assertion: iris.nanopub(claim.id, "assertion"),
    provenance: iris.nanopub(claim.id, "provenance"),
    pubinfo: iris.nanopub(claim.id, "pubinfo"),
  };
  const quads: Quad[] = [];
  const row = claimRow(doc, claim, iris);
  writeRow(
    quads,
    NANOPUBLICATION,
    np,
    {
      assertion: graphs.assertion?.value,
      provenance: graphs.provenance?.value,
      pubinfo: graphs.pubinfo?.value,
    },
    graphs,
  );
  writePlainAssertion(quads, claim, row.statement, iris, graphs.assertion ?? np);
  const provenance = {
    quote: row.quote?.iri,
    citesAsEvidence: citedWorks(claim.citations, doc, iris),
  };
  writeRow(quads, ASSERTION_PROVENANCE, iris.nanopub(claim.id, "assertion"), provenance, graphs);
  writeRow(quads, CLAIM, iris.claim(claim.id), row, graphs);
  writeRow(quads, PUBLICATION_INFO, np, pubinfoRow(doc, iris, options), graphs);
  if (!options.trusty) {
    out.push(...quads);
    return np.value;
  }
  const trusty = trustyNanopub(quads, np);
  out.push(...trusty);
  return trustyName(trusty, np.value);
}

/** The trusty IRI `np` became: the subject of its np:hasAssertion. */
function trustyName(quads: readonly Quad[], np: string): string {
  const head = quads.find((q) => q.predicate.equals(NP.hasAssertion));
  return head?.subject.value ?? np;
}

export function claimRow(doc: DocumentClaims, claim: Claim, iris: Iris): Row<typeof CLAIM> {
  const { document } = doc;
  const source = document.source;
  const start = source.position(claim.quote.start);
  const end = source.position(claim.quote.end);
  return {
    claimType: CLAIM_CLASSES[claim.kind],
    subject: termValue(iris, claim.subject),
    predicate: iris.predicate(claim.predicate).value,
    object: termValue(iris, claim.object),
    label: claim.text,
    document: iris.document(document.id).value,
    quote: quoteRow(doc, claim, iris),
    section: claim.section,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    uncited: claim.citations.length === 0,
    ...citing(claim.citations, doc, iris),
    unnormalised:
      claim.predicate.unnormalised ||
      [claim.subject, claim.object].some((t) => t.kind === "entity" && t.unnormalised),
    value: claim.value,
    qualifier: claim.qualifier,
    mentions: claim.mentions.map((m) => iris.entity(m.id).value),
    note: claim.note,
    readBy: claim.readBy,
    guesses: claim.guesses,
    status: claim.status,
    frequency: claim.statement?.kind === "adverseEffect" ? claim.statement.frequency : undefined,
    statement: statementRow(claim, iris),
    cue: claim.cue,
    curationReason: claim.curationReason,
    ...tableCellFields(document.id, claim, iris),
    studies: doc.studies
      .filter((s) => s.supports.includes(claim.id))
      .map((s) => iris.study(s.id).value),
    ...comparisonFields(claim, iris),
  };
}

/** The table cell a claim was read from: the table's IRI, its row and its column. */
function tableCellFields(
  documentId: string,
  claim: Claim,
  iris: Iris,
): Pick<Row<typeof CLAIM>, "table" | "rowLabel" | "rowIndex" | "columnLabel" | "columnIndex"> {
  return {
    table: claim.table && iris.table(documentId, claim.table.table).value,
    rowLabel: claim.table?.rowLabel,
    rowIndex: claim.table?.rowIndex,
    columnLabel: claim.table?.columnLabel,
    columnIndex: claim.table?.columnIndex,
  };
}

type ComparisonField =
  | "armA"
  | "armB"
  | "condition"
  | "outcome"
  | "direction"
  | "favours"
  | "armResults"
  | "evidence";

/** What a comparative claim compares: its arms, condition and outcome, and how they fared. */
function comparisonFields(claim: Claim, iris: Iris): Pick<Row<typeof CLAIM>, ComparisonField> {
  const cmp = claim.comparison;
  const entity = (t: { readonly id: string } | undefined) => t && iris.entity(t.id).value;
  return {
    armA: entity(cmp?.armA),
    armB: entity(cmp?.armB),
    condition: entity(cmp?.condition),
    outcome: entity(cmp?.outcome),
    direction: cmp?.direction,
    favours: entity(cmp?.favours),
    armResults: cmp?.armResults.map((id) => iris.claim(id).value) ?? [],
    evidence: cmp?.evidence ? iris.claim(cmp.evidence).value : undefined,
  };
}

/** The quote: the document, and the text-quote and text-position selectors of its span. */
function quoteRow(doc: DocumentClaims, claim: Claim, iris: Iris): Row<typeof CLAIM>["quote"] {
  const source = doc.document.source;
  const text = source.text;
  const { start, end } = claim.quote;
  return {
    iri: iris.claim(claim.id, "quote").value,
    source: iris.document(doc.document.id).value,
    quotedFrom: iris.document(doc.document.id).value,
    text: {
      iri: iris.claim(claim.id, "tqs").value,
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT), start),
      suffix: text.slice(end, end + CONTEXT),
    },
    position: {
      iri: iris.claim(claim.id, "tps").value,
      start: source.codePointOffset(start),
      end: source.codePointOffset(end),
    },
  };
}

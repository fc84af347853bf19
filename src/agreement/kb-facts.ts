/**
 * What the grouping reads (issue #15), taken from the knowledge base the build holds rather
 * than from a graph read back from its quads: each claim as a ClaimFact, each work's evidence
 * and each disagreement with public records. The IRIs are the ones the writer mints
 * (`rdf/write/iris.ts`), so the facts are the ones `facts.ts` reads from the written files —
 * tests/agreement/kb-facts.test.ts holds the two equal.
 */

import type { Claim, DocumentClaims, KnowledgeBase } from "../claims/types.ts";
import { CURATION_RULE } from "../lexicon/evidence-rules.ts";
import { CG_IRI } from "../rdf/vocab/namespaces.ts";
import { CG } from "../rdf/vocab/vocabulary.ts";
import type { Iris } from "../rdf/write/iris.ts";
import { localName } from "./detect.ts";
import type { EvidenceOf } from "./group.ts";
import type { StatedDiscrepancy } from "./public-record.ts";
import type { ConflictRules } from "./rules.ts";
import type { ClaimFact } from "./types.ts";

/** Every asserting claim of `kb` (a null cell asserts nothing), sorted by IRI. */
export function kbClaimFacts(kb: KnowledgeBase, iris: Iris): ClaimFact[] {
  const out: ClaimFact[] = [];
  const known = new Set(kb.works.map((w) => w.key));
  for (const doc of kb.documents) {
    const works = referenceWorks(doc, known, iris);
    const listed = new Set(doc.references.map((r) => r.number));
    for (const claim of doc.claims) {
      if (claim.status !== undefined || claim.subject.kind === "literal") continue;
      out.push(kbClaimFact(doc, claim, { works, listed }, iris));
    }
  }
  return out.sort((a, b) => (a.claim < b.claim ? -1 : a.claim > b.claim ? 1 : 0));
}

/**
 * The work IRI behind each reference number of `doc` that names a work of the knowledge base
 * (`known`, its works' keys: made once for all documents, as they grow together).
 */
function referenceWorks(
  doc: DocumentClaims,
  known: ReadonlySet<string>,
  iris: Iris,
): Map<number, string> {
  const out = new Map<number, string>();
  for (const r of doc.references)
    if (known.has(r.workKey) && !out.has(r.number)) out.set(r.number, iris.work(r.workKey).value);
  return out;
}

/** A document's reference numbers: those naming a work of the knowledge base, and all listed. */
interface DocumentNumbers {
  readonly works: ReadonlyMap<number, string>;
  readonly listed: ReadonlySet<number>;
}

function kbClaimFact(
  doc: DocumentClaims,
  claim: Claim,
  { works, listed }: DocumentNumbers,
  iris: Iris,
): ClaimFact {
  const { document } = doc;
  const position = document.source.position(claim.quote.start);
  const cited = claim.citations.filter((n) => works.has(n));
  const value = claim.statement?.kind === "adverseEffect" ? claim.statement.frequency : undefined;
  return {
    claim: iris.claim(claim.id).value,
    document: iris.document(document.id).value,
    subject: iris.node(claim.subject as Exclude<Claim["subject"], { kind: "literal" }>).value,
    predicate: iris.predicate(claim.predicate).value,
    ...(claim.object.kind === "literal"
      ? { text: claim.object.value }
      : { object: iris.node(claim.object).value }),
    ...(value ? { value: { scale: CG.Frequency.value, value: `${CG_IRI}${value}` } } : {}),
    ...comparisonOf(claim, iris),
    works: [...new Set(cited.map((n) => works.get(n) as string))].sort(),
    citations: [...new Set(claim.citations.filter((n) => listed.has(n)))].sort((a, b) => a - b),
    quote: document.source.text.slice(claim.quote.start, claim.quote.end),
    place: {
      file: document.source.file.split(/[\\/]/).at(-1) ?? iris.document(document.id).value,
      line: position.line,
      column: position.column,
    },
    guessed: claim.guesses.length > 0,
  };
}

/** A comparison's direction as a value, with its condition and favoured arm (as facts.ts). */
function comparisonOf(claim: Claim, iris: Iris): Pick<ClaimFact, "value" | "comparison"> {
  const cmp = claim.comparison;
  if (!cmp) return {};
  return {
    value: { scale: CG.direction.value, value: `${CG_IRI}${cmp.direction}` },
    comparison: {
      condition: iris.entity(cmp.condition.id).value,
      favours: cmp.favours ? iris.entity(cmp.favours.id).value : "",
    },
  };
}

/** Each work's tier under `rules` and whether a rule (not a curator) gave its evidence type. */
export function kbEvidenceOf(kb: KnowledgeBase, iris: Iris, rules: ConflictRules): EvidenceOf {
  const byIri = new Map(kb.works.map((w) => [iris.work(w.key).value, w]));
  return (work) => {
    const w = byIri.get(work);
    return {
      tier: (w && rules.tiers.get(localName(w.evidenceType))) || "unknown",
      inferred: w !== undefined && w.evidenceRule !== undefined && w.evidenceRule !== CURATION_RULE,
    };
  };
}

/** Every document's disagreements with public records, by the claim each is about. */
export function kbDiscrepancies(kb: KnowledgeBase, iris: Iris): StatedDiscrepancy[] {
  return kb.documents.flatMap((doc) =>
    doc.discrepancies.map((d) => ({
      claim: iris.claim(d.claimId).value,
      publicValues: d.publicValues,
    })),
  );
}

// Whether claimgraph reads each claim planted in tests/fixtures/agreement/ as planted: for every
// gold assertion and every conflict or near-miss side that names its object or value, each of
// its documents must hold a claim with that subject, predicate, object and frequency. What the
// grouping does with the claims is agreementOf's test; this is the corpus's own check.
import type { Claim, KnowledgeBase } from "../../src/claims/types.ts";
import { NAMESPACES } from "../../src/rdf/vocab/namespaces.ts";
import type { Iris } from "../../src/rdf/write/iris.ts";
import type { Gold, GoldConflict } from "./agreement-gold.ts";

/** One claim the corpus plants: in this document, this subject, predicate, object and value. */
export interface PlantedClaim {
  readonly id: string;
  readonly document: string;
  readonly subjects: readonly string[];
  readonly predicates: readonly string[];
  readonly object?: string;
  readonly value?: string;
}

function fromSides(c: GoldConflict): PlantedClaim[] {
  return c.sides
    .filter((s) => s.object !== undefined || s.value !== undefined)
    .flatMap((s) =>
      s.documents.map((document) => ({
        id: c.id,
        document,
        subjects: c.subjects,
        predicates: c.predicates,
        ...(s.object === undefined ? {} : { object: s.object }),
        ...(s.value === undefined ? {} : { value: s.value }),
      })),
    );
}

/** Every claim the gold list rests on, one per document that must state it. */
export function plantedClaims(gold: Gold): PlantedClaim[] {
  const fromAssertions = gold.assertions.flatMap((a) =>
    a.documents.map((document) => ({
      id: a.id,
      document,
      subjects: [a.subject],
      predicates: [a.predicate],
      ...(a.object === undefined ? {} : { object: a.object }),
      ...(a.value === undefined ? {} : { value: a.value }),
    })),
  );
  return [
    ...fromAssertions,
    ...gold.conflicts.flatMap(fromSides),
    ...gold.nearMisses.flatMap(fromSides),
  ];
}

/** A claim's parts as IRIs: subject, predicate, object node, frequency, document. */
function claimIris(claim: Claim, iris: Iris) {
  const node = (t: Claim["subject"]) => (t.kind === "literal" ? undefined : iris.node(t).value);
  const frequency =
    claim.statement?.kind === "adverseEffect"
      ? NAMESPACES.cg + claim.statement.frequency
      : undefined;
  return {
    document: iris.document(claim.documentId).value,
    subject: node(claim.subject),
    predicate: iris.predicate(claim.predicate).value,
    object: node(claim.object),
    frequency,
  };
}

/** The planted claims no claim of the knowledge base states, as readable lines. */
export function unreadPlanted(gold: Gold, kb: KnowledgeBase, iris: Iris): string[] {
  const read = kb.documents.flatMap((d) => d.claims.map((c) => claimIris(c, iris)));
  const missing = plantedClaims(gold).filter(
    (p) =>
      !read.some(
        (r) =>
          r.document === p.document &&
          r.subject !== undefined &&
          p.subjects.includes(r.subject) &&
          p.predicates.includes(r.predicate) &&
          (p.object === undefined || r.object === p.object) &&
          (p.value === undefined || r.frequency === p.value),
      ),
  );
  return missing.map(
    (p) =>
      `${p.id}: ${p.document} ${p.subjects[0]} ${p.predicates[0]} ${p.object ?? ""} ${p.value ?? ""}`,
  );
}

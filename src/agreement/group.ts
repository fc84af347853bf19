/**
 * The grouping of issue #15: claims that state the same thing — one subject, predicate and
 * object entity (or text, compared case- and space-blind) and, where the claim has one, one
 * normalised value — are one assertion, with the documents and distinct works behind it and
 * a support summary that counts each work once, in its evidence tier. The assertion's IRI is
 * a hash of its key alone, so adding an unrelated document does not move it.
 */
import { createHash } from "node:crypto";
import type { Assertion, ClaimFact, Support, SupportTier } from "./types.ts";

/** How a work's evidence counts: its tier, and whether a rule (not a curator) gave its type. */
export interface WorkEvidence {
  readonly tier: SupportTier;
  readonly inferred: boolean;
}

export type EvidenceOf = (work: string) => WorkEvidence;

/** The grouping key, readable: subject | predicate | object-or-text | value. */
export function assertionKey(f: ClaimFact): string {
  const object = f.object ?? `"${normaliseText(f.text ?? "")}"`;
  const key = [f.subject, f.predicate, object, f.value?.value ?? ""];
  if (f.comparison) key.push(f.comparison.condition, f.comparison.favours);
  return key.join(" | ");
}

/**
 * A stable IRI under `base` for `key`: the first 16 hex digits of the SHA-256 of the key with
 * the base's own IRIs made relative, so a knowledge base built under another `--base` names
 * the same assertions with the same digits (only the base differs).
 */
export function keyIri(base: string, kind: string, key: string): string {
  const relative = key.split(base).join("");
  return `${base}${kind}/${createHash("sha256").update(relative).digest("hex").slice(0, 16)}`;
}

/** The assertions of `facts`, sorted by key. */
export function groupFacts(
  facts: readonly ClaimFact[],
  evidenceOf: EvidenceOf,
  base: string,
): Assertion[] {
  const groups = new Map<string, ClaimFact[]>();
  for (const f of facts) {
    const key = assertionKey(f);
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, group]) => assertionOf(key, group, evidenceOf, base));
}

function assertionOf(
  key: string,
  group: readonly ClaimFact[],
  evidenceOf: EvidenceOf,
  base: string,
): Assertion {
  const first = group[0] as ClaimFact;
  const works = sorted(group.flatMap((f) => f.works));
  const inferred = works.filter((w) => evidenceOf(w).inferred);
  return {
    iri: keyIri(base, "assertion", key),
    key,
    subject: first.subject,
    predicate: first.predicate,
    ...(first.object !== undefined ? { object: first.object } : {}),
    ...(first.object === undefined && first.text !== undefined ? { text: first.text } : {}),
    ...(first.value ? { value: first.value } : {}),
    ...(first.comparison ? { comparison: first.comparison } : {}),
    claims: sorted(group.map((f) => f.claim)),
    documents: sorted(group.map((f) => f.document)),
    works,
    support: supportOf(works, evidenceOf),
    guessed: group.some((f) => f.guessed),
    ...(inferred.length > 0 ? { inferred } : {}),
  };
}

/** Distinct works per tier. */
export function supportOf(works: readonly string[], evidenceOf: EvidenceOf): Support {
  const support = { primary: 0, review: 0, tertiary: 0, consumer: 0, unknown: 0 };
  for (const w of new Set(works)) support[evidenceOf(w).tier] += 1;
  return support;
}

function normaliseText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

function sorted(items: readonly string[]): string[] {
  return [...new Set(items)].sort();
}

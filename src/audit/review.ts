/**
 * The audit's *needs review* section: a curator's worklist of what the reading guessed. Each
 * group lists one kind of guess — an entity or predicate minted from a name the lexicon lacks
 * (each once, at the first claim naming it), an evidence type a rule inferred (each work once,
 * with the entries citing it), a prose subject left unclear or taken from the previous
 * sentence, a value off its scale, a citation taken from a row label — with the `file:line:col`, the quote and the rule it was
 * read by, so each can be checked against the document.
 */
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import type { ClaimNode, EntityNode, WorkNode } from "../graph/types.ts";
import { evidenceLabel } from "../trace/evidence.ts";
import { sortClaims } from "../trace/trace.ts";

export const REVIEW_KINDS = [
  "minted-entity",
  "minted-predicate",
  "inferred-evidence-type",
  "subject-unclear",
  "subject-from-previous-sentence",
  "unread-value",
  "citation-from-row-label",
] as const;

export type ReviewKind = (typeof REVIEW_KINDS)[number];

export interface ReviewPlace {
  readonly file: string;
  readonly line: number | null;
  readonly column: number | null;
}

export interface ReviewItem {
  readonly kind: ReviewKind;
  /** The IRI of what to review: the entity, predicate, work or claim. */
  readonly subject: string;
  readonly label: string;
  /** For people; its wording may change. */
  readonly message: string;
  /** The claim's place, or where the entity, predicate or work is first named or listed. */
  readonly location: ReviewPlace | null;
  /** The quote at that place (a work: its title as the reference list gives it). */
  readonly quote: string | null;
  /** Local name of the rule the claim at that place was read by (cg:readBy). */
  readonly readBy: string | null;
  /** The cue phrase, for a relation read from prose. */
  readonly cue: string | null;
  /** Claims concerned: using the entity or predicate, citing the work; 1 for a claim. */
  readonly claims: number;
  /** For a work: its evidence type and the rule that inferred it. */
  readonly evidenceType: string | null;
  readonly evidenceRule: string | null;
  /** For a work: the reference entries that list it. */
  readonly references: readonly (ReviewPlace & { readonly number: number | null })[];
}

export interface NeedsReview {
  readonly counts: Readonly<Record<ReviewKind, number>>;
  readonly items: readonly ReviewItem[];
}

/** The guess (cg:guess local name) each per-claim group lists. */
const CLAIM_GUESSES: ReadonlyArray<readonly [ReviewKind, string, string]> = [
  ["subject-unclear", "SubjectUnclear", "the subject could not be decided"],
  [
    "subject-from-previous-sentence",
    "SubjectFromPreviousSentence",
    "the subject was taken from the previous sentence",
  ],
  ["unread-value", "UnreadValue", "the value is not on the scale"],
  ["citation-from-row-label", "CitationFromRowLabel", "a citation was taken from the row label"],
];

/** What the reading guessed, grouped by kind, each group in document order. */
export function needsReview(kg: KnowledgeGraph): NeedsReview {
  const claims: ClaimNode[] = [];
  const entities: EntityNode[] = [];
  const works: WorkNode[] = [];
  kg.forEachNode((_, a) => {
    if (a.kind === "claim") claims.push(a);
    else if (a.kind === "entity" && a.unnormalised) entities.push(a);
    else if (a.kind === "work" && a.evidenceInferred) works.push(a);
  });
  const sorted = sortClaims(claims);
  const items: ReviewItem[] = [
    ...mintedEntities(kg, entities),
    ...mintedPredicates(kg, sorted),
    ...inferredEvidence(kg, claims, works),
    ...claimGuesses(kg, sorted),
  ];
  const counts = Object.fromEntries(
    REVIEW_KINDS.map((k) => [k, items.filter((i) => i.kind === k).length]),
  ) as Record<ReviewKind, number>;
  // In document order within each group, so a curator works down the file.
  const order = new Map(REVIEW_KINDS.map((k, i) => [k, i]));
  items.sort(
    (a, b) =>
      (order.get(a.kind) ?? 0) - (order.get(b.kind) ?? 0) ||
      comparePlaces(a.location, b.location) ||
      compare(a.subject, b.subject),
  );
  return { counts, items };
}

/** An item placed at a claim. Its keys are in the order of ReviewItem (message and counts set after). */
function fromClaim(
  kg: KnowledgeGraph,
  kind: ReviewKind,
  subject: string,
  label: string,
  c: ClaimNode,
): ReviewItem {
  return {
    ...empty(kind, subject, label),
    location: {
      file: fileOf(kg, c.location.document),
      line: c.location.line ?? null,
      column: c.location.column ?? null,
    },
    quote: c.quote?.exact ?? null,
    readBy: c.readBy ?? null,
    cue: c.cue ?? null,
    claims: 1,
  };
}

/** Each minted entity once, at the first claim using it that names it (else the first using it). */
function mintedEntities(kg: KnowledgeGraph, entities: readonly EntityNode[]): ReviewItem[] {
  return byIri(entities).map((e) => {
    const using = sortClaims([...kg.claimsAbout(e.iri), ...kg.claimsMentioning(e.iri)]);
    const first = using.find((c) => names(c, e.label)) ?? using[0];
    const message = `${e.label} (${e.type}) is not in the lexicon: minted from its name, used by ${using.length} claim${using.length === 1 ? "" : "s"}`;
    return first
      ? { ...fromClaim(kg, "minted-entity", e.iri, e.label, first), message, claims: using.length }
      : { ...empty("minted-entity", e.iri, e.label), message };
  });
}

/** Each minted predicate once, at its first claim. */
function mintedPredicates(kg: KnowledgeGraph, sorted: readonly ClaimNode[]): ReviewItem[] {
  const byPredicate = new Map<string, ClaimNode[]>();
  for (const c of sorted) {
    if (!c.guesses.includes("MintedPredicate")) continue;
    const list = byPredicate.get(c.predicate) ?? [];
    list.push(c);
    byPredicate.set(c.predicate, list);
  }
  return [...byPredicate]
    .sort(([a], [b]) => compare(a, b))
    .map(([predicate, list]) => {
      const label = kg.predicateLabel(predicate);
      return {
        ...fromClaim(kg, "minted-predicate", predicate, label, list[0] as ClaimNode),
        message: `"${label}" is no predicate of the lexicon: minted from the row's name, used by ${list.length} claim${list.length === 1 ? "" : "s"}`,
        claims: list.length,
      };
    });
}

/** Each work whose evidence type a rule inferred, once, with the entries that list it. */
function inferredEvidence(
  kg: KnowledgeGraph,
  claims: readonly ClaimNode[],
  works: readonly WorkNode[],
): ReviewItem[] {
  const citing = new Map<string, number>();
  for (const c of claims) {
    const cited = new Set(c.citations.map((ref) => kg.citedWork(ref)?.iri));
    for (const w of cited) if (w) citing.set(w, (citing.get(w) ?? 0) + 1);
  }
  return byIri(works).map((w) => {
    const listed = listings(kg, w);
    const first = listed[0];
    const numbers = listed.map((r) => `[${r.number ?? "?"}]`).join(" ");
    const count = citing.get(w.iri) ?? 0;
    return {
      ...empty("inferred-evidence-type", w.iri, w.label),
      message: `${numbers ? `${numbers} ` : ""}${w.label}: ${evidenceLabel(w.evidenceType)}, inferred by rule ${w.evidenceRule}; cited by ${count} claim${count === 1 ? "" : "s"}`,
      location: first ? { file: first.file, line: first.line, column: first.column } : null,
      quote: first?.title ?? null,
      claims: count,
      evidenceType: w.evidenceType,
      evidenceRule: w.evidenceRule ?? null,
      references: listed.map(({ title: _, ...r }) => r),
    };
  });
}

/** The reference entries listing a work, by file and line, each with its title. */
function listings(kg: KnowledgeGraph, w: WorkNode) {
  return kg
    .referencesOf(w.iri)
    .map((r) => ({
      file: fileOf(kg, r.document),
      line: r.line ?? null,
      column: r.line === undefined ? null : 1,
      number: r.number ?? null,
      title: r.title,
    }))
    .sort((a, b) => compare(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** One item per claim for the guesses about a claim's subject or value. */
function claimGuesses(kg: KnowledgeGraph, sorted: readonly ClaimNode[]): ReviewItem[] {
  const items: ReviewItem[] = [];
  for (const [kind, guess, why] of CLAIM_GUESSES) {
    for (const c of sorted) {
      if (!c.guesses.includes(guess)) continue;
      const value = c.frequency ? ` (${c.frequency})` : "";
      items.push({
        ...fromClaim(kg, kind, c.iri, c.label, c),
        message: `${kg.label(c.subject)} · ${kg.predicateLabel(c.predicate)}${value}: ${why}`,
      });
    }
  }
  return items;
}

/** The needs-review section for people: counts first, then each group up to `limit` items. */
export function renderReview(review: NeedsReview, limit: number): string[] {
  const out: string[] = ["needs review (what the reading guessed)"];
  const width = Math.max(...REVIEW_KINDS.map((k) => k.length));
  for (const kind of REVIEW_KINDS)
    out.push(`  ${kind.padEnd(width)}  ${String(review.counts[kind]).padStart(4)}`);
  for (const kind of REVIEW_KINDS) {
    const list = review.items.filter((i) => i.kind === kind);
    if (list.length === 0) continue;
    out.push("", `${kind} (${list.length})`);
    for (const item of list.slice(0, limit)) {
      const where = item.location ? `${placeText(item.location)}: ` : "";
      // A work's title is in its message already; a work listed twice says where else.
      const read = [
        item.quote === null || item.evidenceType ? "" : JSON.stringify(clip(item.quote)),
        item.references.length > 1
          ? `listed as ${item.references.map((r) => `[${r.number ?? "?"}] ${placeText(r)}`).join(", ")}`
          : "",
        item.readBy ? `read by ${item.readBy}` : "",
        item.cue ? `cue "${item.cue}"` : "",
      ].filter((s) => s !== "");
      out.push(`  ${where}${item.message}`);
      if (read.length > 0) out.push(`      ${read.join(" · ")}`);
    }
    if (list.length > limit) out.push(`  … ${list.length - limit} more (--limit N, or --json)`);
  }
  return out;
}

function empty(kind: ReviewKind, subject: string, label: string): ReviewItem {
  return {
    kind,
    subject,
    label,
    message: "",
    location: null,
    quote: null,
    readBy: null,
    cue: null,
    claims: 0,
    evidenceType: null,
    evidenceRule: null,
    references: [],
  };
}

/** Whether the claim's quote or table header names `label`. */
function names(c: ClaimNode, label: string): boolean {
  const key = label.toLowerCase();
  return [c.quote?.exact, c.table?.columnLabel, c.table?.rowLabel].some(
    (text) => text?.toLowerCase().includes(key) ?? false,
  );
}

function fileOf(kg: KnowledgeGraph, doc: string | undefined): string {
  return doc ? (kg.document(doc)?.fileName ?? kg.label(doc)) : "?";
}

function placeText(p: ReviewPlace): string {
  return `${p.file}:${p.line ?? "?"}${p.column ? `:${p.column}` : ""}`;
}

/** By file, line and column; an item with no place last. */
function comparePlaces(a: ReviewPlace | null, b: ReviewPlace | null): number {
  if (!a || !b) return (a ? 0 : 1) - (b ? 0 : 1);
  return (
    compare(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)
  );
}

function byIri<T extends { readonly iri: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => compare(a.iri, b.iri));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

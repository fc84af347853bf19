/**
 * The scale probe for `trace`: opens the seed's knowledge base and the large one in the same
 * process, finds the hub entities (the most-claimed, by counting, and the most-claimed drug or
 * class minted from a name the lexicon lacks), then times the same queries
 * on both, call by call, so each figure at scale has its seed figure from the same process.
 * run by scale.mjs (bundled like the other probes); prints one JSON object.
 *
 * Every call asks for one page, `{ offset: 0, limit }`, as the CLI does (its default limit is
 * 100): `total` and the group counts are complete, `claims` holds at most `limit`.
 */

import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { resolve } from "../../src/graph/resolve.ts";
import { type TraceResult, trace } from "../../src/trace/trace.ts";

interface Options {
  readonly seedKb: string;
  readonly kb: string;
  /** Seconds a case may spend in its timed loop, per knowledge base. */
  readonly budget: number;
  readonly iterations: number;
  readonly minCalls: number;
  readonly limit: number;
  readonly hubs: number;
  readonly queries: readonly string[];
  readonly claim: string;
}

const options = JSON.parse(process.argv[2] ?? "{}") as Options;
const now = process.hrtime.bigint;
const page = { offset: 0, limit: options.limit };
const tracePaged = (kg: KnowledgeGraph, q: string, limit = options.limit): TraceResult =>
  limit === options.limit ? trace(kg, q, page) : trace(kg, q, { offset: 0, limit });

const t0 = now();
const seed = await openKnowledgeGraph([options.seedKb]);
const seedOpenMs = Number(now() - t0) / 1e6;
const t1 = now();
const big = await openKnowledgeGraph([options.kb]);
const openMs = Number(now() - t1) / 1e6;

// The hub entities: the most claims about them (as subject or object).
const t2 = now();
const counts: Array<{ iri: string; label: string; claims: number; minted: boolean }> = [];
big.forEachNode((iri, a) => {
  if (a.kind !== "entity") return;
  // A drug or class the lexicon lacks, read from a column header alone (the corpus's
  // unknown share): its claims are found through a minted entity, not a lexicon entry.
  const minted = a.unnormalised && (a.type === "Drug" || a.type === "DrugClass");
  counts.push({ iri, label: a.label, claims: 0, minted });
});
for (const c of counts) c.claims = big.claimsAbout(c.iri).length;
counts.sort((a, b) => b.claims - a.claims || (a.iri < b.iri ? -1 : 1));
const countMs = Number(now() - t2) / 1e6;
const hubs = counts.slice(0, options.hubs);
const mintedHub = counts.find((c) => c.minted && !hubs.includes(c));
if (mintedHub) hubs.push(mintedHub);

/** The name a person would type, when it resolves to the hub; else its compact IRI. */
function hubQuery(h: { iri: string; label: string }): string {
  // resolve, not trace: trace would build the hub's index before its first call is timed.
  const r = resolve(big, h.label);
  return r.kind === "entity" && r.entity === h.iri ? h.label : big.compact(h.iri);
}
const queries = [
  ...hubs.map(hubQuery),
  ...options.queries.filter((q) => !hubs.some((h) => hubQuery(h) === q)),
  options.claim,
];

function answer(kg: KnowledgeGraph, q: string) {
  const r = tracePaged(kg, q);
  return {
    match: r.match,
    total: r.total,
    returned: r.claims.length,
    groups: r.entity?.groups.length ?? null,
  };
}

function measure(kg: KnowledgeGraph, q: string, limit = options.limit) {
  let t = now();
  let sink = tracePaged(kg, q, limit).total;
  const firstUs = Number(now() - t) / 1e3;
  // Warm up for a tenth of the budget (at least 5 calls), then time calls one by one.
  t = now();
  let warm = 0;
  while (warm < 5 || (warm < 2000 && Number(now() - t) < options.budget * 1e8)) {
    sink += tracePaged(kg, q, limit).total;
    warm++;
  }
  const estimateNs = Math.max(Number(now() - t) / warm, 1);
  const n = Math.max(
    options.minCalls,
    Math.min(options.iterations, Math.floor((options.budget * 1e9) / estimateNs)),
  );
  const perCall = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const a = now();
    sink += tracePaged(kg, q, limit).total;
    perCall[k] = Number(now() - a);
  }
  return { firstUs, perCallNs: Array.from(perCall), sink };
}

// Timed first, so the first call is the first in the process (it builds the query's index).
const results = queries.map((q) => {
  const onSeed = resolve(seed, q).kind === "none" ? null : measure(seed, q);
  const atScale = measure(big, q);
  const seedAnswer = answer(seed, q);
  const scaleAnswer = answer(big, q);
  // Also at the page size of the seed's answer when the large graph returns more: the same
  // work, so what is left of the difference is the size of the graph showing through (a scan).
  const samePage =
    onSeed && seedAnswer.returned > 0 && seedAnswer.returned < scaleAnswer.returned
      ? { limit: seedAnswer.returned, ...measure(big, q, seedAnswer.returned) }
      : null;
  return {
    query: q,
    hub: hubs.find((h) => hubQuery(h) === q)?.claims ?? null,
    minted: hubs.find((h) => hubQuery(h) === q)?.minted ?? false,
    seed: { answer: seedAnswer, ...onSeed },
    scale: { answer: scaleAnswer, ...atScale },
    samePage,
  };
});

process.stdout.write(
  JSON.stringify({
    seedOpenMs,
    openMs,
    countMs,
    limit: options.limit,
    nodes: big.order,
    edges: big.size,
    topEntities: counts.slice(0, 10),
    results,
  }),
);

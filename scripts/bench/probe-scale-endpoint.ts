/**
 * The scale probe for `trace --endpoint` and `compare --endpoint` (#16.5): against a store the
 * large knowledge base was bulk-loaded into (virtuoso.mjs), times what the commands do after
 * their arguments are read — the queries to the store, the graph built from the answers, and
 * trace's or compare's answer on it (agreement included) — call by call, with the number of
 * round trips each call made. Run by scale.mjs (bundled like the other probes); prints one
 * JSON object.
 */
import { agreementOf } from "../../src/agreement/agreement.ts";
import { resolve } from "../../src/graph/resolve.ts";
import { comparison } from "../../src/projection/compare.ts";
import { withAgreement } from "../../src/projection/compare-agreement.ts";
import { remoteCompareGraph } from "../../src/store/remote-compare.ts";
import { remoteGraph } from "../../src/store/remote-graph.ts";
import { SparqlClient } from "../../src/store/sparql-client.ts";
import { trace } from "../../src/trace/trace.ts";

interface Options {
  readonly endpoint: string;
  readonly traces: readonly string[];
  readonly compares: ReadonlyArray<readonly string[]>;
  readonly runs: number;
}

const options = JSON.parse(process.argv[2] ?? "{}") as Options;
const now = process.hrtime.bigint;

// Every request to the store goes through these two methods: count them.
let requests = 0;
const client = SparqlClient.prototype;
const select = client.results;
const triples = client.triples;
client.results = function (this: SparqlClient, q: string) {
  requests += 1;
  return select.call(this, q);
};
client.triples = function (this: SparqlClient, q: string) {
  requests += 1;
  return triples.call(this, q);
};

interface Case {
  readonly query: string;
  readonly ms: number[];
  readonly requests: number;
  /** Nodes of the graph read from the store, and the claims of the answer. */
  readonly nodes: number;
  readonly answered: number;
  readonly skipped?: string;
}

async function timed(
  query: string,
  call: () => Promise<{ nodes: number; answered: number }>,
): Promise<Case> {
  const ms: number[] = [];
  let last = { nodes: 0, answered: 0 };
  let made = 0;
  // One call first, untimed: the store's caches and the process's code warm up. A query the
  // store cannot answer (a name another corpus lacks) is reported as such, not timed.
  try {
    await call();
  } catch (error) {
    return { query, ms, requests: 0, nodes: 0, answered: 0, skipped: (error as Error).message };
  }
  for (let i = 0; i < options.runs; i++) {
    const before = requests;
    const t = now();
    last = await call();
    ms.push(Number(now() - t) / 1e6);
    made = requests - before;
  }
  return { query, ms, requests: made, ...last };
}

const traced: Case[] = [];
for (const query of options.traces) {
  traced.push(
    await timed(query, async () => {
      const kg = await remoteGraph(options.endpoint, query);
      const answer = trace(kg, query, { offset: 0, limit: 100 });
      return { nodes: kg.graph.order, answered: answer.total };
    }),
  );
}

const compared: Case[] = [];
for (const names of options.compares) {
  compared.push(
    await timed(names.join(" "), async () => {
      const kg = await remoteCompareGraph(options.endpoint, names);
      const drugs = names.map((n) => {
        const r = resolve(kg, n);
        if (r.kind !== "entity") throw new Error(`bench: ${n} names no drug in the store`);
        return r.entity;
      });
      const result = withAgreement(comparison(kg, drugs), agreementOf(kg));
      const claims = result.rows.reduce(
        (sum, r) => sum + r.cells.reduce((s, c) => s + c.claims.length, 0),
        0,
      );
      return { nodes: kg.graph.order, answered: claims };
    }),
  );
}

process.stdout.write(`${JSON.stringify({ trace: traced, compare: compared })}\n`);

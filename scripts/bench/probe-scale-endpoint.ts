/**
 * The scale probe for `trace --endpoint` and `compare --endpoint` (#16.5): against a store the
 * large knowledge base was bulk-loaded into (virtuoso.mjs), times what the commands do after
 * their arguments are read — the queries to the store, the graph built from the answers, and
 * trace's or compare's answer on it (agreement included) — call by call, with the number of
 * round trips each call made. Run by scale.mjs (bundled like the other probes); prints one
 * JSON line per query as soon as it is measured (`{"command": "trace" | "compare", …}`), so a
 * stage stopped at its time limit keeps what it had measured.
 */
import { subjectsAgreement } from "../../src/agreement/subject-agreement.ts";
import { tracePage } from "../../src/cli/trace-page.ts";
import { resolve } from "../../src/graph/resolve.ts";
import { comparedSubjects, comparison } from "../../src/projection/compare.ts";
import { withAgreement } from "../../src/projection/compare-agreement.ts";
import { RemoteQuestions } from "../../src/store/questions.ts";
import { remoteCompareGraph } from "../../src/store/remote-compare.ts";
import { SparqlClient } from "../../src/store/sparql-client.ts";

interface Options {
  readonly endpoint: string;
  readonly traces: readonly string[];
  readonly compares: ReadonlyArray<readonly string[]>;
  readonly runs: number;
}

const options = JSON.parse(process.argv[2] ?? "{}") as Options;
const now = process.hrtime.bigint;

// Every request to the store goes through these two methods: count them, and the rounds
// (requests sent while none other was under way: those sent together make one round trip).
let requests = 0;
let rounds = 0;
let inFlight = 0;
function counted<T>(send: () => Promise<T>): Promise<T> {
  requests += 1;
  if (inFlight === 0) rounds += 1;
  inFlight += 1;
  return send().finally(() => {
    inFlight -= 1;
  });
}
const client = SparqlClient.prototype;
const select = client.results;
const triples = client.triples;
client.results = function (this: SparqlClient, q: string) {
  return counted(() => select.call(this, q));
};
client.triples = function (this: SparqlClient, q: string) {
  return counted(() => triples.call(this, q));
};

interface Case {
  readonly query: string;
  readonly ms: number[];
  readonly requests: number;
  /** Round trips: requests sent together count once. */
  readonly rounds: number;
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
  let waves = 0;
  // One call first, untimed: the store's caches and the process's code warm up. A query the
  // store cannot answer (a name another corpus lacks) is reported as such, not timed.
  try {
    await call();
  } catch (error) {
    return {
      query,
      ms,
      requests: 0,
      rounds: 0,
      nodes: 0,
      answered: 0,
      skipped: (error as Error).message,
    };
  }
  for (let i = 0; i < options.runs; i++) {
    const before = requests;
    const roundsBefore = rounds;
    const t = now();
    last = await call();
    ms.push(Number(now() - t) / 1e6);
    made = requests - before;
    waves = rounds - roundsBefore;
  }
  return { query, ms, requests: made, rounds: waves, ...last };
}

/** One measured query, written at once. */
function report(command: "trace" | "compare", measured: Case): void {
  process.stdout.write(`${JSON.stringify({ command, ...measured })}\n`);
}

for (const query of options.traces) {
  report(
    "trace",
    await timed(query, async () => {
      // As `trace --endpoint` reads its first page (an entity's page alone, counted at the store).
      const source = new RemoteQuestions(options.endpoint);
      const { kg, result } = await tracePage(source, query, { offset: 0, limit: 100 });
      return { nodes: kg.graph.order, answered: result.total };
    }),
  );
}

for (const names of options.compares) {
  report(
    "compare",
    await timed(names.join(" "), async () => {
      const kg = await remoteCompareGraph(options.endpoint, names);
      const drugs = names.map((n) => {
        const r = resolve(kg, n);
        if (r.kind !== "entity") throw new Error(`bench: ${n} names no drug in the store`);
        return r.entity;
      });
      // As `compare --endpoint` answers: the agreement of the columns' subjects.
      const compared = comparison(kg, drugs);
      const subjects = comparedSubjects(compared.columns);
      const result = withAgreement(compared, subjectsAgreement(kg, subjects));
      const claims = result.rows.reduce(
        (sum, r) => sum + r.cells.reduce((s, c) => s + c.claims.length, 0),
        0,
      );
      return { nodes: kg.graph.order, answered: claims };
    }),
  );
}

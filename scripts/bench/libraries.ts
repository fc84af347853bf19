/**
 * Own code or a library (docs/architecture.md, "Our own code or a library"): micro-benchmarks of
 * the hand-written parts where a well-kept library exists and the choice turned on speed.
 *   npx tsx scripts/bench/libraries.ts [--rounds N]
 * Prints one line per comparison (median ms of N rounds, after two warm-ups). Not part of
 * `npm test` or `npm run bench`: it backs a decision, it does not guard a limit.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { decodeHTMLStrict } from "entities/decode";
import { Parser } from "n3";
import { cleanText } from "../../src/document/clean.ts";
import { parseRdf } from "../../src/rdf/read/guarded-parser.ts";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "15" } } });
const rounds = Math.max(1, Number(values.rounds));
const root = join(import.meta.dirname, "..", "..");

function median(run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < rounds + 2; i++) {
    const t = process.hrtime.bigint();
    run();
    if (i >= 2) times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

function report(what: string, ours: number, library: number): void {
  const ratio = (ours / library).toFixed(2);
  console.log(`${what}: ours ${ours.toFixed(2)} ms, library ${library.toFixed(2)} ms (${ratio}×)`);
}

// 1. The guarded Turtle parser (n3 watched token by token) against n3's parser alone.
const kb = readFileSync(join(root, "graph", "kb.ttl"), "utf8");
// Ten copies of the seed's statements (the same triples again: parsing costs the same).
const body = kb.replace(/^@prefix.*$/gm, "");
const turtle = kb + body.repeat(9);
let count = 0;
const guarded = median(() => {
  count = 0;
  parseRdf(turtle, "Turtle", () => count++);
});
const guardedQuads = count;
const plain = median(() => {
  count = new Parser({ format: "Turtle" }).parse(turtle).length;
});
report(`Turtle, ${guardedQuads} quads (the seed ×10): guarded parser vs n3 alone`, guarded, plain);

// 2. HTML entities: the 12-name table this replaced, against `entities`, per reference.
const TABLE: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  micro: "µ",
  deg: "°",
  plusmn: "±",
  times: "×",
};
const names = ["&amp;", "&ndash;", "&beta;", "&rsquo;", "&eacute;", "&micro;"];
const references = Array.from({ length: 200_000 }, (_, i) => names[i % names.length] as string);
let sink = 0;
const table = median(() => {
  for (const r of references) sink += (TABLE[r.slice(1, -1)] ?? r).length;
});
const library = median(() => {
  for (const r of references) sink += decodeHTMLStrict(r).length;
});
report("HTML entities, 200,000 references: the old 12-name table vs entities", table, library);

// 3. What that costs a document: cleaning every line of a corpus document that has entities.
const documentText = readFileSync(
  join(root, "tests", "fixtures", "corpus", "lithium-vs-valproate.md"),
  "utf8",
);
const lines = documentText.split("\n");
const cleaning = median(() => {
  for (let i = 0; i < 20; i++) for (const line of lines) sink += cleanText(line, 0).text.length;
});
console.log(
  `cleaning lithium-vs-valproate.md ×20 with entities decoding: ${cleaning.toFixed(2)} ms (${sink > 0 ? "ok" : ""})`,
);

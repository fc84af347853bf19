/**
 * The scale probe for building and exporting: where `claimgraph build` and `export` spend
 * their time, in one process (bundled like the other probes; run by scale.mjs). It prepares
 * the corpus once (read, parse, extract: what build and export do before writing), then
 * times, round after round:
 *
 *   - `streamSections(prepared, [])`: the quads alone, no writer (documentQuads per document,
 *     then the shared quads);
 *   - `streamSections(prepared, [format])` for each format, its text kept in memory as
 *     chunks, up to KEEP characters (what `export --format F` does after preparing, minus the
 *     file writes);
 *   - `streamSections(prepared, FORMATS)`: the four writers together, as `build` runs them.
 *
 * A format's serialisation alone is its time minus the quads-alone time of the same round.
 *
 * And what the agreement (#15) adds to those runs, each round: grouping the claims and
 * detecting conflicts (`kbAgreement`), the agreement graph's quads, and their text in the four
 * formats (`agreementMs`, the sum; the build's `all` run includes it).
 * Prints one JSON object; times in ms.
 */
import { agreementGraph, agreementQuads } from "../../src/agreement/rdf.ts";
import { kbAgreement } from "../../src/pipeline/agreement-section.ts";
import { prepare, streamSections } from "../../src/pipeline/pipeline.ts";
import { writeSliced } from "../../src/pipeline/section-slices.ts";
import { FORMATS, type Format } from "../../src/rdf/vocab/formats.ts";
import { PREFIXES } from "../../src/rdf/vocab/namespaces.ts";
import { writerFor } from "../../src/rdf/write/writers.ts";

interface Options {
  readonly sources: string;
  readonly curation: string;
  readonly rounds: number;
}

const options = JSON.parse(process.argv[2] ?? "{}") as Options;
/** The text kept in memory, at most (n3-writer.mjs has the same cap, and says why). */
const KEEP = 2e9;
const gc = (globalThis as { gc?: () => void }).gc;

gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const t = performance.now();
const prepared = prepare({ sources: options.sources, curation: options.curation });
const prepareMs = performance.now() - t;
gc?.();
const preparedHeapBytes = process.memoryUsage().heapUsed - heapBefore;
const documents = prepared.kb.documents.length;

function run(formats: readonly Format[]) {
  const chars = new Map<Format, number>(formats.map((f) => [f, 0]));
  const chunks: string[] = [];
  let held = 0;
  gc?.();
  const start = performance.now();
  const quads = streamSections(prepared, formats, (f, text) => {
    // Kept up to KEEP characters, as n3-writer.mjs keeps n3's text (the baseline's side).
    if (held + text.length <= KEEP) {
      held += text.length;
      chunks.push(text);
    }
    chars.set(f, (chars.get(f) ?? 0) + text.length);
  });
  const ms = performance.now() - start;
  return { ms, quads, chars: Object.fromEntries(chars) };
}

const cases: Array<{ name: string; formats: readonly Format[] }> = [
  { name: "quads", formats: [] },
  ...FORMATS.map((f) => ({ name: f, formats: [f] })),
  { name: "all", formats: FORMATS },
];
/** The agreement's part of a build: grouping and detection, its quads, their text in every format. */
function agreement() {
  const { kb, iris } = prepared;
  gc?.();
  const start = performance.now();
  const found = kbAgreement(kb, iris);
  const groupMs = performance.now() - start;
  const quads = agreementQuads(found, agreementGraph(iris.base), (c) => c);
  const quadsMs = performance.now() - start - groupMs;
  const prefixes = { ...PREFIXES, ...iris.prefixes() };
  let chars = 0;
  for (const f of FORMATS) {
    const w = writerFor(f, prefixes);
    w.begin();
    // In slices, as the build writes it: at 10,000 documents one string cannot hold it.
    writeSliced(w, quads, (text) => {
      chars += text.length;
    });
  }
  const ms = performance.now() - start;
  return {
    ms,
    groupMs,
    quadsMs,
    writeMs: ms - groupMs - quadsMs,
    quads: quads.length,
    assertions: found.assertions.length,
    conflicts: found.conflicts.length,
    chars,
  };
}

const rounds: Array<Record<string, { ms: number; quads: number; chars: Record<string, number> }>> =
  [];
const agreements: Array<ReturnType<typeof agreement>> = [];
for (let r = 0; r < options.rounds; r++) {
  const round: (typeof rounds)[number] = {};
  for (const c of cases) round[c.name] = run(c.formats);
  rounds.push(round);
  agreements.push(agreement());
}

process.stdout.write(
  JSON.stringify({
    documents,
    prepareMs,
    preparedHeapBytes,
    rounds,
    agreements,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  }),
);

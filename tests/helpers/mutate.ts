// Document fuzzing: seeded byte-level mutations of a source document (lines dropped, duplicated,
// swapped; the file cut anywhere; tabs, brackets, citation markers, a very long line, NUL, invalid
// UTF-8, CRLF, a BOM inserted), and the oracle every mutated build must satisfy. Shared by
// tests/fuzz/documents.test.ts (a few thousand cases) and scripts/fuzz.ts (as many as asked).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../src/base/errors.ts";
import { ontologyDir } from "../../src/base/paths.ts";
import { type LoadedLexicon, loadLexicon } from "../../src/lexicon/load.ts";
import { buildKnowledgeBase } from "../../src/pipeline/knowledge-base.ts";
import { validateShacl } from "../../src/rdf/check/shacl.ts";
import { parseExport, quadSet } from "../../src/rdf/read/export-text.ts";
import { DEFAULT_BASE_IRI } from "../../src/rdf/vocab/namespaces.ts";
import { Iris } from "../../src/rdf/write/iris.ts";
import { toSections } from "../../src/rdf/write/quads.ts";
import { serializeSections, turtleTriples } from "../../src/rdf/write/serialize.ts";
import { ROOT } from "./build.ts";

/** The documents mutated: the seed and the second document. */
export const FUZZ_DOCUMENTS = [
  join(ROOT, "graph", "sources", "desipramine-vs-ssris.md"),
  join(ROOT, "tests", "fixtures", "sources", "nortriptyline-vs-sertraline.md"),
] as const;

// ---------------------------------------------------------------------------------------------
// A small seeded PRNG (mulberry32): the same seed gives the same cases on every machine.

export type Random = () => number;

export function prng(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function below(random: Random, n: number): number {
  return Math.floor(random() * n);
}

// ---------------------------------------------------------------------------------------------
// Mutations

const utf8 = (text: string) => new TextEncoder().encode(text);

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Splits at each LF, keeping it, so joining the lines gives the bytes back. */
function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 10) {
      lines.push(bytes.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}

function insertAt(random: Random, bytes: Uint8Array, insert: Uint8Array): Uint8Array {
  const at = below(random, bytes.length + 1);
  return concat(bytes.subarray(0, at), insert, bytes.subarray(at));
}

type Mutation = (random: Random, bytes: Uint8Array) => Uint8Array;

const lineMutation =
  (change: (random: Random, lines: Uint8Array[]) => void): Mutation =>
  (random, bytes) => {
    const lines = splitLines(bytes);
    if (lines.length > 0) change(random, lines);
    return concat(...lines);
  };

const insertion =
  (text: string | Uint8Array): Mutation =>
  (random, bytes) =>
    insertAt(random, bytes, typeof text === "string" ? utf8(text) : text);

/** Named so a failing case says what was done to the document; weights favour text over binary. */
export const MUTATIONS: Readonly<Record<string, { weight: number; apply: Mutation }>> = {
  dropLine: {
    weight: 6,
    apply: lineMutation((r, lines) => void lines.splice(below(r, lines.length), 1)),
  },
  duplicateLine: {
    weight: 6,
    apply: lineMutation((r, lines) => {
      const i = below(r, lines.length);
      lines.splice(i, 0, lines[i] as Uint8Array);
    }),
  },
  swapLines: {
    weight: 6,
    apply: lineMutation((r, lines) => {
      const i = below(r, lines.length);
      const j = below(r, lines.length);
      [lines[i], lines[j]] = [lines[j] as Uint8Array, lines[i] as Uint8Array];
    }),
  },
  cut: { weight: 3, apply: (r, bytes) => bytes.subarray(0, below(r, bytes.length + 1)) },
  tab: { weight: 3, apply: insertion("\t") },
  openBracket: { weight: 3, apply: insertion("[") },
  closeBracket: { weight: 3, apply: insertion("]") },
  marker0: { weight: 3, apply: insertion("[0]") },
  marker99: { weight: 3, apply: insertion("[99]") },
  marker1a: { weight: 3, apply: insertion("[1a]") },
  longLine: { weight: 0.5, apply: insertion(`\n${"lorem ipsum ".repeat(8_534)}\n`) },
  nul: { weight: 1, apply: insertion(new Uint8Array([0])) },
  invalidUtf8: { weight: 1, apply: insertion(new Uint8Array([0xc3, 0x28, 0xff])) },
  crlf: {
    weight: 2,
    apply: (_r, bytes) => {
      const out: number[] = [];
      bytes.forEach((b, i) => {
        if (b === 10 && bytes[i - 1] !== 13) out.push(13);
        out.push(b);
      });
      return new Uint8Array(out);
    },
  },
  bom: { weight: 2, apply: (_r, bytes) => concat(new Uint8Array([0xef, 0xbb, 0xbf]), bytes) },
};

const NAMES = Object.keys(MUTATIONS);

/** Overrides of the mutations' weights for one run (0 leaves a mutation out). */
export type Weights = Readonly<Record<string, number>>;

function pickMutation(random: Random, weights: Weights): string {
  const weight = (name: string) => weights[name] ?? MUTATIONS[name]?.weight ?? 0;
  let left = random() * NAMES.reduce((n, name) => n + weight(name), 0);
  for (const name of NAMES) {
    left -= weight(name);
    if (left < 0) return name;
  }
  return NAMES[NAMES.length - 1] as string;
}

export interface FuzzCase {
  readonly index: number;
  /** The original document's path. */
  readonly source: string;
  /** The file name given to the build, as diagnostics must show it. */
  readonly file: string;
  readonly mutations: readonly string[];
  readonly bytes: Uint8Array;
}

/**
 * Case `index` of run `seed`: one of the documents with 1–3 mutations. Each case has its own
 * PRNG stream, so any case can be regenerated alone from (seed, index).
 */
export function fuzzCase(
  seed: number,
  index: number,
  originals: readonly Uint8Array[],
  weights: Weights = {},
): FuzzCase {
  const random = prng((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  const which = below(random, originals.length);
  let bytes = originals[which] as Uint8Array;
  const mutations: string[] = [];
  const count = 1 + below(random, 3);
  for (let i = 0; i < count; i++) {
    const name = pickMutation(random, weights);
    mutations.push(name);
    bytes = (MUTATIONS[name] as { apply: Mutation }).apply(random, bytes);
  }
  const source = FUZZ_DOCUMENTS[which] as string;
  return { index, source, file: source.split("/").at(-1) as string, mutations, bytes };
}

// ---------------------------------------------------------------------------------------------
// The oracle

export interface FuzzContext {
  readonly lexicon: LoadedLexicon;
  readonly works: { readonly file: string; readonly text: string };
  readonly originals: readonly Uint8Array[];
}

export function fuzzContext(): FuzzContext {
  const worksFile = join(ROOT, "graph", "curation", "works.tsv");
  return {
    lexicon: loadLexicon(ontologyDir()),
    works: { file: worksFile, text: readFileSync(worksFile, "utf8") },
    originals: FUZZ_DOCUMENTS.map((path) => new Uint8Array(readFileSync(path))),
  };
}

export type Outcome =
  | { readonly kind: "built"; readonly quads: number; readonly shacl: boolean }
  | { readonly kind: "rejected"; readonly errors: number }
  /** The oracle was broken: each problem says how. */
  | { readonly kind: "bug"; readonly problems: readonly string[] };

/** Lines in `bytes` as diagnostics count them: LF-separated. */
function lineCount(bytes: Uint8Array): number {
  let n = 1;
  for (const b of bytes) if (b === 10) n++;
  return n;
}

/**
 * Builds one case in memory and checks it: it either builds (and its Turtle, TriG and N-Quads
 * re-parse to the same quads; with `shacl`, the dataset conforms to the shapes) or throws an
 * InputError whose every error is located in this file; anything else is a bug.
 */
export async function checkCase(c: FuzzCase, ctx: FuzzContext, shacl: boolean): Promise<Outcome> {
  let built: ReturnType<typeof buildKnowledgeBase>;
  try {
    built = buildKnowledgeBase({
      documents: [{ file: c.file, bytes: c.bytes }],
      lexicon: ctx.lexicon,
      curation: { file: "claims.tsv", rows: [] },
      works: ctx.works,
    });
  } catch (error) {
    if (!(error instanceof InputError)) {
      return { kind: "bug", problems: [`threw ${(error as Error)?.stack ?? String(error)}`] };
    }
    return checkRejection(c, error);
  }
  const problems: string[] = [];
  try {
    const iris = new Iris(DEFAULT_BASE_IRI);
    const sections = toSections(built.kb, iris);
    const quads = sections.flat();
    const triples = turtleTriples(quads);
    for (const format of ["turtle", "trig", "nquads"] as const) {
      const text = serializeSections(sections, format, iris.prefixes());
      const parsed = await parseExport(text, format);
      const want = format === "turtle" ? triples : quads;
      // Counts first (sets of canonical lines cost more than the parse); sets only to explain.
      if (parsed.length === want.length) continue;
      const got = quadSet(parsed);
      const wanted = quadSet(want);
      const missing = [...wanted].filter((q) => !got.has(q));
      const extra = [...got].filter((q) => !wanted.has(q));
      if (missing.length > 0 || extra.length > 0 || got.size !== parsed.length) {
        problems.push(
          `${format} re-parses to ${parsed.length} quads, not ${want.length}: missing ${missing.slice(0, 3).join(" | ")}; extra ${extra.slice(0, 3).join(" | ")}`,
        );
      }
    }
    if (shacl) {
      const report = await validateShacl(quads);
      if (!report.conforms) {
        problems.push(
          `SHACL: ${report.results
            .slice(0, 5)
            .map((r) => `${r.focusNode} ${r.path ?? ""} ${r.message}`)
            .join(" | ")}`,
        );
      }
    }
    return problems.length > 0
      ? { kind: "bug", problems }
      : { kind: "built", quads: quads.length, shacl };
  } catch (error) {
    return {
      kind: "bug",
      problems: [`exporting threw ${(error as Error)?.stack ?? String(error)}`],
    };
  }
}

function checkRejection(c: FuzzCase, error: InputError): Outcome {
  const errors = error.diagnostics.filter((d) => d.severity === "error");
  const lines = lineCount(c.bytes);
  const problems: string[] = [];
  if (errors.length === 0) problems.push("an InputError with no error diagnostics");
  for (const d of errors) {
    const where = `${d.file}:${d.line}:${d.column} ${d.code}`;
    if (d.file !== c.file) problems.push(`${where}: file is not ${c.file}`);
    if (!Number.isInteger(d.line) || d.line < 1 || d.line > lines) {
      problems.push(`${where}: line outside 1..${lines}`);
    }
    if (!Number.isInteger(d.column) || d.column < 1) problems.push(`${where}: column below 1`);
    if (!d.code) problems.push(`${where}: no code`);
    if (!d.message) problems.push(`${where}: no message`);
  }
  return problems.length > 0
    ? { kind: "bug", problems }
    : { kind: "rejected", errors: errors.length };
}

/** A failing case as a reproducible record: how to regenerate it, and the problems. */
export function describeCase(seed: number, c: FuzzCase, problems: readonly string[]): string {
  return [
    `seed ${seed}, case ${c.index}: ${c.file} with ${c.mutations.join(", ")} (${c.bytes.length} bytes)`,
    ...problems.map((p) => `  ${p}`),
  ].join("\n");
}

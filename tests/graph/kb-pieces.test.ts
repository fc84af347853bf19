// Knowledge-base files read in pieces (issue #16): a file longer than the longest string is read
// in pieces of CLAIMGRAPH_KB_PIECE_BYTES; here the seed's files, read in pieces of a few hundred
// bytes, give the same graph, the same trace, the same graphs to push and the same SPARQL
// answers as read whole, and hostile files read in pieces are refused at the same place.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { InputError } from "../../src/base/errors.ts";
import { readKnowledgeBaseFiles, readKnowledgeBaseSources } from "../../src/graph/load.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { encodeSnapshot } from "../../src/graph/snapshot.ts";
import { TextPieces } from "../../src/rdf/read/text-pieces.ts";
import { collectGraphs } from "../../src/store/graphs.ts";
import { filesPass } from "../../src/store/source.ts";
import { run } from "../helpers/cli.ts";
import { FRESH_GRAPH } from "../helpers/fresh-kb.ts";

const FILES = ["kb.ttl", "kb.trig", "kb.nq"].map((f) => join(FRESH_GRAPH, f));
const PIECE = "CLAIMGRAPH_KB_PIECE_BYTES";
const saved = { piece: process.env[PIECE], noCache: process.env.CLAIMGRAPH_NO_CACHE };
const scratch = mkdtempSync(join(tmpdir(), "claimgraph-kb-pieces-"));

afterEach(() => {
  if (saved.piece === undefined) delete process.env[PIECE];
  else process.env[PIECE] = saved.piece;
});
afterAll(() => {
  if (saved.noCache === undefined) delete process.env.CLAIMGRAPH_NO_CACHE;
  else process.env.CLAIMGRAPH_NO_CACHE = saved.noCache;
  rmSync(scratch, { recursive: true, force: true });
});

/** What `read` gives with the files read whole, then in pieces of `bytes` bytes. */
async function wholeAndInPieces<T>(bytes: number, read: () => Promise<T> | T): Promise<[T, T]> {
  delete process.env[PIECE];
  const whole = await read();
  process.env[PIECE] = String(bytes);
  return [whole, await read()];
}

describe.each(FILES)("%s in pieces", (file) => {
  it("is read as pieces that join to the file's text", () => {
    process.env[PIECE] = "300";
    const [text] = readKnowledgeBaseSources([file]);
    expect(text).toBeInstanceOf(TextPieces);
    expect((text as TextPieces).pieces.length).toBeGreaterThan(500);
    expect((text as TextPieces).pieces.join("")).toBe(readFileSync(file, "utf8"));
  });

  it("gives the same quads and prefixes", async () => {
    const [whole, cut] = await wholeAndInPieces(300, () => readKnowledgeBaseFiles([file]));
    expect(whole.quads.length).toBeGreaterThan(1000);
    expect(cut.quads).toEqual(whole.quads);
    expect(cut.prefixes).toEqual(whole.prefixes);
  });

  it("gives the same graph, byte for byte in its snapshot", async () => {
    const snapshot = async () => {
      const kg = await openKnowledgeGraph([file], { cache: false });
      return Buffer.concat(encodeSnapshot(kg, {}, "k"));
    };
    const [whole, cut] = await wholeAndInPieces(300, snapshot);
    expect(cut.equals(whole)).toBe(true);
  });

  it("gives the same graphs to push", async () => {
    const [whole, cut] = await wholeAndInPieces(300, () => collectGraphs(filesPass([file])));
    expect(whole.reduce((n, g) => n + g.lines.length, 0)).toBeGreaterThan(1000);
    expect(cut).toEqual(whole);
  });
});

describe("the CLI on the seed in pieces", () => {
  it("`trace` prints the same as on the file read whole", async () => {
    process.env.CLAIMGRAPH_NO_CACHE = "1";
    const trace = () => run(["trace", "desipramine", "--kb", FILES[0] as string]);
    const [whole, cut] = await wholeAndInPieces(1000, trace);
    expect(whole.code).toBe(0);
    expect(whole.out).toContain("desipramine");
    expect(cut).toEqual(whole);
  });

  it("`query` on N-Quads loads every piece; on Turtle in pieces it says to use N-Quads", async () => {
    process.env.CLAIMGRAPH_NO_CACHE = "1";
    const count = (file: string) =>
      run(["query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--kb", file]);
    const [whole, cut] = await wholeAndInPieces(1000, () => count(FILES[2] as string));
    expect(whole.code).toBe(0);
    expect(whole.out).toMatch(/\d{4,}/);
    expect(cut).toEqual(whole);
    process.env[PIECE] = "1000";
    const turtle = await run(["query", "ASK {}", "--kb", FILES[0] as string]);
    expect(turtle.code).not.toBe(0);
    expect(turtle.err).toContain("too long");
    expect(turtle.err).toContain("kb.nq");
  });
});

describe("hostile files in pieces", () => {
  const P = "@prefix : <http://example.org/> .\n";
  const lines = Array.from({ length: 200 }, (_, i) => `:s${i} :p "é😀 ${i}" .\n`).join("");
  it.each([
    ["deep nesting", `:s :p ${"[ :p ".repeat(1001)}`, "RdfLimit", 202, 5007],
    ["an IRI with a space", ':s :p "😀", <http://example.org/a b> .', "RdfSyntax", 202, 12],
    ["an unknown prefix", ':s :p "😀", nope:o .', "RdfSyntax", 202, 12],
    ["a truncated file", ":s :p", "RdfSyntax", 203, 1],
    ["a byte that is not UTF-8", ':s :p "é\uFFFD" .', "InvalidUtf8", 202, 9],
  ])(
    "%s after many pieces is refused at its line and column",
    async (name, bad, code, line, column) => {
      const path = join(scratch, `${name.replace(/\W+/g, "-")}.ttl`);
      const content = Buffer.from(`${P}${lines}${bad}\n`);
      // The replacement character stands for a lone 0xFF byte.
      const bytes = code === "InvalidUtf8" ? replaceFirst(content, "\uFFFD", 0xff) : content;
      writeFileSync(path, bytes);
      const refusal = () => openKnowledgeGraph([path], { cache: false }).catch((e: unknown) => e);
      const [whole, cut] = await wholeAndInPieces(64, refusal);
      expect(cut).toBeInstanceOf(InputError);
      expect((cut as InputError).diagnostics).toEqual([
        expect.objectContaining({ code, line, column }),
      ]);
      expect((cut as InputError).diagnostics).toEqual((whole as InputError).diagnostics);
    },
  );
});

function replaceFirst(bytes: Buffer, search: string, byte: number): Buffer {
  const at = bytes.indexOf(Buffer.from(search));
  return Buffer.concat([bytes.subarray(0, at), Buffer.from([byte]), bytes.subarray(at + 3)]);
}

// Reading exports a chunk at a time, as `claimgraph validate` does: every seed export, from its
// file or its text, gives the quads parseExport gives; a character split between two chunks of a
// file survives; JSON-LD read a batch of entries at a time gives the whole document's quads, and
// anything not shaped as claimgraph writes it is read whole; broken files fail with parseExport's
// error. The digests that compare formats see sets: order and repeats do not count, a changed
// literal does.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Quad } from "@rdfjs/types";
import { DataFactory } from "n3";
import { afterAll, describe, expect, it } from "vitest";
import { type ExportSource, readQuads } from "../../../src/rdf/read/export-stream.ts";
import { parseExport, quadSet } from "../../../src/rdf/read/export-text.ts";
import { jsonLdEntries } from "../../../src/rdf/read/jsonld-entries.ts";
import { QuadSetDigest } from "../../../src/rdf/read/quad-digest.ts";
import { PREFIXES } from "../../../src/rdf/vocab/vocabulary.ts";
import { EXTENSIONS, FORMATS, type Format, serialize } from "../../../src/rdf/write/serialize.ts";
import { ROOT, removeTemp, writeTemp } from "../../helpers/build.ts";

const { literal, namedNode, quad } = DataFactory;

afterAll(removeTemp);

async function readAll(source: ExportSource): Promise<Quad[]> {
  const quads: Quad[] = [];
  await readQuads(source, (quad) => quads.push(quad));
  return quads;
}

async function failure(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    return (error as Error).message;
  }
  return "no error";
}

describe("readQuads on the committed seed exports", () => {
  it.each(FORMATS)("%s: parseExport's quads, from the file and from the text", async (format) => {
    const file = join(ROOT, "graph", `kb.${EXTENSIONS[format]}`);
    const text = readFileSync(file, "utf8");
    const expected = await parseExport(text, format);
    for (const source of [
      { format, file },
      { format, file, text },
    ]) {
      const quads = await readAll(source);
      expect(quads.length).toBe(expected.length);
      expect(quadSet(quads)).toEqual(quadSet(expected));
    }
  });
});

/** A dataset of `n` quads in `graphs` graphs, each with a literal of about `width` characters. */
function dataset(n: number, graphs: number, width: number): Quad[] {
  const quads: Quad[] = [];
  for (let i = 0; i < n; i++) {
    quads.push(
      quad(
        namedNode(`https://example.org/node/${i}`),
        namedNode("https://example.org/says"),
        literal(`${i} ${"é€𝄞 ".repeat(width / 5)}`),
        namedNode(`https://example.org/graph/${i % graphs}`),
      ),
    );
  }
  return quads;
}

describe("readQuads on exports larger than a chunk", () => {
  it("keeps a character whose bytes are split between two chunks of a file", async () => {
    // Three- and four-byte characters on every line: some straddle the 1 MiB chunk boundary.
    const quads = dataset(6000, 7, 300);
    const text = serialize(quads, "nquads", {});
    expect(Buffer.byteLength(text)).toBeGreaterThan(2 * 1024 * 1024);
    const file = writeTemp("big/kb.nq", text);
    const read = await readAll({ format: "nquads", file });
    expect(quadSet(read)).toEqual(quadSet(quads));
  });

  it.each(["trig", "jsonld"] as const)(
    "%s: the whole document's quads, read in chunks",
    async (format) => {
      const quads = dataset(6000, 40, 300);
      const text = serialize(quads, format, PREFIXES);
      expect(text.length).toBeGreaterThan(2 * 1024 * 1024);
      const file = writeTemp(`big/kb.${EXTENSIONS[format]}`, text);
      const expected = quadSet(await parseExport(text, format));
      expect(quadSet(await readAll({ format, file }))).toEqual(expected);
    },
  );
});

describe("readQuads on N-Quads read in pieces", () => {
  // Over 2 MiB of N-Quads: read in three pieces or more.
  const lines = serialize(dataset(6000, 7, 300), "nquads", {})
    .trimEnd()
    .split("\n");

  it.each([
    { name: "a bad IRI, LF line ends", at: 5000, eol: "\n", line: "<a> <b> <c> ." },
    { name: "a bad IRI, CRLF line ends", at: 5000, eol: "\r\n", line: "<a> <b> <c> ." },
    {
      name: "a statement without its dot",
      at: 4000,
      eol: "\n",
      line: "<https://example.org/s> <https://example.org/p> <https://example.org/o>",
    },
    { name: "garbage, CR line ends", at: 5900, eol: "\r", line: "x" },
  ])("fails on the line parseExport names: $name", async ({ at, eol, line }) => {
    const text = [...lines.slice(0, at), line, ...lines.slice(at)].join(eol);
    const expected = await failure(() => parseExport(text, "nquads"));
    expect(expected).toMatch(new RegExp(` on line (${at + 1}|${at + 2})\\.$`));
    const file = writeTemp("pieces/kb.nq", text);
    expect(await failure(() => readAll({ format: "nquads", file }))).toBe(expected);
  });

  it("reads statements n3 takes across two lines, wherever the pieces are cut", async () => {
    const text = lines.map((l, i) => (i % 7 === 0 ? l.replace("> <", ">\n<") : l)).join("\n");
    const expected = quadSet(await parseExport(text, "nquads"));
    expect(expected.size).toBe(6000);
    const file = writeTemp("pieces/kb.nq", text);
    expect(quadSet(await readAll({ format: "nquads", file }))).toEqual(expected);
  });
});

describe("readQuads fails as parseExport fails", () => {
  const seed = (format: Format) =>
    readFileSync(join(ROOT, "graph", `kb.${EXTENSIONS[format]}`), "utf8");
  it.each([
    { name: "TriG with a statement cut short", format: "trig", edit: (t: string) => `${t}\nx:y` },
    {
      name: "TriG with an undefined prefix in the middle",
      format: "trig",
      edit: (t: string) =>
        t.replace("\ngraph:shared {", "\nnope:x { nope:a nope:b nope:c . }\ngraph:shared {"),
    },
    {
      name: "N-Quads with a line missing its object",
      format: "nquads",
      edit: (t: string) => `${t}<https://example.org/s> <https://example.org/p> .\n`,
    },
    {
      name: "N-Quads with an IRI with no scheme",
      format: "nquads",
      edit: (t: string) => `${t}<a> <b> <c> .\n`,
    },
    {
      name: "Turtle with garbage",
      format: "turtle",
      edit: (t: string) => `${t}\nthis is not turtle .\n`,
    },
    {
      name: "JSON-LD cut in half",
      format: "jsonld",
      edit: (t: string) => t.slice(0, t.length / 2),
    },
    {
      name: "JSON-LD with a trailing comma in @graph",
      format: "jsonld",
      edit: (t: string) => t.replace(/\}\n \]\n\}\n$/, "},\n ]\n}\n"),
    },
    {
      name: "JSON-LD with a broken entry",
      format: "jsonld",
      edit: (t: string) => t.replace('{"@id":"graph:shared"', '{"@id":"graph:shared",,'),
    },
    { name: "JSON-LD with a byte order mark", format: "jsonld", edit: (t: string) => `\uFEFF${t}` },
  ] as const)("$name", async ({ format, edit }) => {
    const text = edit(seed(format));
    const file = writeTemp(`broken/kb.${EXTENSIONS[format]}`, text);
    const expected = await failure(() => parseExport(text, format));
    expect(expected).not.toBe("no error");
    expect(await failure(() => readAll({ format, file }))).toBe(expected);
    expect(await failure(() => readAll({ format, file, text }))).toBe(expected);
  });
});

describe("jsonLdEntries", () => {
  const entries = (text: string) => jsonLdEntries(Buffer.from(text));

  it("finds the context and each entry of the document claimgraph writes", () => {
    const text = serialize(dataset(10, 3, 10), "jsonld", PREFIXES);
    const found = entries(text);
    expect(found?.spans.length).toBe(2 * 3);
    const bytes = Buffer.from(text);
    const [start, end] = found?.context ?? [0, 0];
    expect(JSON.parse(bytes.toString("utf8", start, end))).toEqual(JSON.parse(text)["@context"]);
    const first = JSON.parse(bytes.toString("utf8", found?.spans[0], found?.spans[1]));
    expect(first).toEqual(JSON.parse(text)["@graph"][0]);
  });

  it.each([
    ["a top-level node", '{"@context": {}, "@id": "x", "@graph": []}'],
    ["a context by address", '{"@context": "https://example.org/c", "@graph": []}'],
    ["two @graph keys", '{"@context": {}, "@graph": [], "@graph": []}'],
    ["a trailing comma", '{"@context": {}, "@graph": [{}, ]}'],
    ["@index", '{"@context": {}, "@graph": [{"@index": "a"}]}'],
    ["text after the object", '{"@context": {}, "@graph": []} x'],
    ["a top-level array", '[{"@context": {}, "@graph": []}]'],
  ])("leaves a document with %s to be read whole", (_name, text) => {
    expect(entries(text)).toBeUndefined();
  });
});

describe("QuadSetDigest", () => {
  const quads = dataset(50, 3, 10);
  const digest = (qs: readonly Quad[]) => {
    const d = new QuadSetDigest();
    for (const q of qs) d.add(q);
    return d;
  };

  it("does not count order or repeats", () => {
    const shuffled = [...quads].reverse();
    const again = digest([...shuffled, ...quads.slice(0, 10)]);
    expect(again.equals(digest(quads))).toBe(true);
    expect(again.size).toBe(50);
  });

  it("tells a missing quad, a changed literal and a moved graph", () => {
    const one = quads[7] as Quad;
    const variants = [
      quads.slice(1),
      quads.map((q) =>
        q === one ? quad(one.subject, one.predicate, literal("other"), one.graph) : q,
      ),
      quads.map((q) => (q === one ? quad(one.subject, one.predicate, one.object) : q)),
    ];
    for (const variant of variants) expect(digest(variant).equals(digest(quads))).toBe(false);
  });
});

// validateExports reads each export a chunk at a time and compares the formats by digests of their
// sets of quads: the committed seed validates from its files as from its text, a quad missing from
// any one format is a mismatch naming that format, a quad written twice is none (formats compare
// as sets), a TriG file that does not parse leaves N-Quads as the reference, and the dataset is
// validated against the shapes in batches that report a broken claim once.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Quad } from "@rdfjs/types";
import { afterAll, describe, expect, it } from "vitest";
import { render } from "../../../src/pipeline/pipeline.ts";
import { validateShacl } from "../../../src/rdf/check/shacl.ts";
import { type ExportSource, validateExports } from "../../../src/rdf/check/validate.ts";
import { parseExport } from "../../../src/rdf/read/export-text.ts";
import { CG } from "../../../src/rdf/vocab/vocabulary.ts";
import { EXTENSIONS, FORMATS, type Format, serialize } from "../../../src/rdf/write/serialize.ts";
import { ROOT, removeTemp, secondBuild, seedBuild, writeTemp } from "../../helpers/build.ts";

afterAll(removeTemp);

const SEED_FILES: readonly ExportSource[] = FORMATS.map((format) => ({
  format,
  file: join(ROOT, "graph", `kb.${EXTENSIONS[format]}`),
}));

/** The seed's four exports as text, with `format`'s replaced by `text`. */
function seedTexts(replace?: { format: Format; text: string }): ExportSource[] {
  return FORMATS.map((format) => ({
    format,
    file: `kb.${EXTENSIONS[format]}`,
    text: format === replace?.format ? replace.text : render(seedBuild(), format),
  }));
}

describe("validateExports on the committed seed (graph/)", () => {
  it("validates, read from the files as from their text", async () => {
    const fromFiles = await validateExports(SEED_FILES);
    expect(fromFiles.exports.map((e) => e.error)).toEqual(FORMATS.map(() => undefined));
    expect(fromFiles.mismatches).toEqual([]);
    expect(fromFiles.shacl).toEqual({ conforms: true, results: [] });
    expect(fromFiles.ok).toBe(true);
    const fromText = await validateExports(
      SEED_FILES.map((f) => ({ ...f, text: readFileSync(f.file, "utf8") })),
    );
    expect(fromText).toEqual(fromFiles);
  });

  it("counts each export's quads as parseExport does", async () => {
    const report = await validateExports(SEED_FILES);
    for (const check of report.exports) {
      const parsed = await parseExport(readFileSync(check.file, "utf8"), check.format);
      expect(check.quads, check.format).toBe(parsed.length);
    }
  });

  it("names the file that does not parse, and validates the dataset from N-Quads", async () => {
    const broken = writeTemp("broken/kb.trig", `${readFileSync(SEED_FILES[1]?.file as string)}x`);
    const files = SEED_FILES.map((f) => (f.format === "trig" ? { ...f, file: broken } : f));
    const report = await validateExports(files);
    expect(report.exports.map((e) => [e.format, e.error !== undefined])).toEqual([
      ["turtle", false],
      ["trig", true],
      ["nquads", false],
      ["jsonld", false],
    ]);
    expect(report.exports[1]?.quads).toBe(0);
    expect(report.mismatches).toEqual([]);
    expect(report.shacl?.conforms).toBe(true);
    expect(report.ok).toBe(false);
  });
});

describe("where an export stops parsing", () => {
  // The line and column (in code points: "α" and "𝛼" before the fault count one each) of the
  // first character n3 refuses, in Turtle read whole and in N-Quads read in pieces (where the
  // relative IRI <g> is the fault).
  const lineCount = (text: string) => text.split("\n").length;

  it("a Turtle file: the line and column of the fault, and a message without 'on line'", async () => {
    const ttl = render(seedBuild(), "turtle");
    const report = await validateExports(
      seedTexts({
        format: "turtle",
        text: `${ttl}<http://a.example/α𝛼> <http://b.example/p> "x" "y" .\n`,
      }),
    );
    const check = report.exports[0];
    expect([check?.line, check?.column]).toEqual([lineCount(ttl), 48]);
    expect(check?.error).not.toMatch(/on line/);
  });

  it("an N-Quads file of many pieces: the line counts the pieces before", async () => {
    const nquads = render(seedBuild(), "nquads");
    const big = nquads.repeat(Math.ceil((3 << 20) / nquads.length));
    const report = await validateExports(
      seedTexts({
        format: "nquads",
        text: `${big}<http://a.example/𝛼> <http://b.example/p> "x" <g> .\n`,
      }),
    );
    const check = report.exports[2];
    expect(check?.error).toBeDefined();
    expect([check?.line, check?.column]).toEqual([lineCount(big), 47]);
  });
});

describe("a quad missing from one format", () => {
  // A claim's line: one triple, in one named graph that the Turtle view keeps.
  const dropped = () => seedBuild().quads.find((q) => q.predicate.equals(CG.line)) as Quad;
  const without = (format: Format) =>
    serialize(
      seedBuild().quads.filter((q) => q !== dropped()),
      format,
      seedBuild().iris.prefixes(),
    );

  it.each([
    { format: "nquads", mismatches: ["nquads does not hold the same quads as TriG"] },
    { format: "jsonld", mismatches: ["jsonld does not hold the same quads as TriG"] },
    {
      format: "turtle",
      mismatches: ["turtle does not hold the knowledge view of the TriG dataset"],
    },
    {
      format: "trig",
      mismatches: [
        "nquads does not hold the same quads as TriG",
        "jsonld does not hold the same quads as TriG",
        "turtle does not hold the knowledge view of the TriG dataset",
      ],
    },
  ] as const)("missing from $format: a mismatch", async ({ format, mismatches }) => {
    const full = await validateExports(seedTexts());
    const report = await validateExports(seedTexts({ format, text: without(format) }));
    expect(report.mismatches).toEqual(mismatches);
    expect(report.ok).toBe(false);
    const index = FORMATS.indexOf(format);
    expect(report.exports[index]?.quads).toBe((full.exports[index]?.quads as number) - 1);
    // SHACL validates TriG's dataset, whichever export it reads: only TriG lacks the line.
    expect(report.shacl?.conforms).toBe(format !== "trig");
  });

  it("missing from trig: the claim that lost its line is the one SHACL result", async () => {
    const report = await validateExports(seedTexts({ format: "trig", text: without("trig") }));
    expect(report.shacl?.results).toEqual([
      expect.objectContaining({
        focusNode: dropped().subject.value,
        path: CG.line.value,
        constraint: "MinCountConstraintComponent",
      }),
    ]);
  });

  it("a quad written twice is no mismatch: formats compare as sets", async () => {
    const nquads = render(seedBuild(), "nquads");
    const first = nquads.slice(0, nquads.indexOf("\n") + 1);
    const report = await validateExports(seedTexts({ format: "nquads", text: first + nquads }));
    expect(report.mismatches).toEqual([]);
    expect(report.exports[2]?.quads).toBe(seedBuild().quads.length + 1);
    expect(report.ok).toBe(true);
  });
});

describe("validateExports over two documents in small batches", () => {
  // The seed's and the second document's exports merged (their shared graphs too), written as
  // one, with one agreement graph, the seed's: two builds' agreement graphs count the same
  // assertion's support each over its own documents, and merged they would give it two counts.
  const agreement = (q: Quad) => q.graph.value.endsWith("/graph/agreement");
  const merged = () => [...seedBuild().quads, ...secondBuild().quads.filter((q) => !agreement(q))];
  const exportsOf = (quads: readonly Quad[]): ExportSource[] =>
    FORMATS.map((format) => ({
      format,
      file: `kb.${EXTENSIONS[format]}`,
      text: serialize(quads, format, { ...seedBuild().iris.prefixes() }),
    }));

  it("validates, in many batches", async () => {
    const sizes: number[] = [];
    const report = await validateExports(exportsOf(merged()), {
      batchQuads: 300,
      onBatch: (n) => sizes.push(n),
    });
    expect(report.mismatches).toEqual([]);
    expect(report.shacl).toEqual({ conforms: true, results: [] });
    expect(sizes.length).toBeGreaterThan(10);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(report.exports[1]?.quads);
  });

  it("reports a claim of the second document that lost its flag once, as the whole dataset does", async () => {
    const flag = secondBuild().quads.find((q) => q.predicate.equals(CG.uncited)) as Quad;
    const quads = merged().filter((q) => !q.equals(flag));
    const report = await validateExports(exportsOf(quads), { batchQuads: 300 });
    const whole = await validateShacl(quads);
    expect(whole.results.length).toBeGreaterThan(0);
    expect(report.shacl).toEqual(whole);
    const lost = report.shacl?.results.filter(
      (r) => r.focusNode === flag.subject.value && r.path === CG.uncited.value,
    );
    expect(lost).toEqual([expect.objectContaining({ constraint: "MinCountConstraintComponent" })]);
  });
});

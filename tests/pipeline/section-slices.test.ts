// A large section in slices (#16): the shared and agreement graphs are cut between subjects and
// written slice by slice, and every format gives the bytes the whole section gives — for the
// seed's build with slices forced small, and for sections of a named graph and of the default one.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Quad } from "@rdfjs/types";
import { DataFactory } from "n3";
import { describe, expect, it } from "vitest";
import { render, streamSections } from "../../src/pipeline/pipeline.ts";
import { sectionSlices, writeSliced, writeSubjects } from "../../src/pipeline/section-slices.ts";
import { PREFIXES } from "../../src/rdf/vocab/namespaces.ts";
import { sortQuads } from "../../src/rdf/write/quads.ts";
import { EXTENSIONS, FORMATS, type Format } from "../../src/rdf/write/serialize.ts";
import { writerFor } from "../../src/rdf/write/writers.ts";
import { ROOT, seedBuild } from "../helpers/build.ts";

const { namedNode, literal, quad, defaultGraph } = DataFactory;
const EX = "https://example.org/";

/** `subjects` subjects, each with 1 to 3 triples, in `graph`, sorted. */
function section(subjects: number, graph: Quad["graph"]): Quad[] {
  const out: Quad[] = [];
  for (let s = 0; s < subjects; s++)
    for (let p = 0; p <= s % 3; p++)
      out.push(
        quad(namedNode(`${EX}s${s}`), namedNode(`${EX}p${p}`), literal(`v${s}.${p}`), graph),
      );
  return sortQuads(out);
}

/** The text of `sections` written by one writer, the last section in slices of `size`. */
function written(format: Format, sections: readonly Quad[][], size: number): string {
  const w = writerFor(format, { ...PREFIXES, ex: EX });
  let out = w.begin();
  sections.slice(0, -1).forEach((s) => {
    out += w.section(s);
  });
  writeSliced(
    w,
    sections.at(-1) as Quad[],
    (text) => {
      out += text;
    },
    size,
  );
  return out + w.end();
}

describe("sectionSlices", () => {
  const quads = section(40, namedNode(`${EX}g`));

  it("cuts between subjects, each slice at most the size, the slices the section in order", () => {
    const slices = sectionSlices(quads, 5);
    expect(slices.length).toBeGreaterThan(10);
    expect(slices.flat()).toEqual(quads);
    for (const [i, slice] of slices.entries()) {
      expect(slice.length).toBeLessThanOrEqual(5);
      const next = slices[i + 1]?.[0];
      if (next) expect(next.subject.value).not.toBe(slice.at(-1)?.subject.value);
    }
  });

  it("keeps a subject with more quads than the size whole, and a small section as one slice", () => {
    const slices = sectionSlices(quads, 2);
    expect(slices.flat()).toEqual(quads);
    expect(slices.some((s) => s.length === 3)).toBe(true);
    expect(sectionSlices(quads, quads.length)).toEqual([quads]);
    expect(sectionSlices([], 2)).toEqual([[]]);
  });

  it("writes a section of several graphs whole (Turtle merges a subject across graphs)", () => {
    const mixed = sortQuads([
      ...section(6, namedNode(`${EX}a`)),
      ...section(6, namedNode(`${EX}b`)),
    ]);
    expect(sectionSlices(mixed, 2)).toEqual([mixed]);
  });
});

describe("a section written in slices", () => {
  const cases = [
    ["a named graph", namedNode(`${EX}g`)],
    ["the default graph", defaultGraph()],
  ] as const;
  for (const [name, graph] of cases)
    it.each(FORMATS)(`of ${name} gives the bytes of the whole section in %s`, (format) => {
      const before = section(3, namedNode(`${EX}before`));
      const last = section(30, graph);
      const whole = written(format, [before, last], Number.POSITIVE_INFINITY);
      expect(whole).toContain("v29.2");
      for (const size of [1, 2, 7, 40])
        expect(written(format, [before, last], size), `slices of ${size}`).toBe(whole);
      // The sliced section first in the file too.
      const alone = written(format, [last], Number.POSITIVE_INFINITY);
      expect(written(format, [last], 3)).toBe(alone);
    });
});

/** `quads` as runs of one subject each, in order. */
function subjectRuns(quads: readonly Quad[]): Quad[][] {
  const runs: Quad[][] = [];
  for (const q of quads) {
    const run = runs.at(-1);
    if (run && run[0]?.subject.value === q.subject.value) run.push(q);
    else runs.push([q]);
  }
  return runs;
}

describe("writeSubjects", () => {
  it.each([1, 4, 1000])(
    "writes a section given subject by subject as whole, slices of %i",
    (size) => {
      const before = section(3, namedNode(`${EX}before`));
      const last = section(25, namedNode(`${EX}g`));
      const writers = FORMATS.map((f) => writerFor(f, { ...PREFIXES, ex: EX }));
      const texts = writers.map((w) => w.begin() + w.section(before));
      const count = writeSubjects(
        writers,
        subjectRuns(last),
        (i, text) => {
          texts[i] += text;
        },
        size,
      );
      expect(count).toBe(last.length);
      writers.forEach((w, i) => {
        texts[i] += w.end();
      });
      expect(texts).toEqual(
        FORMATS.map((f) => written(f, [before, last], Number.POSITIVE_INFINITY)),
      );
    },
  );

  it("writes nothing for a section of no subjects, and counts no quads", () => {
    const writers = FORMATS.map((f) => writerFor(f, PREFIXES));
    const texts: string[] = [];
    expect(writeSubjects(writers, [], (i, text) => texts.push(`${i}${text}`))).toBe(0);
    expect(texts).toEqual(["0", "1", "2", "3"]);
  });
});

describe("the build in slices", () => {
  it.each(FORMATS)(
    "streams the seed's committed %s export byte for byte with slices of 7 quads",
    (format) => {
      const built = seedBuild();
      expect(built.sections.at(-1)?.length).toBeGreaterThan(7 * 10);
      let text = "";
      streamSections(
        built,
        [format],
        (_, t) => {
          text += t;
        },
        undefined,
        7,
      );
      expect(text).toBe(render(built, format));
      const committed = readFileSync(join(ROOT, "graph", `kb.${EXTENSIONS[format]}`), "utf8");
      expect(text === committed, `graph/kb.${EXTENSIONS[format]} unchanged`).toBe(true);
    },
  );
});

// Reading what to push straight from the files: the N-Quads lines go as they are when the
// parser agrees with them, and anything else (comments, other spacing, escapes, other
// formats) is serialised again — the graphs are the same either way.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { Parser } from "n3";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { render } from "../../src/pipeline/pipeline.ts";
import { streamGraphs } from "../../src/store/graph-stream.ts";
import { drain, surveyGraphs } from "../../src/store/graph-survey.ts";
import { collectGraphs, groupGraphs } from "../../src/store/graphs.ts";
import { filesPass, NQuadsLines } from "../../src/store/source.ts";
import { removeTemp, secondBuild, seedBuild, writeTemp } from "../helpers/build.ts";

afterAll(removeTemp);

const sets = (groups: ReturnType<typeof groupGraphs>) =>
  groups.map((g) => ({ graph: g.graph, lines: new Set(g.lines), blankNodes: g.blankNodes }));

describe("filesPass", () => {
  const seed = seedBuild();
  const second = secondBuild();

  it.each(["nquads", "trig", "turtle"] as const)(
    "gives the graphs groupGraphs gives for the same quads (%s)",
    async (format) => {
      const ext = { nquads: "nq", trig: "trig", turtle: "ttl" }[format];
      const a = writeTemp(`a/kb.${ext}`, render(seed, format));
      const b = writeTemp(`b/kb.${ext}`, render(second, format));
      const read = collectGraphs(filesPass([a, b]));
      const quads = [
        ...new Parser({
          format: format === "nquads" ? "N-Quads" : format === "trig" ? "TriG" : "Turtle",
        }).parse(render(seed, format)),
        ...new Parser({
          format: format === "nquads" ? "N-Quads" : format === "trig" ? "TriG" : "Turtle",
        }).parse(render(second, format)),
      ];
      expect(sets(read)).toEqual(sets(groupGraphs(quads)));
      expect(read.length).toBeGreaterThanOrEqual(format === "turtle" ? 1 : 3);
    },
  );

  it("uses an N-Quads file's lines as written, and serialises again from the first it cannot use", async () => {
    const lines = render(seed, "nquads").split("\n").filter(Boolean);
    const canonical = lines.slice(0, 3);
    const odd = [
      "# a comment line, and a blank one",
      "",
      `${lines[3]} # a trailing comment`,
      (lines[4] as string).replace(" ", "\t"),
      ...lines.slice(5, 8),
    ];
    const text = [...canonical, ...odd].join("\r\n");
    const quads = new Parser({ format: "N-Quads" }).parse(text);
    const walk = new NQuadsLines(text);
    const cut = quads.map((q) => walk.next(q));
    // The first three lines are used as they are (without their graph); from the commented
    // one on, the caller serialises.
    expect(cut.slice(0, 3)).toEqual(canonical.map((l) => `${l.slice(0, l.lastIndexOf(" <"))} .\n`));
    expect(cut.slice(3)).toEqual(quads.slice(3).map(() => undefined));
    // The graphs come out the same as from the quads alone.
    const file = writeTemp("odd/kb.nq", text);
    expect(sets(collectGraphs(filesPass([file])))).toEqual(sets(groupGraphs(quads)));
  });

  it("does not take a line that is not its quad's", () => {
    const lines = render(seed, "nquads").split("\n").filter(Boolean);
    const first = lines[0] as string;
    const subject = first.slice(0, first.indexOf(" "));
    const other = lines.find((l) => !l.startsWith(`${subject} `)) as string;
    const [q] = new Parser({ format: "N-Quads" }).parse(other);
    if (!q) throw new Error("no quad");
    // Walked beside a text whose line is about another subject, the quad gets no line, and
    // neither does any quad after it.
    const walk = new NQuadsLines(`${first}\n${other}\n`);
    expect(walk.next(q)).toBeUndefined();
    expect(walk.next(q)).toBeUndefined();
    // The same line in the right place is taken.
    expect(new NQuadsLines(`${other}\n`).next(q)).toBe(
      `${other.slice(0, other.lastIndexOf(" <"))} .\n`,
    );
  });

  it("names a broken file with its line and column, and reads nothing", async () => {
    const good = render(seed, "nquads").split("\n");
    const file = writeTemp(
      "broken/kb.nq",
      [...good.slice(0, 5), "<urn:a> <urn:b> .", ...good.slice(5)].join("\n"),
    );
    expect(() => collectGraphs(filesPass([file]))).toThrow(
      expect.objectContaining({
        name: "InputError",
        diagnostics: [expect.objectContaining({ line: 6, file: expect.stringContaining("kb.nq") })],
      }),
    );
  });
});

describe("filesPass on an N-Quads file read piece by piece", () => {
  const PIECE = "CLAIMGRAPH_KB_PIECE_BYTES";
  const saved = process.env[PIECE];
  afterEach(() => {
    if (saved === undefined) delete process.env[PIECE];
    else process.env[PIECE] = saved;
  });

  it("keeps a blank node one node across pieces, and each piece's quads once", () => {
    const g = "<https://example.org/g>";
    const lines = Array.from(
      { length: 40 },
      (_, i) => `_:b${i % 3} <https://example.org/p> "value ${i}" ${g} .`,
    );
    const file = writeTemp("blank/kb.nq", `${lines.join("\n")}\n`);
    process.env[PIECE] = "200";
    const pieces = collectGraphs(filesPass([file]));
    delete process.env[PIECE];
    const whole = collectGraphs(filesPass([file]));
    expect(pieces).toEqual(whole);
    const subjects = new Set(pieces[0]?.lines.map((l) => l.slice(0, l.indexOf(" "))));
    expect(pieces[0]?.lines).toHaveLength(40);
    expect(subjects.size).toBe(3);
  });

  it("places an error in a later piece at its line in the whole file", () => {
    const good = render(seedBuild(), "nquads").split("\n").filter(Boolean);
    const text = [...good.slice(0, 60), "<urn:a> <urn:b> .", ...good.slice(60, 80)].join("\n");
    const file = writeTemp("broken-late/kb.nq", `${text}\n`);
    process.env[PIECE] = "2000";
    expect(() => collectGraphs(filesPass([file]))).toThrow(
      expect.objectContaining({
        diagnostics: [expect.objectContaining({ line: 61, column: 17 })],
      }),
    );
  });
});

describe("filesPass read twice, as push reads it", () => {
  const seed = seedBuild();

  it("lets the caller's own errors through: a triple too big is a StoreError naming its document's graph", () => {
    const file = writeTemp("big/kb.nq", render(seed, "nquads"));
    expect(() => surveyGraphs(filesPass([file]), { maxBytes: 2_000, url: "http://store" })).toThrow(
      expect.objectContaining({
        name: "StoreError",
        graph: expect.stringMatching(/\/graph\/[a-z-]+$/),
      }),
    );
  });

  it("stops before anything is handed over when a file changed after the first reading", () => {
    const file = writeTemp("changing/kb.nq", render(seed, "nquads"));
    const pass = filesPass([file]);
    const survey = surveyGraphs(pass, { maxBytes: 50_000, url: "http://store" });
    // The same bytes again, but another file: as a build's new generation would be.
    const text = readFileSync(file, "utf8");
    rmSync(file);
    writeFileSync(file, text);
    const events: string[] = [];
    const sink = { body: (g: string) => events.push(g), end: (g: string) => events.push(g) };
    expect(() => drain(streamGraphs(pass, survey, sink, 50_000))).toThrow(
      /changed while it was being pushed/,
    );
    expect(events).toEqual([]);
  });

  it("keeps a blank node one node when it is an object on one line and a subject on another", () => {
    const g = "<https://example.org/g>";
    const file = writeTemp(
      "blank-object/kb.nq",
      `<https://example.org/s> <https://example.org/p> _:x ${g} .\n_:x <https://example.org/q> "v" ${g} .\n`,
    );
    const [graph] = collectGraphs(filesPass([file]));
    const labels = (graph?.lines ?? []).map((l) => /_:\S+/.exec(l)?.[0]);
    expect(labels).toHaveLength(2);
    expect(labels[0]).toBeDefined();
    expect(labels[0]).toBe(labels[1]);
  });
});

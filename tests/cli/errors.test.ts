// How the CLI fails: every malformed fixture is reported at its line and column with a hint and
// a caret, all problems of a run come out at once, a failed build writes nothing, wrong calls
// are usage errors (exit 2), and `validate` catches tampered exports.
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { Parser } from "n3";
import { afterAll, describe, expect, it } from "vitest";
import { parseDocument } from "../../src/document/parse.ts";
import {
  buildFixture,
  copySources,
  missingDir,
  removeTempDirs,
  run,
  tempDir,
} from "../helpers/cli.ts";

afterAll(removeTempDirs);

const MALFORMED = "tests/fixtures/malformed";
const EXPORTS = ["kb.jsonld", "kb.manifest.json", "kb.nq", "kb.trig", "kb.ttl"];
/** An output folder: the exports as links through the pointer to the generation folder. */
const LAYOUT = ["kb.current", "kb.generations", ...EXPORTS].sort();

interface Expected {
  readonly file: string;
  readonly code: string;
  readonly line: number;
  readonly column: number;
}

const cases: Expected[] = JSON.parse(readFileSync(join(MALFORMED, "expected.json"), "utf8"));

// A binary file has no text line to show under the diagnostic, so it gets no caret.
const NO_SOURCE_LINE = new Set(["BinaryInput"]);

/** `claimgraph build` of a folder holding only `file`, with no curation, into a fresh folder. */
const buildOne = (file: string) => buildFixture(MALFORMED, file);

/**
 * The rendered diagnostic starting with `head`: head, hint, gutter, source line, caret line.
 * Returns the caret's column (1-based, a tab counting as one) with the lines, for assertions.
 */
function rendered(err: string, head: string) {
  const lines = err.split("\n");
  const at = lines.findIndex((l) => l.startsWith(head));
  const block = at === -1 ? [] : lines.slice(at, at + 5);
  const caretLine = block[4] ?? "";
  const pad = caretLine.slice(caretLine.indexOf("| ") + 2);
  return { block, caretColumn: pad.endsWith("^") ? pad.length : -1 };
}

function errorCount(err: string): number {
  return err.match(/: error\[/g)?.length ?? 0;
}

describe("malformed documents (tests/fixtures/malformed/expected.json)", () => {
  it("expected.json lists every fixture", () => {
    const fixtures = readdirSync(MALFORMED).filter((n) => n.endsWith(".md"));
    expect(cases.map((c) => c.file).sort()).toEqual(fixtures.sort());
  });

  describe.each(cases)("$file", (c) => {
    const at = { code: c.code, line: c.line, column: c.column };

    it(`parseDocument reports exactly ${c.code} at ${c.line}:${c.column}`, () => {
      const { diagnostics } = parseDocument(c.file, readFileSync(join(MALFORMED, c.file)));
      expect(diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column }))).toEqual([
        at,
      ]);
      expect(diagnostics[0]?.severity).toBe("error");
    });

    it("build exits 1 with file:line:col error[Code], a hint and a caret, writing nothing", async () => {
      const r = await buildOne(c.file);
      expect(r.code).toBe(1);
      const head = `${r.path}:${c.line}:${c.column}: error[${c.code}]`;
      expect(r.err).toContain(head);
      const { block, caretColumn } = rendered(r.err, head);
      expect(block[1]).toMatch(/^ {2}hint: \S/);
      if (NO_SOURCE_LINE.has(c.code)) {
        expect(block[2] ?? "").not.toMatch(/^ +\|$/);
      } else {
        expect(block[3]).toMatch(new RegExp(`^ ${c.line} \\| `));
        expect(caretColumn).toBe(c.column);
      }
      expect(existsSync(r.out)).toBe(false);
    });

    it("build reports that one error and no follow-on errors", async () => {
      const r = await buildOne(c.file);
      expect(errorCount(r.err)).toBe(1);
      expect(r.err).toContain(`error[${c.code}]`);
    });
  });
});

describe("all errors at once", () => {
  // A ragged table row (line 11), reference number 2 listed twice (line 18), and a marker [9]
  // with no reference entry (line 7): a warning, reported beside the errors.
  const DOCUMENT = [
    "# Two Defects: A Malformed Test Document",
    "",
    "**Author:** Claimgraph Test Team. **Date:** March 2026",
    "",
    "## Compound Focus: Nortriptyline",
    "",
    "Nortriptyline acts mainly at the norepinephrine transporter [9].",
    "",
    "Feature\tNortriptyline (TCA)\tSertraline (SSRI)\tNotes",
    "Primary Target\tNET inhibition [1]\tSERT inhibition [2]\tBoth block reuptake [1]",
    "Active Metabolite\t10-Hydroxynortriptyline\tDesmethylsertraline",
    "Overdose Risk\tHigh [1]\tLower [2]\tNot applicable",
    "",
    "## References",
    "",
    "1. Nortriptyline: A Secondary-Amine Tricyclic Reference Monograph [reference.example.org]",
    "2. Sertraline Prescribing Overview: Dosing, Interactions, and ... [health.example.com]",
    "2. Sertraline: A Second Entry Under the Same Number [health.example.com]",
    "",
  ].join("\n");

  it("parseDocument and build report both problems in one run", async () => {
    const { diagnostics } = parseDocument("two-defects.md", DOCUMENT);
    expect(diagnostics.map((d) => [d.code, d.severity, d.line, d.column])).toEqual(
      expect.arrayContaining([
        ["UnknownReference", "warning", 7, 61],
        ["RaggedTableRow", "error", 11, 1],
        ["DuplicateReferenceNumber", "error", 18, 1],
      ]),
    );
    expect(diagnostics).toHaveLength(3);

    const sources = join(tempDir(), "sources");
    mkdirSync(sources);
    const path = join(sources, "two-defects.md");
    writeFileSync(path, DOCUMENT);
    const r = await run(["build", "--sources", sources, "--curation", missingDir()]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${path}:11:1: error[RaggedTableRow]`);
    expect(r.err).toContain(`${path}:18:1: error[DuplicateReferenceNumber]`);
    expect(r.err).toContain(`${path}:7:61: warning[UnknownReference]`);
    expect(errorCount(r.err)).toBe(2);
    expect(r.err).toContain("2 errors");
  });
});

describe("a failed build writes nothing", () => {
  it("leaves the previous exports byte-identical and no temporary files", async () => {
    const out = join(tempDir(), "out");
    const good = await run(["build", "--out", out, "-q"]);
    expect(good.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(LAYOUT);
    const before = EXPORTS.map((name) => readFileSync(join(out, name)));

    const bad = copySources([join(MALFORMED, "ragged-row.md")]);
    const r = await run(["build", "--sources", bad, "--curation", missingDir(), "--out", out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("nothing was written");
    expect(readdirSync(out).sort()).toEqual(LAYOUT);
    expect(readdirSync(join(out, "kb.generations"))).toHaveLength(1);
    EXPORTS.forEach((name, k) => {
      expect(readFileSync(join(out, name)).equals(before[k] as Buffer), name).toBe(true);
    });
  });

  // kb.nq is a folder: the build must fail cleanly, leaving the generation it had and no
  // temporary file or lock.
  it("a write that fails part-way leaves every earlier export as it was", async () => {
    const out = join(tempDir(), "out");
    expect((await run(["build", "--out", out, "-q"])).code).toBe(0);
    const kept = ["kb.jsonld", "kb.trig", "kb.ttl"];
    const before = kept.map((name) => readFileSync(join(out, name)));
    // A non-empty folder where kb.nq should be: renaming a file over it fails.
    const blocked = join(out, "kb.nq");
    rmSync(blocked);
    mkdirSync(join(blocked, "inside"), { recursive: true });

    const r = await run(["build", "--out", out, "--base", "https://example.org/other/", "-q"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("kb.nq");
    expect(readdirSync(out).filter((n) => n.startsWith(".claimgraph"))).toEqual([]);
    expect(readdirSync(join(out, "kb.generations"))).toHaveLength(1);
    expect(readdirSync(blocked)).toEqual(["inside"]);
    kept.forEach((name, k) => {
      expect(readFileSync(join(out, name)).equals(before[k] as Buffer), name).toBe(true);
    });
  });
});

describe("usage errors exit 2", () => {
  it.each([
    {
      name: "an unknown export format",
      argv: () => ["export", "--format", "xml"],
      says: "xml",
    },
    {
      name: "a sources folder that does not exist",
      argv: () => ["build", "--sources", "/does/not/exist", "--out", join(tempDir(), "out")],
      says: "hint:",
    },
    {
      name: "a base that is not an IRI",
      argv: () => ["build", "--base", "not-an-iri", "--out", join(tempDir(), "out")],
      says: "not-an-iri",
    },
    {
      name: "validate on a folder without exports",
      argv: () => ["validate", "--dir", tempDir()],
      says: "hint:",
    },
  ])("$name", async ({ argv, says }) => {
    const r = await run(argv());
    expect(r.code).toBe(2);
    expect(r.err).toContain(says);
    expect(r.out).toBe("");
  });
});

describe("validate catches tampered exports", () => {
  function tamperedCopy(edit: (ttl: string) => string): string {
    const dir = tempDir();
    // Copies of the files, not of the links: writing through a link would edit graph/.
    for (const name of EXPORTS) copyFileSync(join("graph", name), join(dir, name));
    const ttl = join(dir, "kb.ttl");
    writeFileSync(ttl, edit(readFileSync(ttl, "utf8")));
    return dir;
  }

  it("a syntax error appended to kb.ttl: exit 1, naming the file:line:col", async () => {
    let line = 0;
    const dir = tamperedCopy((ttl) => {
      line = ttl.split("\n").length + 1;
      return `${ttl}\n<http://a.example/s> <http://a.example/p> "x" "y" .\n`;
    });
    const r = await run(["validate", "--dir", dir]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${join(dir, "kb.ttl")}:${line}:47: does not parse`);
    expect(r.out).toMatch(/^NOT valid\.$/m);
  });

  it("a triple deleted from kb.ttl: exit 1, the file's count one short and a mismatch", async () => {
    const original = readFileSync(join("graph", "kb.ttl"), "utf8");
    const triples = new Parser().parse(original).length;
    // An inner `predicate object;` line: removing it keeps the Turtle well-formed.
    const dir = tamperedCopy((ttl) => ttl.replace(/\n {4}cg:line \d+;\n/, "\n"));
    const r = await run(["validate", "--dir", dir]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${join(dir, "kb.ttl")}: parses (${triples - 1} triples)`);
    expect(r.out).toMatch(/^mismatch: .*turtle/m);
    expect(r.out).toMatch(/^NOT valid\.$/m);
  });
});

describe("the compiled binary (bin/claimgraph.js, built by `npm run build:cli`)", () => {
  it("runs as a process: --help exits 0, a bad document exits 1 with a located error", () => {
    expect(existsSync("dist/main.js"), "dist/ is missing: run `npm run build:cli`").toBe(true);
    const node = (args: string[]) =>
      spawnSync(process.execPath, ["bin/claimgraph.js", ...args], { encoding: "utf8" });

    const help = node(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage: claimgraph");

    const sources = copySources([join(MALFORMED, "ragged-row.md")]);
    const out = join(tempDir(), "out");
    const bad = node(["build", "--sources", sources, "--out", out]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`${join(sources, "ragged-row.md")}:19:1: error[RaggedTableRow]`);
    expect(bad.stderr).toMatch(/^ {2}hint: /m);
    expect(bad.stdout).toBe("");
    expect(existsSync(out)).toBe(false);
  });
});

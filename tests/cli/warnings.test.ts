// How the CLI reads a document with a defect of its own (tests/fixtures/flawed): a marker that
// names no reference entry, or markers with no reference list, are warnings at their line and
// column with a hint and a caret; the build goes on and writes everything, the claim keeps the
// marker's number (cg:unresolvedMarker), the outputs pass SHACL, `trace` shows the number with a
// "?", and `audit` reports an unresolved citation.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseDocument } from "../../src/document/parse.ts";
import { buildFixture, removeTempDirs, run } from "../helpers/cli.ts";

afterAll(removeTempDirs);

const FLAWED = "tests/fixtures/flawed";

interface Expected {
  readonly file: string;
  readonly code: string;
  readonly line: number;
  readonly column: number;
}

const cases: Expected[] = JSON.parse(readFileSync(join(FLAWED, "expected.json"), "utf8"));

const buildOne = (file: string) => buildFixture(FLAWED, file);

describe("flawed documents (tests/fixtures/flawed/expected.json)", () => {
  it("expected.json lists every fixture", () => {
    const fixtures = readdirSync(FLAWED).filter((n) => n.endsWith(".md"));
    expect(cases.map((c) => c.file).sort()).toEqual(fixtures.sort());
  });

  describe.each(cases)("$file", (c) => {
    it(`parseDocument reports exactly the warning ${c.code} at ${c.line}:${c.column}`, () => {
      const { diagnostics } = parseDocument(c.file, readFileSync(join(FLAWED, c.file)));
      expect(diagnostics.map((d) => [d.code, d.severity, d.line, d.column])).toEqual([
        [c.code, "warning", c.line, c.column],
      ]);
    });

    it("build warns with file:line:col, a hint and a caret, writes everything, and validates", async () => {
      const r = await buildOne(c.file);
      expect(r.code).toBe(0);
      const head = `${r.path}:${c.line}:${c.column}: warning[${c.code}]`;
      expect(r.err).toContain(head);
      const lines = r.err.split("\n");
      const at = lines.findIndex((l) => l.startsWith(head));
      expect(lines[at + 1]).toMatch(/^ {2}hint: \S/);
      expect(lines[at + 4]).toMatch(/^ +\| .*\^$/);
      expect(r.err).not.toMatch(/: error\[/);
      expect(readdirSync(r.out)).toContain("kb.ttl");
      const valid = await run(["validate", "--dir", r.out]);
      expect(valid.out).toContain("SHACL: conforms");
      expect(valid.code).toBe(0);
    });

    it("trace shows the unresolved number and audit reports it where it stands", async () => {
      const r = await buildOne(c.file);
      const kb = join(r.out, "kb.trig");
      const audit = await run(["audit", "--kb", kb, "--json"]);
      const report = JSON.parse(audit.out);
      const unresolved = report.findings.filter(
        (f: { kind: string }) => f.kind === "unresolved-citation",
      );
      expect(unresolved.length).toBeGreaterThan(0);
      expect(unresolved.map((f: { location: { line: number } }) => f.location.line)).toContain(
        c.line,
      );
      const claim = unresolved[0].subject as string;
      const trace = await run(["trace", claim, "--kb", kb]);
      expect(trace.out).toMatch(/\[\d+\?\]/);
      expect(trace.out).toMatch(/the document's reference list has no entry \d+/);
    });
  });
});

describe("--strict", () => {
  it.each(cases)("refuses $file with the warning as an error, writing nothing", async (c) => {
    const r = await buildFixture(FLAWED, c.file, ["--strict"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${r.path}:${c.line}:${c.column}: error[${c.code}]`);
    expect(r.err).toContain("nothing was written");
    expect(existsSync(r.out)).toBe(false);
  });
});

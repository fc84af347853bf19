// A query that does not parse is located in what the user wrote, never in the text with the
// predeclared prefixes put before it: line:column for an argument, file:line:column for
// `--file`, and the line shown with a caret under the column.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { displayPath } from "../../src/base/display-path.ts";
import { removeTempDirs, run, tempDir } from "../helpers/cli.ts";

afterAll(removeTempDirs);

const KB = "tests/fixtures/kb/hand-written.ttl";

/** The caret's column (1-based) under the shown line `lineNo` of the error output. */
function caretColumn(err: string, lineNo: number): number {
  const lines = err.split("\n");
  const shown = lines.findIndex((l) => l.startsWith(` ${lineNo} | `));
  expect(shown, err).toBeGreaterThan(0);
  const caret = lines[shown + 1] ?? "";
  return caret.indexOf("^") - ` ${lineNo} | `.length + 1;
}

describe("query syntax errors", () => {
  it("locate a one-line query's error at 1:column with the line and a caret", async () => {
    const r = await run(["query", "--kb", KB, 'SELECT * WHERE { ?s ?p "x }']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("does not parse at 1:24:");
    expect(r.err).toContain(' 1 | SELECT * WHERE { ?s ?p "x }');
    expect(caretColumn(r.err, 1)).toBe(24);
  });

  it("locate a --file query's error at file:line:column", async () => {
    const file = join(tempDir(), "broken.rq");
    writeFileSync(file, "SELECT ?s\nWHERE {\n  ?s ?p ?o .\n  FILTER(?o = )\n}\n");
    const r = await run(["query", "--kb", KB, "--file", file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`does not parse at ${displayPath(file)}:4:15:`);
    expect(r.err).toContain(" 4 |   FILTER(?o = )");
    expect(caretColumn(r.err, 4)).toBe(15);
  });

  it("locate an error the store's own parser finds in the user's text, not after the prefixes", async () => {
    // sparqljs reads this; oxigraph refuses to bind ?x twice, at a position in its own text.
    const r = await run(["query", "--kb", KB, "SELECT ?x WHERE { BIND(1 AS ?x)\n BIND(2 AS ?x) }"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/does not parse at 2:\d+:/);
    expect(r.err).toContain(" 2 |  BIND(2 AS ?x) }");
  });

  it("run a --file query, and refuse both a query and --file, or neither", async () => {
    const file = join(tempDir(), "count.rq");
    writeFileSync(file, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }\n");
    const ok = await run(["query", "--kb", KB, "--format", "csv", "--file", file]);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/^n\r?\n\d+/);
    expect((await run(["query", "--kb", KB, "--file", file, "ASK {}"])).code).toBe(2);
    expect((await run(["query", "--kb", KB])).code).toBe(2);
  });
});

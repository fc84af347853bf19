/**
 * Input limits: a document too large to read is refused before parsing, and a table too wide or a
 * reference list too long is refused by the parser; each with a located error, exit code 1 and
 * nothing written. A document at the parser's limits builds.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_REFERENCES } from "../../src/document/references.ts";
import { MAX_TABLE_COLUMNS } from "../../src/document/tables.ts";
import { MAX_DOCUMENT_BYTES } from "../../src/pipeline/files.ts";
import { missingDir, removeTempDirs, run, tempDir } from "../helpers/cli.ts";

afterAll(removeTempDirs);

describe("a document over the size limit", () => {
  it("is refused with DocumentTooLarge at 1:1 and exit code 1, and nothing is written", async () => {
    const sources = tempDir();
    writeFileSync(join(sources, "huge.md"), `# Huge\n\n${"a".repeat(MAX_DOCUMENT_BYTES)}\n`);
    const out = join(tempDir(), "out");
    const r = await run(["build", "--sources", sources, "--curation", missingDir(), "--out", out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/huge\.md:1:1: error\[DocumentTooLarge\]/);
    expect(r.err).toContain("hint:");
  });
});

/**
 * A generated document: one claim in prose, a table of `columns` columns on lines 9 and 10
 * (every data cell citing [1]), and a reference list of `references` entries from line 14.
 */
function generated(columns: number, references: number): string {
  const cells = (label: string, value: (column: number) => string) =>
    [label, ...Array.from({ length: columns - 1 }, (_, i) => value(i + 2))].join("\t");
  return [
    "# Wide and Long: A Generated Limits Document",
    "",
    "**Author:** Claimgraph Test Team. **Date:** March 2026",
    "",
    "## Compound Focus: Nortriptyline",
    "",
    "Nortriptyline acts mainly at the norepinephrine transporter [1].",
    "",
    cells("Feature", (n) => `Drug ${n}`),
    cells("Primary Target", (n) => `NET inhibition ${n} [1]`),
    "",
    "## References",
    "",
    ...Array.from(
      { length: references },
      (_, i) => `${i + 1}. Reference monograph number ${i + 1} [reference.example.org]`,
    ),
    "",
  ].join("\n");
}

/** `claimgraph build` of a sources folder holding only `text` as `name`, into a fresh folder. */
async function buildOne(name: string, text: string) {
  const sources = tempDir();
  const path = join(sources, name);
  writeFileSync(path, text);
  const out = join(tempDir(), "out");
  const r = await run(["build", "--sources", sources, "--curation", missingDir(), "--out", out]);
  return { ...r, path, out };
}

describe("the parser's limits through `claimgraph build`", () => {
  it(`a document with a ${MAX_TABLE_COLUMNS}-column table and ${MAX_REFERENCES} references builds`, async () => {
    const r = await buildOne("at-limits.md", generated(MAX_TABLE_COLUMNS, MAX_REFERENCES));
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(existsSync(join(r.out, "kb.ttl"))).toBe(true);
  });

  it(`a table of ${MAX_TABLE_COLUMNS + 1} columns: TableTooWide at its first cell past the limit, exit 1, nothing written`, async () => {
    const text = generated(MAX_TABLE_COLUMNS + 1, 1);
    const header = text.split("\n")[8] as string;
    // Column of cell 65: one past the first 64 cells and the tabs between them.
    const column = header.split("\t").slice(0, MAX_TABLE_COLUMNS).join("\t").length + 2;
    const r = await buildOne("wide.md", text);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${r.path}:9:${column}: error[TableTooWide]`);
    expect(r.err).toMatch(new RegExp(`^ {2}hint: .*\\b${MAX_TABLE_COLUMNS} columns`, "m"));
    expect(r.err.match(/: error\[/g)).toHaveLength(1);
    expect(existsSync(r.out)).toBe(false);
  });

  it(`a reference list of ${MAX_REFERENCES + 1} entries: TooManyReferences at the entry past the limit, exit 1, nothing written`, async () => {
    const r = await buildOne("long.md", generated(3, MAX_REFERENCES + 1));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${r.path}:${14 + MAX_REFERENCES}:1: error[TooManyReferences]`);
    expect(r.err).toMatch(new RegExp(`^ {2}hint: .*\\b${MAX_REFERENCES} references`, "m"));
    expect(r.err.match(/: error\[/g)).toHaveLength(1);
    expect(existsSync(r.out)).toBe(false);
  });
});

describe("a document with very many problems", () => {
  it("reports every one, located, in seconds, and exits 1 without crashing", async () => {
    // 150,000 markers citing a reference the list does not hold: one warning each, and a
    // ragged table row (line 11) that makes the build fail. Collecting them with a spread
    // overflowed the stack, printing them read the file once per problem, and each column
    // was counted from the start of the 600 kB line (110 s in all).
    const count = 150_000;
    const text = generated(3, 1)
      .replace(
        "Nortriptyline acts mainly at the norepinephrine transporter [1].",
        `Nortriptyline acts mainly at the norepinephrine transporter${" [7]".repeat(count)}.`,
      )
      .replace(/(Primary Target[^\n]*\n)/, "$1Ragged Row\tone cell\n");
    const r = await buildOne("many-problems.md", text);
    expect(r.code).toBe(1);
    const warnings = r.err.match(/: warning\[UnknownReference\]/g) ?? [];
    expect(warnings).toHaveLength(count);
    const column = (text.split("\n")[6] as string).indexOf("[7]") + 1;
    expect(r.err).toContain(`${r.path}:7:${column}: warning[UnknownReference]`);
    expect(r.err).toContain(`${r.path}:11:1: error[RaggedTableRow]`);
    expect(r.err).toContain("claimgraph: 1 error; nothing was written.");
    expect(existsSync(r.out)).toBe(false);
  });
});

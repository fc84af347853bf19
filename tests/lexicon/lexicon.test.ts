// The lexicon in ontology/: it loads, every checked identifier reaches an entity, it finds
// mentions the way a reader would, and a broken row is a located LexiconError.
import { createHash } from "node:crypto";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/base/errors.ts";
import { ontologyDir } from "../../src/base/paths.ts";
import { loadLexicon } from "../../src/lexicon/load.ts";
import { removeTempDirs, tempDir } from "../helpers/cli.ts";

afterAll(removeTempDirs);

const IDENTIFIERS = join(ontologyDir(), "identifiers.tsv");

/** The data rows of a TSV file (no comments, no header), split into fields. */
function dataRows(file: string): string[][] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.startsWith("#"))
    .slice(1)
    .map((l) => l.split("\t"));
}

describe("loadLexicon(ontologyDir())", () => {
  const { lexicon, referenceIdentifiers } = loadLexicon(ontologyDir());

  it("loads every entity of entities.tsv", () => {
    const rows = dataRows(join(ontologyDir(), "lexicon", "entities.tsv"));
    expect(lexicon.entities.size).toBe(rows.length);
  });

  it("attaches every non-reference identifier row to an entity", () => {
    const rows = dataRows(IDENTIFIERS);
    const references = rows.filter((r) => r[0] === "reference");
    const attached = [...lexicon.entities.values()].reduce((n, e) => n + e.identifiers.length, 0);
    expect(attached).toBe(rows.length - references.length);
    expect(referenceIdentifiers).toHaveLength(references.length);
  });

  it("identifiers.tsv is the checked copy of the shared identifier data", () => {
    // ontology/identifiers.tsv is a checked copy of the project's shared identifier data; the
    // tests never read the shared folder (CI need not have it), so the copy is pinned by its
    // hash, computed when it was checked. A change to the file must be checked again, then
    // this hash updated.
    const sha = createHash("sha256").update(readFileSync(IDENTIFIERS)).digest("hex");
    expect(sha).toBe("6fff67d7d17617f8b018f80d17b5a0f47caeb688f5640c24529d05db6ce009c1");
  });

  it.each([
    {
      text: "Norepinephrine Transporter (NET)",
      found: [
        ["norepinephrine-transporter", "Norepinephrine Transporter"],
        ["norepinephrine-transporter", "NET"],
      ],
    },
    {
      text: "SSRI-Resistant Depression",
      found: [["ssri-resistant-depression", "SSRI-Resistant Depression"]],
    },
    // The acronym NET matches case-sensitively and as a whole word only.
    { text: "network", found: [] },
    { text: "the net effect", found: [] },
    {
      text: "SSRIs (e.g., Fluoxetine)",
      found: [
        ["selective-serotonin-reuptake-inhibitors", "SSRIs"],
        ["fluoxetine", "Fluoxetine"],
      ],
    },
  ])("mentions($text)", ({ text, found }) => {
    const mentions = lexicon.mentions(text);
    expect(mentions.map((m) => [m.entity.id, m.surface])).toEqual(found);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.surface);
  });
});

describe("a broken lexicon", () => {
  /** A copy of ontology/ with one entities.tsv row's type replaced by "Medicine". */
  function withBadType(id: string) {
    const dir = join(tempDir(), "ontology");
    cpSync(ontologyDir(), dir, { recursive: true });
    const file = join(dir, "lexicon", "entities.tsv");
    const lines = readFileSync(file, "utf8").split("\n");
    const line = lines.findIndex((l) => l.startsWith(`${id}\t`)) + 1;
    const fields = (lines[line - 1] as string).split("\t");
    fields[1] = "Medicine";
    lines[line - 1] = fields.join("\t");
    writeFileSync(file, lines.join("\n"));
    return { dir, file, line, column: id.length + 2 };
  }

  function diagnosticsOf(dir: string) {
    try {
      loadLexicon(dir);
    } catch (error) {
      if (error instanceof InputError) return error.diagnostics;
      throw error;
    }
    throw new Error("expected an InputError");
  }

  it("an unknown entity type is a LexiconError at its line and column", () => {
    // "mood" has no identifiers and is no entity's broader class: the type is the only problem.
    const bad = withBadType("mood");
    expect(bad.line).toBeGreaterThan(0);
    expect(diagnosticsOf(bad.dir)).toMatchObject([
      { code: "LexiconError", severity: "error", file: bad.file, line: bad.line, column: 6 },
    ]);
  });

  // The row with the bad type still names the entity, so its identifier rows are not reported too.
  it("an unknown type on an entity with identifiers is still one error", () => {
    const bad = withBadType("desipramine");
    expect(diagnosticsOf(bad.dir).map((d) => [d.file, d.line, d.column])).toEqual([
      [bad.file, bad.line, bad.column],
    ]);
  });
});

// Curated claims (claims.tsv): each problem in a row is located at the row's line and the
// offending column; a good row becomes a claim located at its quote, with the citations of the
// sentence that holds it; and every row of the real graph/curation/claims.tsv is built.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/base/errors.ts";
import { CURATED_COLUMNS } from "../../src/curation/claims.ts";
import { type Built, build } from "../../src/pipeline/pipeline.ts";
import { CG } from "../../src/rdf/vocab/vocabulary.ts";
import { copySources, removeTempDirs, tempDir } from "../helpers/cli.ts";

afterAll(removeTempDirs);

const SEED = "graph/sources/desipramine-vs-ssris.md";
const DOC = "desipramine-vs-ssris";

type Row = Record<(typeof CURATED_COLUMNS)[number], string>;

/** Line 1 is a comment and line 2 the header, so the first row is on line 3. */
const FIRST_ROW_LINE = 3;

/** A curation folder whose claims.tsv holds `rows`, under the same header as graph/curation. */
function curation(rows: readonly Row[]): string {
  const dir = join(tempDir(), "curation");
  mkdirSync(dir);
  const lines = [
    "# written by tests/curation/curation.test.ts",
    CURATED_COLUMNS.join("\t"),
    ...rows.map((row) => CURATED_COLUMNS.map((c) => row[c]).join("\t")),
  ];
  writeFileSync(join(dir, "claims.tsv"), `${lines.join("\n")}\n`);
  return dir;
}

/** The 1-based column at which `field` starts in the row as written by `curation`. */
function columnOf(row: Row, field: keyof Row): number {
  const before = CURATED_COLUMNS.slice(0, CURATED_COLUMNS.indexOf(field));
  return before.reduce((n, c) => n + [...row[c]].length + 1, 1);
}

function buildSeedWith(rows: readonly Row[]): Built {
  return build({ sources: copySources([SEED]), curation: curation(rows) });
}

function diagnosticsOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error.diagnostics;
    throw error;
  }
  throw new Error("expected an InputError");
}

const good: Row = {
  document: DOC,
  subject: "desipramine",
  predicate: "comparedWith",
  object: "fluoxetine",
  quote: "assigned to Desipramine (n=9) or Fluoxetine (n=8)",
  note: "",
};

describe("a bad row fails the build, located at the row and the offending column", () => {
  it.each([
    {
      code: "QuoteNotFound",
      row: { ...good, quote: "Desipramine cures every depression" },
      field: "quote",
    },
    // "Lower risk" opens two cells of the side-effect table (lines 57 and 58).
    { code: "AmbiguousQuote", row: { ...good, quote: "Lower risk" }, field: "quote" },
    { code: "UnknownEntity", row: { ...good, subject: "imipramine" }, field: "subject" },
    { code: "UnknownEntity", row: { ...good, object: "imipramine" }, field: "object" },
    { code: "UnknownPredicate", row: { ...good, predicate: "cures" }, field: "predicate" },
    { code: "UnknownDocument", row: { ...good, document: "no-such-document" }, field: "document" },
  ] as const)("$code ($field)", ({ code, row, field }) => {
    const diagnostics = diagnosticsOf(() => buildSeedWith([row]));
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      [code, FIRST_ROW_LINE, columnOf(row, field)],
    ]);
    expect(diagnostics[0]?.file).toMatch(/claims\.tsv$/);
  });

  it("reports every bad row, not only the first", () => {
    const diagnostics = diagnosticsOf(() =>
      buildSeedWith([{ ...good, subject: "imipramine" }, good, { ...good, quote: "Lower risk" }]),
    );
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ["UnknownEntity", FIRST_ROW_LINE],
      ["AmbiguousQuote", FIRST_ROW_LINE + 2],
    ]);
  });
});

describe("a good row becomes a curated claim", () => {
  /** The exported cg:line / cg:endLine and the references each curated claim cites through. */
  function curated(built: Built) {
    const claims = built.kb.documents.flatMap((d) => d.claims).filter((c) => c.kind === "curated");
    return claims.map((claim) => {
      const node = built.iris.claim(claim.id).value;
      const objects = (p: string) =>
        built.quads.filter((q) => q.subject.value === node && q.predicate.value === p);
      return {
        text: claim.text,
        line: Number(objects(CG.line.value)[0]?.object.value),
        endLine: Number(objects(CG.endLine.value)[0]?.object.value),
        cites: objects(CG.viaReference.value)
          .map((q) => q.object.value)
          .sort(),
      };
    });
  }

  it.each([
    // A bullet sentence on line 64 that carries [4] [5].
    { row: good, line: 64, endLine: 64, cites: [4, 5] },
    // A sentence running from line 26 across a blank line (`*in*` / `*vitro*`) to line 28,
    // where its marker [3] stands: the quote starts on 26 and ends on 28.
    {
      row: {
        ...good,
        predicate: "downRegulates",
        object: "alpha-2a-adrenergic-receptor",
        quote: "after prolonged stimulation in vitro",
      },
      line: 26,
      endLine: 28,
      cites: [3],
    },
  ])("$row.quote", ({ row, line, endLine, cites }) => {
    const built = buildSeedWith([row]);
    const refs = cites.map((n) => built.iris.reference(DOC, n).value).sort();
    expect(curated(built)).toEqual([{ text: row.quote, line, endLine, cites: refs }]);
  });
});

describe("graph/curation/claims.tsv", () => {
  it("every row is a claim of the seed build", () => {
    const rows = readFileSync("graph/curation/claims.tsv", "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "" && !l.startsWith("#"))
      .slice(1)
      .map((l) => l.split("\t"));
    const built = build({ sources: "graph/sources" });
    const claims = built.kb.documents.flatMap((d) => d.claims).filter((c) => c.kind === "curated");
    expect(claims).toHaveLength(rows.length);
    const term = (t: (typeof claims)[number]["object"]) =>
      t.kind === "literal" ? `"${t.value}"` : t.id;
    const builtRows = claims.map((c) =>
      [c.documentId, term(c.subject), c.predicate.name, term(c.object), c.text].join("\t"),
    );
    expect(builtRows.sort()).toEqual(rows.map((r) => r.slice(0, 5).join("\t")).sort());
  });
});

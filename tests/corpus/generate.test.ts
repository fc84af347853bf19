// The benchmark corpus generator (scripts/corpus/generate.ts): deterministic from its seed, and
// what it writes builds with claimgraph's real pipeline and the real curation folder, without a
// diagnostic, into exports that re-parse, with entities and works shared across documents and
// the citation shapes the seed has (uncited cells, cells citing two references).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpusDocuments, generateCorpus } from "../../scripts/corpus/generate.ts";
import {
  UNKNOWN_CLASSES,
  UNKNOWN_CONDITIONS,
  UNKNOWN_EFFECTS,
} from "../../scripts/corpus/unknown.ts";
import type { Claim, DocumentClaims } from "../../src/claims/types.ts";
import { type Built, build, render } from "../../src/pipeline/pipeline.ts";
import { parseExport, quadSet } from "../../src/rdf/read/export-text.ts";
import { FORMATS, turtleTriples } from "../../src/rdf/write/serialize.ts";
import { ROOT } from "../helpers/build.ts";

const DOCUMENTS = 5;
const SEED = 42;
const SEED_DOCUMENT = "desipramine-vs-ssris";

let dir: string;
let built: Built;
let generated: DocumentClaims[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "claimgraph-corpus-"));
  generateCorpus({ documents: DOCUMENTS, seed: SEED, outDir: join(dir, "a") });
  built = build({ sources: join(dir, "a"), curation: join(ROOT, "graph", "curation") });
  generated = built.kb.documents.filter((d) => d.document.id !== SEED_DOCUMENT);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The entity ids a claim is about: its subject, object, mentions and comparison. */
function entitiesOf(claim: Claim): string[] {
  const terms = [claim.subject, claim.object, ...claim.mentions];
  const c = claim.comparison;
  if (c) terms.push(c.armA, c.armB, c.condition, ...(c.outcome ? [c.outcome] : []));
  return terms.flatMap((t) => (t.kind === "entity" ? [t.id] : []));
}

/** How many of `docs` have a claim about `id` (or cite a work keyed `id`). */
function documentsWith(docs: readonly DocumentClaims[], id: string): number {
  return docs.filter(
    (d) =>
      d.claims.some((c) => entitiesOf(c).includes(id)) ||
      d.references.some((r) => r.workKey === id),
  ).length;
}

describe("generating", () => {
  it("writes the documents and a copy of the seed, and the same seed gives the same bytes", () => {
    generateCorpus({ documents: DOCUMENTS, seed: SEED, outDir: join(dir, "b") });
    const names = readdirSync(join(dir, "a")).sort();
    expect(names).toHaveLength(DOCUMENTS + 1);
    expect(names.filter((n) => /^doc-\d{4}-[a-z0-9-]+\.md$/.test(n))).toHaveLength(DOCUMENTS);
    expect(names).toContain(`${SEED_DOCUMENT}.md`);
    expect(readdirSync(join(dir, "b")).sort()).toEqual(names);
    for (const name of names) {
      expect(readFileSync(join(dir, "b", name)), name).toEqual(readFileSync(join(dir, "a", name)));
    }
  });

  it("makes document k the same whatever the number of documents", () => {
    const few = corpusDocuments(DOCUMENTS, SEED);
    expect(corpusDocuments(DOCUMENTS + 3, SEED).slice(0, DOCUMENTS)).toEqual(few);
  });

  it("gives different documents for a different seed", () => {
    const ours = new Set(corpusDocuments(DOCUMENTS, SEED).map((d) => d.text));
    const other = corpusDocuments(DOCUMENTS, SEED + 1);
    expect(other.filter((d) => ours.has(d.text))).toEqual([]);
  });

  it("follows the seed's byte conventions: ASCII, LF, two blank lines first, no final newline", () => {
    for (const { name, text } of corpusDocuments(DOCUMENTS, SEED)) {
      expect(text.startsWith("\n\n# "), name).toBe(true);
      expect(text.endsWith("\n"), name).toBe(false);
      expect(/[^\t\n -~]/.test(text), name).toBe(false);
      // Three tables, each a run of tab-separated lines with as many cells as its header.
      const runs: string[][] = [];
      let previous = false;
      for (const line of text.split("\n")) {
        const tabbed = line.includes("\t");
        if (tabbed && !previous) runs.push([]);
        if (tabbed) runs.at(-1)?.push(line);
        previous = tabbed;
        expect(line.split("$").length % 2, `${name}: unbalanced $ in ${line}`).toBe(1);
      }
      expect(
        runs.map((run) => run[0]?.split("\t")[0]),
        name,
      ).toEqual(["Feature", "Condition / Model", "Side Effect"]);
      for (const run of runs) {
        const width = run[0]?.split("\t").length;
        expect(run.every((row) => row.split("\t").length === width)).toBe(true);
      }
    }
  });

  it("rejects a number of documents that is not a positive integer, and a share outside 0-1", () => {
    expect(() => corpusDocuments(0, SEED)).toThrow(RangeError);
    expect(() => corpusDocuments(2.5, SEED)).toThrow(RangeError);
    expect(() => corpusDocuments(1, SEED, -0.1)).toThrow(RangeError);
    expect(() => corpusDocuments(1, SEED, 1.5)).toThrow(RangeError);
    expect(() => corpusDocuments(1, SEED, Number.NaN)).toThrow(RangeError);
  });

  it("draws drugs, classes, conditions and effects the lexicon lacks at the share it is given", () => {
    const invented = [...UNKNOWN_CONDITIONS.map((c) => c.label), ...UNKNOWN_EFFECTS];
    const unknownClasses = new Set(UNKNOWN_CLASSES.map((c) => c.name));
    /** Of a corpus: the classes its columns name, and the invented rows its tables hold. */
    const drawn = (share: number) => {
      const docs = corpusDocuments(20, SEED, share);
      const classes = docs.flatMap((d) =>
        d.columns.flatMap((c) => [c.subject, ...c.memberships.map((m) => m.group)]),
      );
      return {
        classes: classes.filter((n) => n.type === "DrugClass").map((n) => n.name),
        rows: docs.flatMap((d) => invented.filter((label) => d.text.includes(`<b>${label}</b>`))),
        rowCount: docs.reduce((n, d) => n + (d.text.match(/^<b>/gm) ?? []).length, 0),
      };
    };
    const none = drawn(0);
    expect(none.classes.filter((c) => unknownClasses.has(c))).toEqual([]);
    expect(none.rows).toEqual([]);
    const all = drawn(1);
    expect(all.classes.length).toBeGreaterThan(0);
    expect(all.classes.filter((c) => !unknownClasses.has(c))).toEqual([]);
    expect(all.rows.length).toBe(all.rowCount);
    const half = drawn(0.5);
    expect(half.classes.some((c) => unknownClasses.has(c))).toBe(true);
    expect(half.classes.some((c) => !unknownClasses.has(c))).toBe(true);
  });
});

describe("building the generated documents with graph/curation", () => {
  it("builds every document without a diagnostic", () => {
    expect(built.diagnostics).toEqual([]);
    expect(built.kb.documents).toHaveLength(DOCUMENTS + 1);
  });

  it("gives each generated document a sane number of claims, tables and references", () => {
    for (const doc of generated) {
      expect(doc.claims.length, doc.document.id).toBeGreaterThanOrEqual(12);
      expect(doc.claims.length, doc.document.id).toBeLessThanOrEqual(80);
      expect(doc.document.tables.length, doc.document.id).toBe(3);
      expect(doc.references.length, doc.document.id).toBeGreaterThanOrEqual(4);
      expect(doc.references.length, doc.document.id).toBeLessThanOrEqual(12);
      expect(doc.studies.length, doc.document.id).toBeGreaterThanOrEqual(1);
    }
  });

  it("cites every reference but at most one per document", () => {
    for (const doc of generated) {
      const cited = new Set(doc.claims.flatMap((c) => c.citations));
      const uncited = doc.references.filter((r) => !cited.has(r.number));
      expect(uncited.length, doc.document.id).toBeLessThanOrEqual(1);
    }
  });

  it("shares entities, the lexicon's and minted ones, and works across documents", () => {
    const ids = (minted: boolean) =>
      new Set(
        generated.flatMap((d) =>
          d.claims.flatMap((c) =>
            [c.subject, c.object, ...c.mentions].flatMap((t) =>
              t.kind === "entity" && t.unnormalised === minted ? [t.id] : [],
            ),
          ),
        ),
      );
    for (const minted of [false, true]) {
      const shared = [...ids(minted)].filter((id) => documentsWith(generated, id) > 1);
      expect(shared.length, minted ? "minted" : "the lexicon's").toBeGreaterThan(0);
    }
    // The seed's drugs are named by some generated documents too (seed 42: at least one).
    const seedDrugs = ["desipramine", "fluoxetine"].map((id) =>
      documentsWith(built.kb.documents, id),
    );
    expect(Math.max(...seedDrugs)).toBeGreaterThanOrEqual(2);
    const works = new Set(generated.flatMap((d) => d.references.map((r) => r.workKey)));
    const shared = [...works].filter((key) => documentsWith(built.kb.documents, key) > 1);
    expect(shared.length).toBeGreaterThan(0);
  });

  it("has uncited cells and cells citing two references", () => {
    const cells = generated.flatMap((d) => d.claims.filter((c) => c.kind === "table"));
    expect(cells.some((c) => c.citations.length === 0)).toBe(true);
    expect(cells.some((c) => c.citations.length === 2)).toBe(true);
  });

  it("renders every export so that it re-parses to the dataset", async () => {
    for (const format of FORMATS) {
      const quads = await parseExport(render(built, format), format);
      const expected = format === "turtle" ? turtleTriples(built.quads) : built.quads;
      const [a, e] = [quadSet(quads), quadSet(expected)];
      expect(a.size, format).toBe(e.size);
      expect(
        [...e].filter((line) => !a.has(line)),
        format,
      ).toEqual([]);
    }
  });
});

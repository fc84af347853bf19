// The benchmark corpus read the way #11 asks a document to be read: a generated corpus in which
// half the drugs, classes, conditions and effects are names the lexicon lacks, with column
// headers in every shape of the template. For every drug or class column the generator wrote,
// the build must take its subject from the header (never a predicate), mint and flag a name the
// lexicon lacks, state the memberships the header gives, find every cell of the column when the
// name is traced, and list the minted names in the audit's needs-review section; and read the
// invented conditions and adverse effects as minted entities of their type. What the
// generator wrote is the expectation; the build's output is never compared with itself.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GeneratedDocument } from "../../scripts/corpus/document.ts";
import { generateCorpus } from "../../scripts/corpus/generate.ts";
import type { Named, Shape, WrittenColumn } from "../../scripts/corpus/headers.ts";
import { UNKNOWN_CONDITIONS, UNKNOWN_EFFECTS } from "../../scripts/corpus/unknown.ts";
import { audit } from "../../src/audit/audit.ts";
import type { Claim, DocumentClaims, EntityTerm } from "../../src/claims/types.ts";
import { graphFromQuads } from "../../src/graph/from-quads.ts";
import { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { loadLexicon } from "../../src/lexicon/load.ts";
import { type Built, build } from "../../src/pipeline/pipeline.ts";
import { trace } from "../../src/trace/trace.ts";
import { NO_CURATION, ROOT } from "../helpers/build.ts";

const DOCUMENTS = 30;
const SEED = 11;
const SHARE = 0.5;
const { lexicon } = loadLexicon(join(ROOT, "ontology"));

let dir: string;
let built: Built;
let kg: KnowledgeGraph;
let written: readonly GeneratedDocument[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "claimgraph-corpus-names-"));
  const corpus = generateCorpus({
    documents: DOCUMENTS,
    seed: SEED,
    outDir: dir,
    unknownShare: SHARE,
    seedDocument: false,
  });
  written = corpus.documents;
  built = build({ sources: dir, curation: NO_CURATION });
  kg = new KnowledgeGraph(graphFromQuads([...built.quads]));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every column the generator wrote, with the document the build made of its file. */
function columns(): Array<{ doc: DocumentClaims; file: string; column: WrittenColumn }> {
  return written.flatMap((w) => {
    const doc = built.kb.documents.find((d) => `${d.document.id}.md` === w.name);
    if (!doc) throw new Error(`${w.name} was not built`);
    return w.columns.map((column) => ({ doc, file: w.name, column }));
  });
}

/** The table claims of one written column: its table is the one whose first header names it. */
function cellsOf(doc: DocumentClaims, column: WrittenColumn): Claim[] {
  const table = doc.document.tables.find((t) => t.header[0]?.display.text === column.table);
  return doc.claims.filter(
    (c) =>
      c.kind === "table" &&
      c.table?.table === table?.index &&
      c.table?.columnLabel === column.header,
  );
}

/** Whether a term is what was written: the lexicon's entity, or one minted from the name. */
function isNamed(
  term: EntityTerm,
  named: Omit<Named, "type"> & { readonly type: EntityTerm["type"] },
): boolean {
  if (term.type !== named.type) return false;
  if (named.known) return !term.unnormalised && term.id === lexicon.lookup(named.name)?.id;
  return term.unnormalised && term.label === named.name;
}

const where = (file: string, c: WrittenColumn) => `${file}: ${c.table} column "${c.header}"`;

describe("the generated corpus", () => {
  it("builds without a diagnostic", () => {
    expect(built.diagnostics).toEqual([]);
    expect(built.kb.documents).toHaveLength(DOCUMENTS);
  });

  it("writes names the lexicon lacks, and only those, as unknown", () => {
    const named = columns().flatMap(({ column }) => [
      column.subject,
      ...column.memberships.flatMap((m) => [m.member, m.group]),
    ]);
    for (const n of named) {
      const entry = lexicon.lookup(n.name);
      expect(entry !== undefined, `${n.type} "${n.name}"`).toBe(n.known);
    }
    expect(named.filter((n) => !n.known && n.type === "Drug").length).toBeGreaterThan(10);
    expect(named.filter((n) => !n.known && n.type === "DrugClass").length).toBeGreaterThan(10);
  });

  it("writes every header shape of the template with names the lexicon lacks", () => {
    const shapes: Shape[] = [
      "Name",
      "Name (Class)",
      "Class (e.g., Name)",
      "Class (e.g., A, B)",
      "Class",
      "Name Performance",
      "Class (Name) Performance",
      "Class Performance",
    ];
    const unknown = columns().filter(({ column }) => !column.subject.known);
    for (const shape of shapes) {
      expect(
        unknown.some(({ column }) => column.shape === shape),
        shape,
      ).toBe(true);
    }
  });
});

describe("every drug or class column, read from its header", () => {
  it("reads every cell, each claim with the header's drug or class as its subject", () => {
    for (const { doc, file, column } of columns()) {
      const cells = cellsOf(doc, column);
      // An arm cell may also state relations (ArmCellCueRule): more claims, from the same cells.
      const rows = new Set(cells.map((c) => c.table?.rowIndex));
      expect(rows.size, where(file, column)).toBe(column.cells);
      expect(cells.filter((c) => c.readBy !== "ArmCellCueRule").length, where(file, column)).toBe(
        column.cells,
      );
      for (const c of cells) {
        const subject = c.subject.kind === "entity" ? c.subject : undefined;
        expect(subject && isNamed(subject, column.subject), where(file, column)).toBe(true);
      }
    }
  });

  it("flags a subject the lexicon lacks as minted", () => {
    for (const { doc, file, column } of columns()) {
      if (column.subject.known) continue;
      for (const c of cellsOf(doc, column)) {
        expect(c.guesses, where(file, column)).toContain("MintedEntity");
      }
    }
  });

  it("turns no header, and no drug or class it names, into a predicate", () => {
    for (const { doc, file, column } of columns()) {
      const names = new Set([column.header, column.subject.name].map((s) => s.toLowerCase()));
      const predicates = doc.claims.map((c) => c.predicate.label.toLowerCase());
      expect(
        predicates.filter((p) => names.has(p)),
        where(file, column),
      ).toEqual([]);
    }
  });

  it("states the class memberships the header gives", () => {
    for (const { file, column } of columns()) {
      for (const m of column.memberships) {
        const stated = built.kb.memberships.some(
          (s) =>
            s.relation === m.relation && isNamed(s.member, m.member) && isNamed(s.group, m.group),
        );
        expect(
          stated,
          `${where(file, column)}: ${m.member.name} ${m.relation} ${m.group.name}`,
        ).toBe(true);
      }
    }
  });

  it("finds every cell of the column when its drug or class is traced by name", () => {
    for (const { doc, file, column } of columns()) {
      const answer = trace(kg, column.subject.name, { limit: 100_000 });
      expect(answer.match, where(file, column)).toBe("entity");
      const traced = new Set(answer.claims.map((c) => c.id));
      const missing = cellsOf(doc, column)
        .map((c) => built.iris.claim(c.id).value)
        .filter((id) => !traced.has(id));
      expect(missing, where(file, column)).toEqual([]);
    }
  });

  it("lists every minted drug and class in the audit's needs-review section", () => {
    const listed = new Set(
      audit(kg)
        .needsReview.items.filter((i) => i.kind === "minted-entity")
        .map((i) => i.subject),
    );
    for (const { doc, file, column } of columns()) {
      if (column.subject.known) continue;
      const subject = cellsOf(doc, column)[0]?.subject;
      const iri = subject?.kind === "entity" ? built.iris.entity(subject.id).value : "";
      expect(listed.has(iri), `${where(file, column)}: ${iri}`).toBe(true);
    }
  });
});

describe("every invented condition and adverse effect, read from its row label", () => {
  /** The rows of a table whose label is one of `labels`, with the claims the row gives. */
  function rows(table: string, labels: readonly string[]) {
    return built.kb.documents.flatMap((doc) => {
      const t = doc.document.tables.find((x) => x.header[0]?.display.text === table);
      return labels.flatMap((label) => {
        const claims = doc.claims.filter(
          (c) => c.table?.table === t?.index && c.table?.rowLabel === label,
        );
        return claims.length > 0 ? [{ doc: doc.document.id, label, claims }] : [];
      });
    });
  }

  /** Every claim of the row is found by tracing `name`, which resolves to one minted entity. */
  function expectTraced(name: string, claims: readonly Claim[], where: string) {
    const answer = trace(kg, name, { limit: 100_000 });
    expect(answer.match, where).toBe("entity");
    const traced = new Set(answer.claims.map((c) => c.id));
    const missing = claims.map((c) => built.iris.claim(c.id).value).filter((id) => !traced.has(id));
    expect(missing, where).toEqual([]);
  }

  /** Every claim is listed by tracing `name` among the claims that mention it, or about it. */
  function expectMentioned(name: string, claims: readonly Claim[], where: string) {
    const answer = trace(kg, name, { limit: 100_000 });
    const listed = new Set([
      ...answer.claims.map((c) => c.id),
      ...(answer.entity?.mentionedIn ?? []).map((c) => c.id),
    ]);
    const missing = claims.map((c) => built.iris.claim(c.id).value).filter((id) => !listed.has(id));
    expect(missing, where).toEqual([]);
  }

  it("gives each invented adverse effect's cells that effect, minted, and trace finds them", () => {
    const found = rows("Side Effect", UNKNOWN_EFFECTS);
    expect(found.length).toBeGreaterThan(5);
    for (const { doc, label, claims } of found) {
      for (const c of claims) {
        const effect = c.statement?.kind === "adverseEffect" ? c.statement.effect : undefined;
        expect(
          effect && isNamed(effect, { name: label, type: "AdverseEffect", known: false }),
          `${doc}: ${label}`,
        ).toBe(true);
      }
      expectTraced(label, claims, `${doc}: ${label}`);
    }
  });

  it("gives each invented condition's comparison that condition, minted, and trace finds its cells", () => {
    const found = rows(
      "Condition / Model",
      UNKNOWN_CONDITIONS.map((c) => c.label),
    );
    expect(found.length).toBeGreaterThan(5);
    for (const { doc, label, claims } of found) {
      const name = label.replace(/\s*\(.*\)$/, "");
      const compared = claims.filter((c) => c.kind === "comparative");
      expect(compared.length, `${doc}: ${label}`).toBeGreaterThan(0);
      for (const c of compared) {
        const condition = c.comparison?.condition;
        expect(
          condition && isNamed(condition, { name, type: "Condition", known: false }),
          `${doc}: ${label}`,
        ).toBe(true);
      }
      // The row's cells; the comparison itself and the relations its arm cells state are not
      // among the claims trace lists for its condition (the seed's conditions neither): the
      // condition is one of their mentions.
      const cells = claims.filter((c) => c.kind === "table" && c.readBy !== "ArmCellCueRule");
      expectTraced(name, cells, `${doc}: ${label}`);
      const mentioning = claims.filter((c) => c.kind !== "table" || c.readBy === "ArmCellCueRule");
      expectMentioned(name, mentioning, `${doc}: ${label}`);
    }
  });
});

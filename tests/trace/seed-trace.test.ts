// trace and path on the seed knowledge base (graph/kb.ttl, built from
// graph/sources/desipramine-vs-ssris.md), asked twice: of a graph parsed from the RDF and of one
// read back from the snapshot cache. Expected answers come from reading the document; counts are
// checked against the RDF itself, parsed here with n3 (not through the knowledge graph).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Parser } from "n3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import type { ClaimJson } from "../../src/trace/answers.ts";
import { findPath } from "../../src/trace/path.ts";
import { trace } from "../../src/trace/trace.ts";
import { FRESH_KB } from "../helpers/fresh-kb.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const KB = FRESH_KB;
const SOURCE = join(ROOT, "graph", "sources", "desipramine-vs-ssris.md");

// Spelled out rather than imported from src/, so the expected sets do not share code with trace.
const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const RDF_SUBJECT = "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject";
const RDF_OBJECT = "http://www.w3.org/1999/02/22-rdf-syntax-ns#object";
/** A claim cites a work through the reference entry its marker points to. */
const CITES = "https://w3id.org/claimgraph/vocab#viaReference";
const CG = "https://w3id.org/claimgraph/vocab#";
const KB_BASE = "https://w3id.org/claimgraph/kb/";
const ENT = `${KB_BASE}entity/`;
const DOC = `${KB_BASE}doc/desipramine-vs-ssris`;

/** Subject → predicate → object values, straight from the Turtle. */
function readProps(file: string): Map<string, Map<string, string[]>> {
  const subjects = new Map<string, Map<string, string[]>>();
  for (const q of new Parser({ format: "Turtle" }).parse(readFileSync(file, "utf8"))) {
    const props = subjects.get(q.subject.value) ?? new Map<string, string[]>();
    subjects.set(q.subject.value, props);
    props.set(q.predicate.value, [...(props.get(q.predicate.value) ?? []), q.object.value]);
  }
  return subjects;
}

const props = readProps(KB);
const claimIris = [...props]
  .filter(([, p]) => p.get(RDF_TYPE)?.includes(`${CG}Claim`))
  .map(([iri]) => iri);

/** Claim IRIs whose rdf:subject or rdf:object is the entity, from the quads. */
function claimsAbout(entity: string): string[] {
  return claimIris
    .filter((c) => {
      const p = props.get(c);
      return p?.get(RDF_SUBJECT)?.includes(entity) || p?.get(RDF_OBJECT)?.includes(entity);
    })
    .sort();
}

/** Claim IRIs that cite any of the seed's references with these numbers, from the quads. */
function claimsCiting(...numbers: number[]): string[] {
  const refs = numbers.map((n) => `${DOC}.ref-${n}`);
  for (const r of refs) expect(props.get(r)?.get(RDF_TYPE), r).toContain(`${CG}Reference`);
  return claimIris
    .filter((c) =>
      props
        .get(c)
        ?.get(CITES)
        ?.some((r) => refs.includes(r)),
    )
    .sort();
}

const ids = (claims: readonly ClaimJson[]) => claims.map((c) => c.id).sort();
const objectText = (c: ClaimJson) => ("value" in c.object ? c.object.value : c.object.label);
const triple = (c: ClaimJson) => `${c.subject.label} · ${c.predicate.label} · ${objectText(c)}`;

let cacheDir: string;
const savedCacheDir = process.env.CLAIMGRAPH_CACHE_DIR;
const graphs: Record<string, KnowledgeGraph> = {};

beforeAll(async () => {
  cacheDir = mkdtempSync(join(tmpdir(), "claimgraph-trace-cache-"));
  process.env.CLAIMGRAPH_CACHE_DIR = cacheDir;
  graphs.parsed = await openKnowledgeGraph([KB], { cache: false });
  // The first cached open parses the RDF and writes the snapshot; the second reads it.
  await openKnowledgeGraph([KB], { cache: true });
  expect(readdirSync(cacheDir).filter((f) => f.endsWith(".snapshot"))).toHaveLength(1);
  graphs.snapshot = await openKnowledgeGraph([KB], { cache: true });
});

afterAll(() => {
  if (savedCacheDir === undefined) delete process.env.CLAIMGRAPH_CACHE_DIR;
  else process.env.CLAIMGRAPH_CACHE_DIR = savedCacheDir;
  rmSync(cacheDir, { recursive: true, force: true });
});

describe("the seed's RDF, read independently", () => {
  it("holds 84 claims", () => {
    // Line 24's Desipramine cell names three blockades: one claim each; the Key Experimental
    // Data cells state four relations (42, 44).
    expect(claimIris).toHaveLength(84);
  });
});

describe.each(["parsed", "snapshot"])("trace on graph/kb.ttl (%s)", (how) => {
  const kg = () => graphs[how] as KnowledgeGraph;

  it('"desipramine primary target" → the table cell at 21:16 citing StatPearls [1]', () => {
    const r = trace(kg(), "desipramine primary target");
    expect(r.match).toBe("claim");
    const c = r.claims[0] as ClaimJson;
    expect(c.subject).toEqual({ id: `${ENT}desipramine`, label: "desipramine" });
    expect(c.predicate.label).toBe("primary target");
    expect(c.object).toEqual({
      id: `${ENT}norepinephrine-transporter`,
      label: "norepinephrine transporter",
    });
    expect(c.type).toBe("TableCellClaim");
    expect(c.citations).toHaveLength(1);
    expect(c.citations[0]).toMatchObject({
      number: 1,
      host: "ncbi.nlm.nih.gov",
      evidenceType: "TertiaryReferenceWork",
    });
    expect(c.citations[0]?.title).toContain("StatPearls");
    expect(c.location).toMatchObject({
      document: { id: DOC },
      section: "Compound Focus: Desipramine",
      line: 21,
      column: 16,
      endLine: 21,
      endColumn: 52,
      table: { row: "Primary Target", rowIndex: 1, column: "Desipramine (TCA)", columnIndex: 2 },
    });
    expect(c.quote?.exact).toBe("Norepinephrine Transporter (NET) [1]");
    expect(c.uncited).toBe(false);
  });

  it('"NET" and "norepinephrine transporter" name one entity, the object of desipramine\'s primary target', () => {
    const byAbbreviation = trace(kg(), "NET");
    const byName = trace(kg(), "norepinephrine transporter");
    for (const r of [byAbbreviation, byName]) {
      expect(r.match).toBe("entity");
      expect(r.entity?.id).toBe(`${ENT}norepinephrine-transporter`);
      expect(r.entity?.synonyms).toContain("NET");
      expect(r.total).toBe(claimsAbout(`${ENT}norepinephrine-transporter`).length);
    }
    expect({ ...byAbbreviation, query: "" }).toEqual({ ...byName, query: "" });
    const group = byName.entity?.groups.find((g) => g.predicate.label === "primary target");
    expect(group?.role).toBe("object");
    expect(group?.claims.map((c) => c.subject.label)).toEqual(["desipramine"]);
    expect(group?.claims[0]?.location.line).toBe(21);
  });

  it('"desipramine" → every claim about it, grouped by predicate, as many as the RDF holds', () => {
    const r = trace(kg(), "desipramine");
    const expected = claimsAbout(`${ENT}desipramine`);
    // 39: the four sentences whose subject no rule decides (lines 38, 48, 72, 77) are no longer
    // put on desipramine by their first mention; "Its development…" (74) and "This leads to…"
    // (26) are read as about it. 40: the six relations its arm cells state (lines 41-44) stand
    // for the five the curation held. 42: line 24's cell gives three claims, one per blockade.
    // 43: line 42's Key Experimental Data cell states "reversed depression-like behavior"; its
    // line 44 states the two immune-defence relations the curation held.
    expect(expected).toHaveLength(43);
    expect(r.match).toBe("entity");
    expect(r.total).toBe(expected.length);
    expect(ids(r.claims)).toEqual(expected);
    const groups = r.entity?.groups ?? [];
    expect(ids(groups.flatMap((g) => g.claims))).toEqual(expected);
    const keys = groups.map((g) => `${g.role} ${g.predicate.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const g of groups) {
      for (const c of g.claims) {
        expect(c.predicate.id).toBe(g.predicate.id);
        expect(g.role === "subject" ? c.subject.id : (c.object as { id: string }).id).toBe(
          `${ENT}desipramine`,
        );
      }
    }
    // Read from the document: eight side-effect rows, four comparative rows, one CAS number
    // (which the document states about desipramine: desipramine is its object).
    const size = (label: string) => groups.find((g) => g.predicate.label === label)?.claims.length;
    expect(size("adverse effect risk")).toBe(8);
    expect(size("compared with")).toBe(4);
    expect(size("performance in")).toBe(4);
    expect(size("states identifier")).toBe(1);
  });

  it('"[8]" → the metastasis row and its curated findings, and nothing that does not cite [8]', () => {
    const r = trace(kg(), "[8]");
    expect(r.match).toBe("reference");
    expect(ids(r.claims)).toEqual(claimsCiting(8));
    for (const c of r.claims) expect(c.citations.map((x) => x.number)).toContain(8);
    const triples = r.claims.map(triple);
    expect(triples).toEqual(
      expect.arrayContaining([
        "desipramine · increases · liver metastases",
        "fluoxetine · increases · liver metastases",
        "desipramine · decreases · immune defenses",
        "fluoxetine · decreases · immune defenses",
        "mirtazapine · no effect on · immune defenses",
      ]),
    );
    const cell = r.claims.find((c) => c.predicate.label === "key experimental data");
    expect(cell?.location).toMatchObject({ line: 44, table: { column: "Key Experimental Data" } });
    expect(objectText(cell as ClaimJson)).toMatch(
      /^Preclinical Study: Both drugs were associated with suppressed immune defenses/,
    );
    expect(r.references[0]?.citation.evidenceType).toBe("PreclinicalStudy");
  });

  it('"[4]", "[5]" and "pmid:12183009" → the same claims, and each names the other number', () => {
    const four = trace(kg(), "[4]");
    const five = trace(kg(), "[5]");
    const pmid = trace(kg(), "pmid:12183009");
    expect(ids(four.claims)).toEqual(claimsCiting(4, 5));
    expect(ids(five.claims)).toEqual(ids(four.claims));
    expect(ids(pmid.claims)).toEqual(ids(four.claims));
    expect(four.match).toBe("reference");
    expect(pmid.match).toBe("work");
    expect(four.references.map((x) => x.number)).toEqual([4]);
    expect(four.references[0]?.sameWork.map((x) => x.number)).toEqual([5]);
    expect(five.references[0]?.sameWork.map((x) => x.number)).toEqual([4]);
    expect(pmid.references.map((x) => x.number)).toEqual([4, 5]);
    expect(pmid.references.map((x) => x.sameWork.map((o) => o.number))).toEqual([[5], [4]]);
    expect(four.references[0]?.citation).toMatchObject({
      evidenceType: "ClinicalStudy",
      url: "https://pubmed.ncbi.nlm.nih.gov/12183009/",
    });
    expect(four.references[0]?.citation.identifiers).toContain("pmid:12183009");
    // [4] alone is cited by the key-experimental-data cell of line 41; it is still in.
    expect(four.claims.some((c) => c.citations.map((x) => x.number).join() === "4")).toBe(true);
  });

  it('"[2]" → every claim citing the consumer page [2], as many as the RDF holds', () => {
    const r = trace(kg(), "[2]");
    const expected = claimsCiting(2);
    // Read from the document: lines 21-22 (SSRI column) and the SSRI column of lines 51-58.
    expect(expected).toHaveLength(10);
    expect(ids(r.claims)).toEqual(expected);
    expect(r.claims.map((c) => c.location.line)).toEqual([21, 22, 51, 52, 53, 54, 55, 56, 57, 58]);
    expect(r.references[0]?.citation.evidenceType).toBe("ConsumerHealthPage");
  });

  it("a claim IRI, full or claim:-prefixed → exactly that claim", () => {
    const iri = `${KB_BASE}claim/desipramine-vs-ssris.desipramine.primary-target.61c699f8f9d0`;
    for (const q of [iri, "claim:desipramine-vs-ssris.desipramine.primary-target.61c699f8f9d0"]) {
      const r = trace(kg(), q);
      expect(r.match, q).toBe("claim");
      expect(ids(r.claims), q).toEqual([iri]);
      expect(r.total).toBe(1);
    }
  });

  it.each([
    ["desipramin", true],
    ["zzzz", false],
  ])(
    'an unknown query ("%s") matches nothing, says what it tried and suggests near names',
    (q, nearDesipramine) => {
      const r = trace(kg(), q);
      expect(r).toMatchObject({
        match: "none",
        total: 0,
        claims: [],
        entity: null,
        references: [],
      });
      expect(r.tried).toEqual([
        "a claim IRI",
        "a reference number such as [2]",
        "an identifier such as pmid:12183009",
        "an entity name or synonym",
        "words of claims' subjects, predicates and objects",
      ]);
      expect(r.suggestions[0]?.id === `${ENT}desipramine`).toBe(nearDesipramine);
    },
  );

  it("every claim's location and offsets point at its quote in the document", () => {
    const text = readFileSync(SOURCE, "utf8");
    const chars = [...text];
    const lines = text.split("\n").map((l) => [...l]);
    // Each of the RDF's 78 claims, traced by its IRI.
    const claims = claimIris.map((iri) => {
      const r = trace(kg(), iri);
      expect(ids(r.claims)).toEqual([iri]);
      return r.claims[0] as ClaimJson;
    });
    for (const c of claims) {
      const { line, column, endLine, endColumn, start, end } = c.location;
      if (!c.quote || !line || !column || !endLine || !endColumn || start === null || !end)
        throw new Error(`${c.id} has no full location`);
      const spanned = lines
        .slice(line - 1, endLine)
        .map((l, i, all) =>
          l
            .slice(i === 0 ? column - 1 : 0, i === all.length - 1 ? endColumn - 1 : undefined)
            .join(""),
        )
        .join("\n");
      expect(spanned, c.id).toBe(c.quote.exact);
      expect(chars.slice(start, end).join(""), c.id).toBe(c.quote.exact);
      expect(chars.slice(start - c.quote.prefix.length, start).join(""), c.id).toBe(c.quote.prefix);
      expect(chars.slice(end, end + c.quote.suffix.length).join(""), c.id).toBe(c.quote.suffix);
    }
  });

  it("path desipramine → liver metastases runs through the C26 claim", () => {
    const p = findPath(kg(), "desipramine", "liver metastases");
    expect(p.found).toBe(true);
    expect(p.problem).toBeNull();
    expect(p.from?.id).toBe(`${ENT}desipramine`);
    expect(p.to?.id).toBe(`${ENT}liver-metastases`);
    expect(p.steps[0]?.id).toBe(`${ENT}desipramine`);
    expect(p.steps.at(-1)?.id).toBe(`${ENT}liver-metastases`);
    // The relation the arm cell states, quoted from its cue to its object.
    const c26 = p.claims.find(
      (c) => c.quote?.exact === "Increased the number and volume of liver metastases",
    );
    expect(c26, JSON.stringify(p.steps)).toBeDefined();
    expect(c26?.citations.map((x) => x.number)).toEqual([8]);
    expect(c26?.location.line).toBe(44);
  });

  it("path to a name that is no entity is not found, and says why", () => {
    const p = findPath(kg(), "desipramine", "zzzz");
    expect(p).toMatchObject({ found: false, steps: [], claims: [], to: null });
    expect(p.problem).toContain("zzzz");
  });
});

describe("the snapshot cache", () => {
  it("gives the same answers as the RDF for every kind of query", () => {
    expect(existsSync(cacheDir)).toBe(true);
    for (const q of ["desipramine", "NET", "[4]", "pmid:12183009", "desipramin", "liver"]) {
      expect(trace(graphs.snapshot as KnowledgeGraph, q), q).toEqual(
        trace(graphs.parsed as KnowledgeGraph, q),
      );
    }
  });
});

// The vocabulary table (src/rdf/vocab/) drives both the writer and the reader: a row of every
// record, and every claim of the model with every field set, written then read back is the row
// written; every class and predicate in it is the ontology's; the reader rejects or flags what
// the table calls malformed.

import { readFileSync } from "node:fs";
import type { Quad } from "@rdfjs/types";
import { DataFactory, Parser, Store } from "n3";
import { afterAll, describe, expect, it } from "vitest";
import type { Claim, DocumentClaims } from "../../../src/claims/types.ts";
import { graphFromQuads, QuadGrouper } from "../../../src/graph/from-quads.ts";
import type { ClaimNode } from "../../../src/graph/types.ts";
import { ontologyFile, shapesFile } from "../../../src/rdf/check/shacl.ts";
import { checkedPredicates, readRow } from "../../../src/rdf/read/read-row.ts";
import { CLAIM } from "../../../src/rdf/vocab/claim-records.ts";
import type { Field, Placement, RecordSpec } from "../../../src/rdf/vocab/fields.ts";
import { RECORDS } from "../../../src/rdf/vocab/table.ts";
import { CG, CG_IRI, PREFIXES, RDF, XSD } from "../../../src/rdf/vocab/vocabulary.ts";
import { claimRow } from "../../../src/rdf/write/claim-rows.ts";
import { documentQuads } from "../../../src/rdf/write/quads.ts";
import { type Graphs, writeRow } from "../../../src/rdf/write/write-row.ts";
import { removeTemp, seedBuild } from "../../helpers/build.ts";

const { namedNode, literal, quad } = DataFactory;
const BASE = "https://example.org/t/";

afterAll(removeTemp);

const PLACEMENTS: readonly Placement[] = [
  "document",
  "shared",
  "head",
  "assertion",
  "provenance",
  "pubinfo",
];
const GRAPHS: Graphs = Object.fromEntries(PLACEMENTS.map((p) => [p, namedNode(`${BASE}g/${p}`)]));

/** Two values of a field's kind, sorted as the reader gives many values. */
function values(field: Field, at: string, variant: number): unknown[] {
  switch (field.kind) {
    case "iri":
      return [`${at}/a`, `${at}/b`];
    case "individual":
      return field.among ? [field.among[1]] : ["SampleA", "SampleB"];
    case "integer":
      return [42];
    case "count":
      return [7];
    case "decimal":
      return ["2.5"];
    case "boolean":
      return [false];
    case "flag":
      return [true];
    case "term":
      return [{ literal: 'a "quoted" value\twith ü' }];
    case "node": {
      const records = field.records ?? [];
      const union = records.length > 1;
      const rec = records[variant % records.length] as RecordSpec;
      return [`${at}/n1`, `${at}/n2`].map((iri) => ({
        iri,
        ...(union ? { type: rec.name } : {}),
        ...fullRow(rec, iri, variant),
      }));
    }
    default:
      return [`${at} "first" value`, `${at} second\nvalue`];
  }
}

/** A row of `rec` with every field set (a union node takes its `variant`-th record). */
function fullRow(rec: RecordSpec, at: string, variant = 0): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(rec.fields)) {
    const vs = values(field, `${at}/${name}`, variant);
    row[name] = field.card === "many" ? vs : vs[0];
  }
  return row;
}

/**
 * A row as the reader gives it: a field's many values are a set, read back sorted (nested
 * nodes by IRI); the writer takes them in the model's order.
 */
function sorted(rec: RecordSpec, row: object): Record<string, unknown> {
  const out: Record<string, unknown> = { ...row };
  for (const [name, field] of Object.entries(rec.fields)) {
    const v = out[name];
    const nested = (n: { iri: string; type?: string }) => {
      const records = field.records ?? [];
      const r = records.length > 1 ? records.find((x) => x.name === n.type) : records[0];
      return r ? sorted(r, n) : n;
    };
    if (field.card === "many") {
      const list = [...(v as unknown[])];
      out[name] =
        field.kind === "node"
          ? list
              .map((n) => nested(n as { iri: string }))
              .sort((a, b) => ((a.iri as string) < (b.iri as string) ? -1 : 1))
          : (list as string[]).sort();
    } else if (field.kind === "node" && v !== undefined) out[name] = nested(v as { iri: string });
  }
  return out;
}

function group(quads: readonly Quad[]): QuadGrouper {
  const grouper = new QuadGrouper({ copy: false });
  for (const q of quads) grouper.add(q);
  return grouper;
}

describe("the vocabulary table: one declaration writes and reads", () => {
  const cases = RECORDS.flatMap((rec) => {
    const unions = Object.values(rec.fields).map((f) => f.records?.length ?? 1);
    return Array.from({ length: Math.max(...unions, 1) }, (_, v) => [rec.name, rec, v] as const);
  });

  it.each(cases)("reads back a %s written with every field set (variant %i)", (_, rec, v) => {
    const node = `${BASE}${rec.name}`;
    const row = fullRow(rec, node, v);
    const quads: Quad[] = [];
    writeRow(quads, rec, namedNode(node), row as never, GRAPHS);
    const grouper = group(quads);
    expect(readRow(rec, grouper.subjects.get(node), grouper.subjects)).toEqual(row);
    // Each statement about the record's own node is in the record's named graph.
    const own = quads.filter((q) => q.subject.value === node);
    expect(new Set(own.map((q) => q.graph.value))).toEqual(new Set([GRAPHS[rec.graph]?.value]));
    for (const type of rec.types) expect(own.some((q) => q.object.equals(type))).toBe(true);
  });

  it("writes nothing for a field left undefined, and a flag only when true", () => {
    const quads: Quad[] = [];
    const arm = RECORDS.find((r) => r.name === "StudyArm") as RecordSpec;
    const row = Object.fromEntries(
      Object.entries(arm.fields).map(([n, f]) => [n, f.kind === "flag" ? false : undefined]),
    );
    writeRow(quads, arm, namedNode(`${BASE}arm`), row as never, GRAPHS);
    expect(quads.map((q) => q.predicate.value)).toEqual(arm.types.map(() => RDF.type.value));
  });
});

/** The seed's first document, with `claims` in place of its claims (and a study supporting them). */
function withClaims(doc: DocumentClaims, claims: readonly Claim[]): DocumentClaims {
  const [study, ...rest] = doc.studies;
  const supports = study ? [{ ...study, supports: claims.map((c) => c.id) }, ...rest] : [];
  return { ...doc, claims, studies: supports };
}

/** A claim of the seed with every field the claim record has set, in each kind of statement. */
function everyFieldClaims(doc: DocumentClaims, entities: readonly Claim["mentions"][number][]) {
  const base = doc.claims.find((c) => c.table !== undefined && c.citations.length > 0) as Claim;
  const [a, b, c, d] = entities as [
    (typeof entities)[0],
    (typeof entities)[0],
    (typeof entities)[0],
    (typeof entities)[0],
  ];
  const cited = doc.references.slice(0, 2).map((r) => r.number);
  const full: Claim = {
    ...base,
    id: "every-field",
    section: base.section ?? "Pharmacology",
    // and a marker whose number the reference list lacks (cg:unresolvedMarker)
    citations: [...cited, 99],
    predicate: { name: "minted-relation", label: "minted relation", unnormalised: true },
    value: "the whole cell",
    qualifier: "at higher doses",
    mentions: [a, b],
    comparison: {
      armA: a,
      armB: b,
      condition: c,
      outcome: d,
      direction: "Favours",
      favours: a,
      armResults: [doc.claims[0]?.id as string, doc.claims[1]?.id as string],
      evidence: doc.claims[2]?.id,
    },
    note: "a curator's note",
    status: undefined,
    statement: { kind: "adverseEffect", drug: a, effect: b, frequency: "Common" },
    readBy: "ProseCueRule",
    guesses: ["MintedEntity", "SubjectUnclear"],
    cue: "inhibits",
    curationReason: "no rule reads it",
  };
  return [
    full,
    { ...full, id: "every-field-null", status: "NotTested" as const, object: b },
    {
      ...full,
      id: "every-field-stated",
      statement: { kind: "statedIdentifier" as const, about: a, scheme: "cas", value: "50-47-5" },
    },
    { ...full, id: "every-field-compared", statement: undefined },
  ];
}

describe("claims written then read back by the table", () => {
  it("reads back every claim of the seed as it was written", () => {
    const built = seedBuild();
    for (const doc of built.kb.documents) {
      const { subjects } = group(documentQuads(doc, built.iris));
      for (const claim of doc.claims) {
        const node = subjects.get(built.iris.claim(claim.id).value);
        expect(readRow(CLAIM, node, subjects)).toEqual(
          sorted(CLAIM, claimRow(doc, claim, built.iris)),
        );
      }
    }
  });

  it("reads back claims with every field set: n-ary statements, guesses, readBy, citations via reference or unresolved", () => {
    const built = seedBuild();
    const doc = built.kb.documents[0] as DocumentClaims;
    const claims = everyFieldClaims(doc, [...built.kb.entities.values()]);
    const written = withClaims(doc, claims);
    const quads = documentQuads(written, built.iris);
    const { subjects } = group(quads);
    const rows = claims.map((claim) => {
      const row = sorted(CLAIM, claimRow(written, claim, built.iris));
      const node = subjects.get(built.iris.claim(claim.id).value);
      expect(readRow(CLAIM, node, subjects)).toEqual(row);
      return row;
    });
    // Between them the claims set every field of the claim record, and each kind of statement.
    const unset = Object.keys(CLAIM.fields).filter(
      (name) =>
        !rows.some((r) => {
          const v = r[name];
          return Array.isArray(v) ? v.length > 0 : v !== undefined;
        }),
    );
    expect(unset).toEqual([]);
    expect(rows.map((r) => (r.statement as { type: string }).type)).toEqual([
      "AdverseEffectStatement",
      "UnstatedValue",
      "StatedIdentifier",
      "ComparisonStatement",
    ]);
    // The claim cites the works, through the document's reference entries.
    const full = rows[0] as { citesAsEvidence: string[]; viaReference: string[] };
    const refs = doc.references.slice(0, 2);
    expect(full.viaReference).toEqual(
      refs.map((r) => built.iris.reference(doc.document.id, r.number).value),
    );
    expect(full.citesAsEvidence).toEqual(
      [...new Set(refs.map((r) => built.iris.work(r.workKey).value))].sort(),
    );
    // The graph's claim node shows what the row holds.
    const claimNode = graphFromQuads(quads).graph.getNodeAttributes(
      built.iris.claim("every-field").value,
    ) as ClaimNode;
    expect(claimNode.guesses).toEqual(["MintedEntity", "SubjectUnclear"]);
    expect(claimNode.readBy).toBe("ProseCueRule");
    expect(claimNode.frequency).toBe("Common");
    expect(claimNode.citations).toEqual(full.viaReference);
    expect(claimNode.comparison?.direction).toBe("Favours");
  });
});

describe("what the table calls malformed, the reader rejects or flags", () => {
  /** The seed's first claim's quads, and the IRIs of the claim and the nodes it nests. */
  function seedClaim() {
    const built = seedBuild();
    const doc = built.kb.documents[0] as DocumentClaims;
    const claim = doc.claims[0] as Claim;
    const quads = documentQuads(doc, built.iris);
    const own = [built.iris.claim(claim.id)];
    for (const part of ["quote", "tqs", "tps"] as const) own.push(built.iris.claim(claim.id, part));
    return { quads, claim: built.iris.claim(claim.id).value, own: own.map((n) => n.value) };
  }

  const required = Object.entries(CLAIM.fields).filter(([, f]) => f.card === "required");

  it.each(required)("skips a claim without its %s", (_, field) => {
    const { quads, claim } = seedClaim();
    const without = quads.filter(
      (q) => !(q.subject.value === claim && q.predicate.equals(field.p)),
    );
    const build = graphFromQuads(without);
    expect(build.skipped).toContain(claim);
    expect(build.graph.hasNode(claim)).toBe(false);
  });

  it("skips a claim whose subject is a literal", () => {
    const { quads, claim } = seedClaim();
    const subject = CLAIM.fields.subject.p;
    const changed = quads.map((q) =>
      q.subject.value === claim && q.predicate.equals(subject)
        ? quad(q.subject, q.predicate, literal("not a node"), q.graph)
        : q,
    );
    expect(graphFromQuads(changed).skipped).toContain(claim);
  });

  it.each(checkedPredicates(CLAIM))("flags a claim stating %s twice, and shows the least", (p) => {
    const { quads, claim, own } = seedClaim();
    const stated = quads.find((q) => own.includes(q.subject.value) && q.predicate.value === p);
    if (!stated) throw new Error(`the seed's claim states no ${p}`);
    const o = stated.object;
    const other =
      o.termType === "Literal"
        ? literal(/^\d+$/.test(o.value) ? String(Number(o.value) + 1) : `${o.value}~`, o.datatype)
        : namedNode(`${o.value}-other`);
    const build = graphFromQuads([
      ...quads,
      quad(stated.subject, stated.predicate, other, stated.graph),
    ]);
    const conflicts = build.graph.getAttribute("conflicts") ?? [];
    const found = conflicts.find((c) => c.claim === claim && c.property === p);
    expect(found?.values.map((v) => v.value)).toEqual([o.value, other.value].sort());
    expect(build.graph.hasNode(claim)).toBe(true);
  });

  it("marks as checked exactly a claim's place, its quote and its selectors' text and offsets", () => {
    const local = (iri: string) =>
      iri.slice(Math.max(iri.lastIndexOf("#"), iri.lastIndexOf("/")) + 1);
    expect(checkedPredicates(CLAIM).map(local).sort()).toEqual(
      [
        "line",
        "column",
        "endLine",
        "endColumn",
        "quote",
        "exact",
        "prefix",
        "suffix",
        "start",
        "end",
      ].sort(),
    );
    expect(CG.line).toBeDefined();
  });
});

describe("the vocabulary table and the ontology", () => {
  const OWL = "http://www.w3.org/2002/07/owl#";
  const SH = "http://www.w3.org/ns/shacl#";
  const RDFS_RANGE = "http://www.w3.org/2000/01/rdf-schema#range";
  const parse = (file: string) =>
    new Store(new Parser({ format: "text/turtle" }).parse(readFileSync(file, "utf8")));
  const ontology = parse(ontologyFile());
  const shapes = parse(shapesFile());
  const typesOf = (iri: string) =>
    ontology.getObjects(namedNode(iri), RDF.type, null).map((t) => t.value);
  const fields = RECORDS.flatMap((rec) =>
    Object.entries(rec.fields).map(([name, f]) => [`${rec.name}.${name}`, f] as const),
  );
  /** The classes a record's nodes are: its types, and the classes a type field is chosen among. */
  const classesOf = (rec: RecordSpec) => [
    ...rec.types.map((t) => t.value),
    ...Object.values(rec.fields).flatMap((f) => (f.among ?? []).map((c) => CG_IRI + c)),
  ];

  it("declares every cg: class of the table as an owl:Class", () => {
    const classes = [...new Set(RECORDS.flatMap(classesOf))].filter((c) => c.startsWith(CG_IRI));
    expect(classes.filter((c) => !typesOf(c).includes(`${OWL}Class`))).toEqual([]);
  });

  it("takes every other class and predicate from a vocabulary the exports declare a prefix for", () => {
    const known = Object.values(PREFIXES);
    const terms = [
      ...RECORDS.flatMap((rec) => rec.types.map((t) => t.value)),
      ...fields.map(([, f]) => f.p.value),
    ];
    expect(terms.filter((t) => !known.some((ns) => t.startsWith(ns)))).toEqual([]);
  });

  const DATATYPES: Readonly<Record<string, string>> = {
    string: XSD.string.value,
    integer: XSD.integer.value,
    count: XSD.nonNegativeInteger.value,
    decimal: XSD.decimal.value,
    boolean: XSD.boolean.value,
    flag: XSD.boolean.value,
  };
  const cgFields = fields.filter(([, f]) => f.p.value.startsWith(CG_IRI));

  /**
   * Where the ontology disagrees with what claimgraph has always written, and why it is left:
   * changing claimgraph.ttl changes every build's manifest, so it is the lead's call.
   */

  it.each(cgFields)("declares %s's predicate as the kind of property its term is", (_, f) => {
    const types = typesOf(f.p.value);
    expect(types.length).toBeGreaterThan(0);
    const datatype = DATATYPES[f.kind];
    // rdf:Property alone leaves the kind open (cg:recordSource names a record in words or by address).
    if (!types.includes(RDF.Property.value))
      expect(types).toContain(datatype ? `${OWL}DatatypeProperty` : `${OWL}ObjectProperty`);
    const ranges = ontology.getObjects(f.p, namedNode(RDFS_RANGE), null).map((r) => r.value);
    if (datatype && ranges.length > 0) expect(ranges).toContain(datatype);
  });

  /** Every sh:path a shape constrains, in its property shapes and the shapes they combine. */
  function paths(shape: Quad["object"], seen = new Set<string>()): string[] {
    if (seen.has(shape.value)) return [];
    seen.add(shape.value);
    const out = shapes.getObjects(shape, namedNode(`${SH}path`), null).map((p) => p.value);
    for (const q of shapes.getQuads(shape, null, null, null)) {
      if (q.object.termType === "BlankNode" || q.object.termType === "NamedNode")
        if (!q.predicate.equals(namedNode(`${SH}path`))) out.push(...paths(q.object, seen));
    }
    return out;
  }

  /** Each record and each shape that targets one of its classes, once. */
  const shaped = RECORDS.flatMap((rec) => {
    const targets = shapes
      .getQuads(null, namedNode(`${SH}targetClass`), null, null)
      .filter((q) => classesOf(rec).includes(q.object.value))
      .map((q) => q.subject);
    const unique = [...new Map(targets.map((t) => [t.value, t])).values()];
    return unique.map((t) => [rec.name, t.value.split("#")[1] ?? t.value, rec, t] as const);
  });

  it("has a shape for the records a person checks exports against", () => {
    const names = new Set(shaped.map(([name]) => name));
    for (const name of ["Claim", "Reference", "Work", "Identifier", "SourceDocument", "Study"])
      expect(names).toContain(name);
  });

  it.each(shaped)("gives %s a field for every path of %s", (_, __, rec, shape) => {
    const predicates = new Set([
      RDF.type.value,
      ...Object.values(rec.fields).map((f) => f.p.value),
    ]);
    expect(paths(shape).filter((p) => !predicates.has(p))).toEqual([]);
  });

  it("makes the claim's required fields required by its shape", () => {
    const shape = shaped.find(([name]) => name === "Claim")?.[3];
    if (!shape) throw new Error("no shape targets cg:Claim");
    const minimum = new Map<string, number>();
    for (const property of shapes.getObjects(shape, namedNode(`${SH}property`), null)) {
      const path = shapes.getObjects(property, namedNode(`${SH}path`), null)[0]?.value;
      const min = shapes.getObjects(property, namedNode(`${SH}minCount`), null)[0]?.value;
      if (path && min) minimum.set(path, Number(min));
    }
    for (const f of Object.values(CLAIM.fields).filter((x) => x.card === "required"))
      expect(minimum.get(f.p.value)).toBeGreaterThanOrEqual(1);
    expect(CG.Claim.value).toBe(`${CG_IRI}Claim`);
  });
});

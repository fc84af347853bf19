// SHACL in batches gives the whole dataset's report: on the seed and the second document merged,
// cut into batches of many sizes, unchanged and with violations planted in one document, in the
// shared graph, in a shared entity from a document's graph and across documents, each violation
// is reported once with the whole dataset's message. Shapes that read further than a focus node's
// own triples and its values' classes, and data with blank nodes, are validated whole.
import type { Quad } from "@rdfjs/types";
import { DataFactory, Parser } from "n3";
import { describe, expect, it } from "vitest";
import { loadShapes, validateShacl } from "../../../src/rdf/check/shacl.ts";
import { type QuadReader, validateShaclInBatches } from "../../../src/rdf/check/shacl-batches.ts";
import { shapesReadLocally } from "../../../src/rdf/check/shacl-locality.ts";
import { CG, CITO, DCTERMS, FABIO, RDF, RDFS } from "../../../src/rdf/vocab/vocabulary.ts";
import { secondBuild, seedBuild } from "../../helpers/build.ts";

const { blankNode, literal, namedNode, quad } = DataFactory;

/**
 * The seed's quads, then the second document's: two documents, each with its shared graph. One
 * agreement graph, the seed's: two builds' agreement graphs count the same assertion's support
 * each over its own documents, and merged they would give it two counts.
 */
function merged(): Quad[] {
  const agreement = (q: Quad) => q.graph.value.endsWith("/graph/agreement");
  return [...seedBuild().quads, ...secondBuild().quads.filter((q) => !agreement(q))];
}

/** Reads `quads` as an export is read, letting other work run between chunks. */
function reader(quads: readonly Quad[], chunk = 250): QuadReader {
  return async (onQuad) => {
    for (let i = 0; i < quads.length; i += chunk) {
      for (const quad of quads.slice(i, i + chunk)) onQuad(quad);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
}

async function inBatches(quads: readonly Quad[], batchQuads: number, shapesTurtle?: string) {
  const sizes: number[] = [];
  const report = await validateShaclInBatches(reader(quads), {
    batchQuads,
    onBatch: (n) => sizes.push(n),
    ...(shapesTurtle ? { shapesTurtle } : {}),
  });
  return { report, batches: sizes.length };
}

const isShared = (q: Quad) => q.graph.value.endsWith("/graph/shared");
const secondDocument = () => secondBuild().quads.filter((q) => !isShared(q));

/** The first node of the shared graph typed `type`. */
function sharedOfType(type: Quad["object"]): Quad["subject"] {
  const typed = merged().find(
    (q) => isShared(q) && q.predicate.equals(RDF.type) && q.object.equals(type),
  );
  if (!typed) throw new Error(`no ${type.value} in the shared graph`);
  return typed.subject;
}

/**
 * An entity both documents make claims about: its triples are in both shared graphs and in the
 * claims' assertion graphs of both documents, far apart in the dataset.
 */
function sharedEntity(): Quad["subject"] {
  // Subjects and objects: an adverse-effect or comparison statement names its entities as objects.
  const inAssertions = (quads: readonly Quad[]) =>
    new Set(
      quads
        .filter((q) => q.graph.value.endsWith(".assertion"))
        .flatMap((q) => [q.subject.value, q.object.value]),
    );
  const seed = inAssertions(seedBuild().quads);
  const second = inAssertions(secondBuild().quads);
  const both = merged().find(
    (q) =>
      isShared(q) &&
      q.predicate.equals(RDFS.label) &&
      seed.has(q.subject.value) &&
      second.has(q.subject.value),
  );
  if (!both) throw new Error("no entity in claims of both documents");
  return both.subject;
}

interface Planted {
  readonly name: string;
  readonly plant: (quads: Quad[]) => Quad[];
}

const PLANTED: readonly Planted[] = [
  { name: "nothing", plant: (quads) => quads },
  {
    name: "a claim of the second document without its cg:uncited flag",
    plant: (quads) => {
      const flag = secondDocument().find((q) => q.predicate.equals(CG.uncited)) as Quad;
      return quads.filter((q) => !q.equals(flag));
    },
  },
  {
    name: "a work of the shared graph without its title",
    plant: (quads) => {
      const work = sharedOfType(FABIO.Work);
      return quads.filter((q) => !(q.subject.equals(work) && q.predicate.equals(DCTERMS.title)));
    },
  },
  {
    name: "a work of the shared graph no longer a fabio:Work, which references point to",
    plant: (quads) => {
      const work = sharedOfType(FABIO.Work);
      return quads.filter((q) => !(q.subject.equals(work) && q.predicate.equals(RDF.type)));
    },
  },
  {
    name: "a shared entity with a second label, in a claim's graph of the seed",
    plant: (quads) => {
      const graph = quads.find((q) => q.graph.value.endsWith(".assertion"))?.graph as Quad["graph"];
      const extra = quad(sharedEntity(), RDFS.label, literal("another label"), graph);
      return [...quads.slice(0, 100), extra, ...quads.slice(100)];
    },
  },
  {
    name: "a claim of the seed citing an entity of the shared graph",
    plant: (quads) => {
      const claim = seedBuild().quads.find((q) => q.predicate.equals(CG.uncited))?.subject;
      const cite = quad(claim as Quad["subject"], CITO.citesAsEvidence, sharedEntity());
      return [...quads, cite];
    },
  },
];

describe("validateShaclInBatches on the seed and the second document", () => {
  it.each(PLANTED)("gives the whole dataset's report with $name", async ({ plant }) => {
    const quads = plant(merged());
    const whole = await validateShacl(quads);
    for (const batchQuads of [40, 300, 1000, 100_000]) {
      const { report, batches } = await inBatches(quads, batchQuads);
      expect(report, `batches of ${batchQuads}`).toEqual(whole);
      if (batchQuads <= 300) expect(batches).toBeGreaterThan(10);
    }
  });

  it("reports a violation in one of several documents once, as the whole dataset words it", async () => {
    const flag = secondDocument().find((q) => q.predicate.equals(CG.uncited)) as Quad;
    const quads = merged().filter((q) => !q.equals(flag));
    const { report } = await inBatches(quads, 200);
    const found = report.results.filter((r) => r.focusNode === flag.subject.value);
    const expected = (await validateShacl(quads)).results.filter(
      (r) => r.focusNode === flag.subject.value,
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        path: CG.uncited.value,
        constraint: "MinCountConstraintComponent",
      }),
    );
    expect(found).toEqual(expected);
    expect(report.conforms).toBe(false);
  });

  it("reports a violation in the shared graph once, not once per batch", async () => {
    const entity = sharedEntity();
    const quads = merged().filter(
      (q) => !(q.subject.equals(entity) && q.predicate.equals(RDFS.label)),
    );
    const { report, batches } = await inBatches(quads, 200);
    expect(batches).toBeGreaterThan(10);
    expect(report.results).toEqual([
      expect.objectContaining({
        focusNode: entity.value,
        path: RDFS.label.value,
        constraint: "MinCountConstraintComponent",
        sourceShape: "https://w3id.org/claimgraph/shapes#EntityShape",
      }),
    ]);
  });
});

const PREFIXES = `
@prefix cg: <https://w3id.org/claimgraph/vocab#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix ex: <https://example.org/shapes#> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
`;

// A reference's work must have a title: this shape reads the work's own triples, which a batch
// holding the reference does not hold.
const WORK_TITLE = `${PREFIXES}
ex:ReferenceShape a sh:NodeShape ;
  sh:targetClass cg:Reference ;
  sh:property [ sh:path cg:refersTo ; sh:node ex:Titled ] .
ex:Titled a sh:NodeShape ;
  sh:property [ sh:path dcterms:title ; sh:minCount 1 ] .
`;

describe("shapesReadLocally", () => {
  const shapes = (turtle: string) => loadShapes(turtle);

  it("holds for ontology/shapes.ttl", () => {
    expect(shapesReadLocally(loadShapes())).toBe(true);
  });

  it.each([
    {
      name: "class, datatype and a qualified class of values; xone and not of the node's properties",
      turtle: `${PREFIXES}
ex:S a sh:NodeShape ; sh:targetClass cg:Claim ;
  sh:property [ sh:path cg:quote ; sh:class cg:Quote ; sh:maxCount 1 ] ,
    [ sh:path cg:line ; sh:datatype <http://www.w3.org/2001/XMLSchema#integer> ; sh:lessThan cg:endLine ] ,
    [ sh:path cg:cites ; sh:qualifiedValueShape [ sh:class cg:Reference ] ; sh:qualifiedMinCount 1 ] ;
  sh:xone ( [ sh:path cg:a ; sh:minCount 1 ] [ sh:not [ sh:path cg:b ; sh:hasValue 1 ] ] ) .`,
      local: true,
    },
    { name: "a value's own property (sh:node)", turtle: WORK_TITLE, local: false },
    {
      name: "a node target",
      turtle: `${PREFIXES} ex:S sh:targetNode cg:x ; sh:property [ sh:path cg:p ; sh:minCount 1 ] .`,
      local: false,
    },
    {
      name: "an objects-of target",
      turtle: `${PREFIXES} ex:S sh:targetObjectsOf cg:p ; sh:nodeKind sh:IRI .`,
      local: false,
    },
    {
      name: "an inverse path",
      turtle: `${PREFIXES} ex:S sh:targetClass cg:Work ; sh:property [ sh:path [ sh:inversePath cg:refersTo ] ; sh:minCount 1 ] .`,
      local: false,
    },
    {
      name: "a closed shape on values",
      turtle: `${PREFIXES} ex:S sh:targetClass cg:Reference ; sh:property [ sh:path cg:refersTo ; sh:or ( [ sh:closed true ] ) ] .`,
      local: false,
    },
    {
      name: "a shape that is a class",
      turtle: `${PREFIXES} ex:S a sh:NodeShape , <http://www.w3.org/2000/01/rdf-schema#Class> ; sh:property [ sh:path cg:p ; sh:minCount 1 ] .`,
      local: false,
    },
  ])("is $local for $name", ({ turtle, local }) => {
    expect(shapesReadLocally(shapes(turtle))).toBe(local);
  });
});

describe("data and shapes that are validated whole", () => {
  it("shapes reading a value's own triples: the whole dataset's report", async () => {
    const work = sharedOfType(FABIO.Work);
    const quads = merged().filter(
      (q) => !(q.subject.equals(work) && q.predicate.equals(DCTERMS.title)),
    );
    const whole = await validateShacl(quads, WORK_TITLE);
    expect(whole.results.length).toBeGreaterThan(0);
    const { report, batches } = await inBatches(quads, 200, WORK_TITLE);
    expect(batches).toBe(0);
    expect(report).toEqual(whole);
  });

  it("data with a blank node: the whole dataset's report", async () => {
    const reference = blankNode("reference");
    const quads = [...merged(), quad(reference, RDF.type, CG.Reference)];
    const whole = await validateShacl(quads);
    expect(whole.results.map((r) => r.focusNode)).toContain(`_:${reference.value}`);
    const { report, batches } = await inBatches(quads, 200);
    expect(batches).toBe(0);
    expect(report).toEqual(whole);
  });

  it("Turtle read back: the same report in batches as whole", async () => {
    const turtle = `@prefix cg: <https://w3id.org/claimgraph/vocab#> .
<https://example.org/r> a cg:Reference ; cg:refersTo <https://example.org/w> .
<https://example.org/w> a cg:Nothing .`;
    const quads = new Parser().parse(turtle);
    const whole = await validateShacl(quads);
    expect(whole.results.map((r) => r.constraint)).toContain("ClassConstraintComponent");
    const { report } = await inBatches(quads, 1);
    expect(report).toEqual(whole);
    expect(namedNode("https://example.org/w").value).toBe(quads[2]?.subject.value);
  });
});

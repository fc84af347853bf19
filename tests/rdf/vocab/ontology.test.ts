import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Quad, Term } from "@rdfjs/types";
import { DataFactory, Parser, Store } from "n3";
import { beforeAll, describe, expect, it } from "vitest";
import { ontologyFile, shapesFile } from "../../../src/rdf/check/shacl.ts";
import { CG, CG_IRI, RDF, RDFS } from "../../../src/rdf/vocab/vocabulary.ts";

const { namedNode } = DataFactory;
const SH = "http://www.w3.org/ns/shacl#";
const OWL = "http://www.w3.org/2002/07/owl#";
const CGSH = "https://w3id.org/claimgraph/shapes#";
const SUBCLASS_OF = namedNode(`${RDFS.iri}subClassOf`);

function parseFile(file: string): Quad[] {
  return new Parser({ format: "text/turtle" }).parse(readFileSync(file, "utf8"));
}

/** Every cg: IRI in any position of the quads. */
function cgTerms(quads: readonly Quad[]): string[] {
  const found = new Set<string>();
  for (const quad of quads) {
    for (const term of [quad.subject, quad.predicate, quad.object]) {
      if (term.termType === "NamedNode" && term.value.startsWith(CG_IRI)) found.add(term.value);
    }
  }
  return [...found].sort();
}

const vocabularyTerms = Object.entries(CG)
  .filter(([key]) => key !== "iri")
  .map(([name, term]) => [name, (term as Term).value] as const);

let ontology: Store;
let shapes: Store;

beforeAll(() => {
  ontology = new Store(parseFile(ontologyFile()));
  shapes = new Store(parseFile(shapesFile()));
});

function objects(store: Store, subject: string, predicate: string): Term[] {
  return store.getObjects(namedNode(subject), namedNode(predicate), null);
}

describe("ontology/claimgraph.ttl", () => {
  it("parses and has an owl:Ontology header with title, comment and version", () => {
    const [header, ...others] = ontology.getSubjects(RDF.type, namedNode(`${OWL}Ontology`), null);
    expect(others).toEqual([]);
    expect(header?.value).toBe("https://w3id.org/claimgraph/vocab");
    const iri = header?.value ?? "";
    expect(objects(ontology, iri, "http://purl.org/dc/terms/title")).toHaveLength(1);
    expect(objects(ontology, iri, RDFS.comment.value)).toHaveLength(1);
    expect(objects(ontology, iri, `${OWL}versionInfo`).map((t) => t.value)).toEqual(["0.1.0"]);
  });

  it("is read from the package's ontology directory", () => {
    expect(ontologyFile()).toMatch(/ontology[/\\]claimgraph\.ttl$/);
    expect(ontology.size).toBeGreaterThan(500);
  });

  it.each(vocabularyTerms)("declares cg:%s with a type, a label and a comment", (_name, iri) => {
    expect(objects(ontology, iri, RDF.type.value)).not.toEqual([]);
    expect(objects(ontology, iri, RDFS.label.value)).toHaveLength(1);
    expect(objects(ontology, iri, RDFS.comment.value)).toHaveLength(1);
  });

  it("gives every cg: term it declares a lower case label and a comment", () => {
    const problems: string[] = [];
    for (const iri of cgTerms(ontology.getQuads(null, null, null, null))) {
      const labels = objects(ontology, iri, RDFS.label.value).map((t) => t.value);
      const comments = objects(ontology, iri, RDFS.comment.value);
      if (objects(ontology, iri, RDF.type.value).length === 0) problems.push(`${iri}: no type`);
      if (labels.length !== 1 || labels[0] !== labels[0]?.toLowerCase()) {
        problems.push(`${iri}: label ${JSON.stringify(labels)}`);
      }
      if (comments.length !== 1) problems.push(`${iri}: ${comments.length} comments`);
    }
    expect(problems).toEqual([]);
  });

  it.each([
    ["TableCellClaim", "Claim"],
    ["ProseClaim", "Claim"],
    ["CuratedClaim", "Claim"],
    ["ComparativeClaim", "Claim"],
    ["ProtocolClaim", "Claim"],
    ["HeaderClaim", "Claim"],
    ["Drug", "Entity"],
    ["DrugClass", "Entity"],
    ["Target", "Entity"],
    ["Mechanism", "Entity"],
    ["Condition", "Entity"],
    ["Outcome", "Entity"],
    ["AdverseEffect", "Entity"],
  ])("says cg:%s is a subclass of cg:%s", (sub, sup) => {
    expect(objects(ontology, CG_IRI + sub, SUBCLASS_OF.value).map((t) => t.value)).toEqual([
      CG_IRI + sup,
    ]);
  });

  it.each([
    [
      "EvidenceType",
      "TertiaryReferenceWork ConsumerHealthPage SystematicReview MetaAnalysis Review PrimaryResearch PreclinicalStudy ClinicalStudy UnknownEvidence",
    ],
    ["Genre", "VendorOverview UnknownGenre"],
    ["IdentifierSource", "PublicRecord StatedByDocument"],
    ["Direction", "Favours Similar NotCompared Unclear"],
  ])("lists the individuals of cg:%s", (cls, names) => {
    const members = ontology
      .getSubjects(RDF.type, namedNode(CG_IRI + cls), null)
      .map((t) => t.value.slice(CG_IRI.length))
      .sort();
    expect(members).toEqual(names.split(" ").sort());
  });
});

// The lexicon names the domain predicates a claim's rdf:predicate may take; each must be declared,
// with the range the lexicon reads its objects as.
const lexiconPredicates = readFileSync(
  join(dirname(ontologyFile()), "lexicon", "predicates.tsv"),
  "utf8",
)
  .split("\n")
  .filter((line) => line !== "" && !line.startsWith("#"))
  .slice(1)
  .map((line) => line.split("\t"))
  .map(([, predicate = "", objectType = ""]) => [predicate, objectType] as const);

describe("ontology/lexicon/predicates.tsv", () => {
  it("lists the domain predicates", () => {
    expect(new Set(lexiconPredicates.map(([p]) => p)).size).toBeGreaterThanOrEqual(25);
  });

  it.each(lexiconPredicates)("cg:%s is declared with a domain and the range %s", (name, type) => {
    const iri = CG_IRI + name;
    expect(objects(ontology, iri, RDF.type.value)).not.toEqual([]);
    expect(objects(ontology, iri, `${RDFS.iri}domain`)).toHaveLength(1);
    if (type !== "") {
      expect(objects(ontology, iri, `${RDFS.iri}range`).map((t) => t.value)).toEqual([
        CG_IRI + type,
      ]);
    }
  });
});

describe("ontology/shapes.ttl", () => {
  it("parses into node shapes", () => {
    const nodeShapes = shapes.getSubjects(RDF.type, namedNode(`${SH}NodeShape`), null);
    expect(nodeShapes.length).toBeGreaterThanOrEqual(15);
  });

  it("uses only cg: terms that the ontology declares", () => {
    const undeclared = cgTerms(shapes.getQuads(null, null, null, null)).filter(
      (iri) => objects(ontology, iri, RDF.type.value).length === 0,
    );
    expect(undeclared).toEqual([]);
  });

  it("gives every shape whose results a person sees a message and severity sh:Violation", () => {
    const visible = new Set<Term>();
    for (const shape of shapes.getSubjects(RDF.type, namedNode(`${SH}NodeShape`), null)) {
      visible.add(shape);
      for (const property of shapes.getObjects(shape, namedNode(`${SH}property`), null)) {
        visible.add(property);
      }
    }
    for (const quad of shapes.getQuads(null, namedNode(`${SH}qualifiedValueShape`), null, null)) {
      visible.add(quad.object);
    }
    const problems: string[] = [];
    for (const shape of visible) {
      const name = shape.value;
      if (shapes.getObjects(shape, namedNode(`${SH}message`), null).length !== 1) {
        problems.push(`${name}: no single sh:message`);
      }
      const severity = shapes.getObjects(shape, namedNode(`${SH}severity`), null);
      if (severity.length !== 1 || severity[0]?.value !== `${SH}Violation`) {
        problems.push(`${name}: severity is not sh:Violation`);
      }
    }
    expect(visible.size).toBeGreaterThan(80);
    expect(problems).toEqual([]);
  });

  // Validators run without the ontology see no rdfs:subClassOf, so the shapes name each subclass.
  it.each([
    ["ClaimShape", "Claim"],
    ["ClaimCitationShape", "Claim"],
    ["EntityShape", "Entity"],
  ])("makes cgsh:%s target cg:%s and each of its subclasses", (shape, cls) => {
    const targeted = objects(shapes, CGSH + shape, `${SH}targetClass`).map((t) => t.value);
    const subclasses = ontology.getSubjects(SUBCLASS_OF, namedNode(CG_IRI + cls), null);
    expect(subclasses.length).toBeGreaterThanOrEqual(6);
    expect(targeted.sort()).toEqual([CG_IRI + cls, ...subclasses.map((t) => t.value)].sort());
  });
});

/**
 * Validates RDF against the SHACL shapes in `ontology/shapes.ttl`, the specification every export
 * is checked against, and turns the validator's RDF report into plain, sorted records.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Quad, Term } from "@rdfjs/types";
import { DataFactory, Parser, Store } from "n3";
import SHACLValidator from "rdf-validate-shacl";
import { ontologyDir } from "../../base/paths.ts";
import { RDFS, SH, XSD } from "../vocab/vocabulary.ts";

export interface ShaclResult {
  /** The node that failed: an IRI, or `_:label` for a blank node. */
  readonly focusNode: string;
  /** The property path that failed, when the failing constraint is on a property. */
  readonly path?: string;
  /** The offending value, when the constraint names one (N-Triples-like for literals). */
  readonly value?: string;
  readonly message: string;
  /** The local name of the severity: `Violation`, `Warning` or `Info`. */
  readonly severity: string;
  /** The local name of the SHACL constraint component, e.g. `MinCountConstraintComponent`. */
  readonly constraint: string;
  /**
   * The shape whose constraint failed. An anonymous property shape is reported as the named
   * shape that declares it (the result's `path` says which property).
   */
  readonly sourceShape: string;
}

export interface ShaclReport {
  readonly conforms: boolean;
  readonly results: readonly ShaclResult[];
}

// Not (yet) in the vocabulary module, which lists only the terms exports write.
const SH_PROPERTY = SH.property;
const RDFS_SUBCLASSOF = RDFS.subClassOf;

/** The path of `ontology/shapes.ttl`, for commands that print or copy the shapes. */
export function shapesFile(): string {
  return join(ontologyDir(), "shapes.ttl");
}

/** The path of `ontology/claimgraph.ttl`. */
export function ontologyFile(): string {
  return join(ontologyDir(), "claimgraph.ttl");
}

function parseTurtle(text: string, blankNodePrefix: string): Quad[] {
  return new Parser({ format: "text/turtle", blankNodePrefix }).parse(text);
}

let defaultShapes: string | undefined;
let classHierarchy: Quad[] | undefined;

/**
 * The ontology's rdfs:subClassOf axioms. SHACL reads class membership (sh:targetClass, sh:class)
 * from the data graph, so the hierarchy goes in with the data: a cg:TableCellClaim is then a
 * cg:Claim wherever a shape asks for one.
 */
function ontologyClassHierarchy(): Quad[] {
  classHierarchy ??= parseTurtle(readFileSync(ontologyFile(), "utf8"), "ontology").filter((quad) =>
    quad.predicate.equals(RDFS_SUBCLASSOF),
  );
  return classHierarchy;
}

function renderTerm(term: Term): string {
  switch (term.termType) {
    case "BlankNode":
      return `_:${term.value}`;
    case "Literal": {
      const text = JSON.stringify(term.value);
      if (term.language) return `${text}@${term.language}`;
      if (term.datatype.equals(XSD.string)) return text;
      return `${text}^^<${term.datatype.value}>`;
    }
    default:
      return term.value;
  }
}

function localName(iri: string): string {
  return iri.slice(Math.max(iri.lastIndexOf("#"), iri.lastIndexOf("/")) + 1);
}

/** Names an anonymous property shape by the named shape that declares it. */
function shapeName(shape: Term, shapes: Store): string {
  if (shape.termType !== "BlankNode") return renderTerm(shape);
  const owners = shapes.getSubjects(SH_PROPERTY, shape, null);
  const owner = owners.find((term) => term.termType === "NamedNode");
  return owner ? owner.value : renderTerm(shape);
}

const RESULT_ORDER = [
  "focusNode",
  "path",
  "sourceShape",
  "constraint",
  "value",
  "message",
  "severity",
] as const;

function compareResults(a: ShaclResult, b: ShaclResult): number {
  for (const key of RESULT_ORDER) {
    const x = a[key] ?? "";
    const y = b[key] ?? "";
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Results in report order: by focus node, path, shape, constraint, value, message and severity. */
export function sortResults(results: ShaclResult[]): ShaclResult[] {
  return results.sort(compareResults);
}

/** The shapes of `shapesTurtle`, by default those of `ontology/shapes.ttl`. */
export function loadShapes(shapesTurtle?: string): Store {
  defaultShapes ??= readFileSync(shapesFile(), "utf8");
  return new Store(parseTurtle(shapesTurtle ?? defaultShapes, "shape"));
}

/**
 * A data graph for validation: `data` with all graphs merged into one, plus the ontology's class
 * hierarchy.
 */
export function shaclDataGraph(data: Iterable<Quad>): Store {
  const dataset = new Store();
  const defaultGraph = DataFactory.defaultGraph();
  for (const quad of data) {
    dataset.addQuad(DataFactory.quad(quad.subject, quad.predicate, quad.object, defaultGraph));
  }
  dataset.addQuads(ontologyClassHierarchy());
  return dataset;
}

/** A validator for one set of shapes, used for one data graph after another. */
export class ShaclValidator {
  private constructor(
    private readonly validator: SHACLValidator,
    private readonly shapes: Store,
  ) {}

  /** A validator for `shapes`, with whatever they import (owl:imports) loaded. */
  static async create(shapes: Store): Promise<ShaclValidator> {
    const validator = new SHACLValidator(shapes);
    await validator.validate(new Store());
    return new ShaclValidator(validator, shapes);
  }

  /**
   * Validates a data graph (see `shaclDataGraph`); returns the results, unsorted, of the focus
   * nodes `keep` accepts (all by default). Synchronous, so that a batch can be validated while a
   * parser calls back: this is `SHACLValidator.validate` once the imports are loaded.
   */
  results(dataset: Store, keep: (focusNode: Term) => boolean = () => true): ShaclResult[] {
    const data = this.validator.factory.clownface({ dataset });
    this.validator.$data = data;
    this.validator.validationEngine.validateAll(data);
    const report = this.validator.validationEngine.getReport();
    return report.results
      .filter((result) => keep(result.focusNode))
      .map((result): ShaclResult => {
        const path = result.path;
        // A node shape's own constraints report the focus node as the value; that says nothing new.
        const value = result.value?.equals(result.focusNode) ? null : result.value;
        return {
          focusNode: renderTerm(result.focusNode),
          ...(path ? { path: renderTerm(path) } : {}),
          ...(value ? { value: renderTerm(value) } : {}),
          message: result.message.map((term) => term.value).join("; "),
          severity: localName(result.severity.value),
          constraint: localName(result.sourceConstraintComponent.value),
          sourceShape: shapeName(result.sourceShape, this.shapes),
        };
      });
  }
}

/**
 * Validates `data` (all graphs merged into one) against `shapesTurtle`, by default the contents of
 * `ontology/shapes.ttl`. Results are sorted by focus node, path and shape, so the same data gives
 * the same report. The data is held whole; `validateShaclInBatches` validates a dataset too
 * large for that.
 */
export async function validateShacl(
  data: Iterable<Quad>,
  shapesTurtle?: string,
): Promise<ShaclReport> {
  const validator = await ShaclValidator.create(loadShapes(shapesTurtle));
  const results = validator.results(shaclDataGraph(data));
  return { conforms: results.length === 0, results: sortResults(results) };
}

/** A report for people: one line per result, grouped under the node that failed. */
export function formatShaclReport(report: ShaclReport): string {
  if (report.conforms) return "SHACL: conforms.";
  const lines = [`SHACL: ${report.results.length} result(s).`];
  let focus: string | undefined;
  for (const result of report.results) {
    if (result.focusNode !== focus) {
      focus = result.focusNode;
      lines.push(focus);
    }
    const where = result.path ? ` ${result.path}` : "";
    const value = result.value ? ` (value ${result.value})` : "";
    lines.push(`  ${result.severity}${where}: ${result.message}${value} [${result.sourceShape}]`);
  }
  return lines.join("\n");
}

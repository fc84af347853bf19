/**
 * Whether shapes judge a node by what is near it. Batched validation (`shacl-batches.ts`) gives
 * each focus node its own triples and only the rdf:type triples of the nodes they point to; that
 * gives the whole dataset's results exactly when every shape reads no more than that: class
 * targets, simple property paths, and on value nodes only checks of the value itself (its kind,
 * datatype, range, pattern, membership) or of its class. Our shapes do; anything else (a shape
 * that follows a value's own properties, an inverse or sequence path, a node target, a shape that
 * is also a class, SPARQL) makes the caller validate the dataset whole.
 */
import type { Term } from "@rdfjs/types";
import type { Store } from "n3";
import { NAMESPACES } from "../vocab/namespaces.ts";

const SH = NAMESPACES.sh;
const RDF_FIRST = `${NAMESPACES.rdf}first`;
const RDF_REST = `${NAMESPACES.rdf}rest`;
const RDF_NIL = `${NAMESPACES.rdf}nil`;
const RDF_TYPE = `${NAMESPACES.rdf}type`;
const RDFS_CLASS = `${NAMESPACES.rdfs}Class`;
const RDFS_SUBCLASSOF = `${NAMESPACES.rdfs}subClassOf`;

/** Targets that may pick nodes with no triples of their own, or by a SPARQL query. */
const NON_LOCAL_TARGETS = new Set([`${SH}targetNode`, `${SH}targetObjectsOf`, `${SH}target`]);

/** Parameters that say nothing about which triples are read. */
const INERT = new Set(
  [
    "message",
    "severity",
    "name",
    "description",
    "order",
    "group",
    "defaultValue",
    "deactivated",
    "targetClass",
    "targetSubjectsOf",
    "qualifiedMinCount",
    "qualifiedMaxCount",
    "qualifiedValueShapesDisjoint",
  ].map((name) => SH + name),
);

/** Constraints on a value (or a node itself) that read the value and, for sh:class, its types. */
const ON_VALUE = new Set(
  [
    "class",
    "datatype",
    "nodeKind",
    "minExclusive",
    "minInclusive",
    "maxExclusive",
    "maxInclusive",
    "minLength",
    "maxLength",
    "pattern",
    "flags",
    "languageIn",
    "hasValue",
    "in",
  ].map((name) => SH + name),
);

/** Constraints that read the properties of the node the shape is applied to. */
const ON_OWN_TRIPLES = new Set(
  [
    "minCount",
    "maxCount",
    "uniqueLang",
    "equals",
    "disjoint",
    "lessThan",
    "lessThanOrEquals",
    "closed",
    "ignoredProperties",
  ].map((name) => SH + name),
);

/** Where a shape is applied: to a focus node (all its triples at hand) or to a value node. */
type Level = "focus" | "value";

/** Whether every shape in `shapes` reads only a focus node's triples and its values' types. */
export function shapesReadLocally(shapes: Store): boolean {
  for (const quad of shapes) {
    const p = quad.predicate.value;
    if (NON_LOCAL_TARGETS.has(p)) return false;
    // A shape that is also a class targets its instances; not worth telling apart here.
    if ((p === RDF_TYPE && quad.object.value === RDFS_CLASS) || p === RDFS_SUBCLASSOF) return false;
  }
  const checked = new Set<string>();
  const local = (shape: Term, level: Level): boolean => {
    const key = `${level} ${shape.termType} ${shape.value}`;
    if (checked.has(key)) return true;
    checked.add(key);
    const path = shapes.getObjects(shape, `${SH}path`, null);
    const isProperty = path.length > 0;
    if (isProperty && (level === "value" || path.some((p) => p.termType !== "NamedNode")))
      return false;
    // A property shape's nested shapes apply to its values; a node shape's to the node itself.
    const nested: Level = isProperty ? "value" : level;
    for (const quad of shapes.getQuads(shape, null, null, null)) {
      const p = quad.predicate.value;
      const o = quad.object;
      if (!p.startsWith(SH) || INERT.has(p) || ON_VALUE.has(p) || p === `${SH}path`) continue;
      if (ON_OWN_TRIPLES.has(p)) {
        if (level !== "focus") return false;
      } else if (p === `${SH}property`) {
        if (level !== "focus" || !local(o, "focus")) return false;
      } else if (p === `${SH}node` || p === `${SH}not`) {
        if (!local(o, nested)) return false;
      } else if (p === `${SH}and` || p === `${SH}or` || p === `${SH}xone`) {
        if (!listItems(shapes, o).every((item) => local(item, nested))) return false;
      } else if (p === `${SH}qualifiedValueShape`) {
        if (!local(o, "value")) return false;
      } else return false;
    }
    return true;
  };
  const targeted = new Set<Term>();
  for (const quad of shapes) {
    const p = quad.predicate.value;
    if (p === `${SH}targetClass` || p === `${SH}targetSubjectsOf`) targeted.add(quad.subject);
  }
  return [...targeted].every((shape) => local(shape, "focus"));
}

function listItems(shapes: Store, list: Term): Term[] {
  const items: Term[] = [];
  let node: Term | undefined = list;
  while (node && node.value !== RDF_NIL && items.length < 10_000) {
    const first = shapes.getObjects(node, RDF_FIRST, null)[0];
    if (first) items.push(first);
    node = shapes.getObjects(node, RDF_REST, null)[0];
  }
  return items;
}

/**
 * Builds the knowledge graph from quads in claimgraph's vocabulary, whatever wrote
 * them: claimgraph's own exports, a file edited by hand, or one exported by a triple
 * store. Graph names are ignored (the union is read). Nodes carry the attributes the
 * trace answers need, so no answer goes back to the RDF; what each holds is read by the
 * vocabulary table (`rdf/vocab/`, see `nodes.ts`), the same table the writer goes by.
 */
import type { Quad } from "@rdfjs/types";
import { MultiDirectedGraph } from "graphology";
import type { Diagnostic } from "../base/errors.ts";
import { readField, type Stated } from "../rdf/read/read-row.ts";
import { CLAIM } from "../rdf/vocab/claim-records.ts";
import type { Field } from "../rdf/vocab/fields.ts";
import { CITING, ENTITY, PREDICATE, REFERENCE, STUDY } from "../rdf/vocab/records.ts";
import { RDF } from "../rdf/vocab/vocabulary.ts";
import { type Conflict, claimConflicts, PLACED_PROPERTIES } from "./conflicts.ts";
import { spacedLocalName } from "./local-name.ts";
import { isA, readNode } from "./nodes.ts";
import type { QuadSource, StatementPlace } from "./quad-source.ts";
import type { EdgeAttributes, EdgeKind, NodeAttributes } from "./types.ts";

export { spacedLocalName } from "./local-name.ts";

/** What the graph holds besides its nodes and edges: what reading it found wrong. */
export interface GraphAttributes {
  /** Files that added nothing (load.ts), as warnings to show whoever opened them. */
  warnings?: Diagnostic[];
  /** Claims stated with two values where one is meant (conflicts.ts). */
  conflicts?: Conflict[];
}

export type KnowledgeGraphData = MultiDirectedGraph<
  NodeAttributes,
  EdgeAttributes,
  GraphAttributes
>;

export interface GraphBuild {
  readonly graph: KnowledgeGraphData;
  /** Predicate IRI → label (rdfs:label when the data gives one, else the spaced local name). */
  readonly predicateLabels: ReadonlyMap<string, string>;
  /** Claims whose asserted triple the data does not give in full, skipped. */
  readonly skipped: readonly string[];
}

/**
 * A term as the graph builder keeps it: its kind and its value, read once; for the properties
 * a claim has one of, where it was stated (see conflicts.ts).
 */
interface Value extends Stated {
  readonly at?: StatementPlace;
}

type Props = Map<string, Value[]>;

/**
 * Groups quads by subject and predicate as they arrive (graph names are ignored), so a
 * parser can feed it directly and no array of a million quads is ever held.
 *
 * With `copy`, every string it keeps is a copy. A parser hands out pieces of the text it reads
 * (V8 keeps a slice of a string as a view of the whole), so keeping one IRI or label would keep
 * the whole file's text alive for as long as the graph lives: 119 MiB of a 1M-triple Turtle
 * file, half the graph's memory. For a small file the copies cost more than they save.
 */
export class QuadGrouper {
  readonly subjects = new Map<string, Props>();
  /** What the reader found wrong with a file that still loads (see load.ts). */
  readonly warnings: Diagnostic[] = [];
  /** Predicates are few: one string each, shared by every subject. */
  private readonly predicates = new Map<string, string>();
  /**
   * With `copy`, IRIs and blank nodes, subjects and objects, are kept as one string each (a
   * class names every member): one copy where each statement would make its own.
   */
  private readonly names = new Map<string, string>();
  private readonly own: (text: string) => string;
  private readonly name: (text: string) => string;
  private lastSubject: string | undefined;
  private lastProps: Props | undefined;

  constructor(options: { readonly copy?: boolean } = {}) {
    const copy = options.copy !== false;
    this.own = copy ? own : (text) => text;
    this.name = copy ? (text) => this.ownName(text) : (text) => text;
  }

  warn(warning: Diagnostic): void {
    this.warnings.push(warning);
  }

  /** Adds a quad; with its source, the place of a statement a claim has one of is kept. */
  add(q: Quad, source?: QuadSource): void {
    const s = q.subject;
    if (s.termType !== "NamedNode" && s.termType !== "BlankNode") return;
    // A subject's statements mostly come one after another, with the parser's same string.
    let props = s.value === this.lastSubject ? this.lastProps : this.subjects.get(s.value);
    if (!props) {
      props = new Map();
      this.subjects.set(this.name(s.value), props);
    }
    this.lastSubject = s.value;
    this.lastProps = props;
    const o = q.object;
    let p = this.predicates.get(q.predicate.value);
    if (p === undefined) {
      p = this.own(q.predicate.value);
      this.predicates.set(p, p);
    }
    const list = props.get(p);
    if (list !== undefined && stated(list, o.termType, o.value)) return;
    const kept = o.termType === "Literal" ? this.own(o.value) : this.name(o.value);
    const value: Value =
      source && PLACED_PROPERTIES.has(p)
        ? { termType: o.termType, value: kept, at: placeOf(source) }
        : { termType: o.termType, value: kept };
    if (!list) props.set(p, [value]);
    else list.push(value);
  }

  /** The one string kept for an IRI or blank node. */
  private ownName(value: string): string {
    let kept = this.names.get(value);
    if (kept === undefined) {
      kept = this.own(value);
      this.names.set(kept, kept);
    }
    return kept;
  }
}

/** Whether `list` holds the term already (a loop: this runs for every quad). */
function stated(list: readonly Value[], termType: string, value: string): boolean {
  for (const t of list) if (t.value === value && t.termType === termType) return true;
  return false;
}

function placeOf(source: QuadSource): StatementPlace {
  const { line, column } = source.place();
  return { file: source.file, line, column };
}

/**
 * A copy of `text` that shares no memory with the string it came from. Short strings are
 * always copies in V8; a longer one is copied by building a new string around it (a slice
 * of that new string refers to it alone).
 */
export function own(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

/** The prefixes a parser declared, as copies (see `own`): a graph keeps them. */
export function ownPrefixes(prefixes: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(prefixes).map(([k, v]) => [own(k), own(v)]));
}

export function graphFromQuads(
  quads: Iterable<Quad>,
  options: { copy?: boolean } = {},
): GraphBuild {
  const grouper = new QuadGrouper(options);
  for (const q of quads) grouper.add(q);
  return graphFromGroups(grouper);
}

export function graphFromGroups(grouper: QuadGrouper): GraphBuild {
  const subjects = grouper.subjects;
  const graph: KnowledgeGraphData = new MultiDirectedGraph({ allowSelfLoops: true });
  const labels = new Map<string, string>();
  const skipped: string[] = [];
  const conflicts: Conflict[] = [];

  for (const [iri, props] of subjects) {
    const node = readNode(iri, props, subjects);
    if (node === "rejected") skipped.push(iri);
    else if (node) {
      graph.mergeNode(iri, node);
      if (node.kind === "claim") conflicts.push(...claimConflicts(iri, props, subjects));
    }
    const types = (props.get(RDF.type.value) ?? []).map((t) => t.value);
    if (isA(PREDICATE, types)) {
      const label = readField(PREDICATE.fields.label, props, subjects) as string | undefined;
      if (label) labels.set(iri, label);
    }
  }

  addEdges(graph, subjects);
  graph.forEachNode((_, a) => {
    if (a.kind === "claim" && !labels.has(a.predicate)) {
      labels.set(a.predicate, spacedLocalName(a.predicate));
    }
  });
  if (grouper.warnings.length > 0) graph.setAttribute("warnings", grouper.warnings);
  if (conflicts.length > 0)
    graph.setAttribute(
      "conflicts",
      conflicts.sort((a, b) => compare(a.claim, b.claim) || compare(a.property, b.property)),
    );
  return { graph, predicateLabels: labels, skipped };
}

/**
 * Links the nodes: a claim to its subject, object, citations, mentions, studies and document,
 * and its subject to its object unless it is a null cell; a reference to its work and document;
 * a study to what it cites and supports; an entity to the classes it is a member of.
 */
function addEdges(graph: KnowledgeGraphData, subjects: QuadGrouper["subjects"]): void {
  // Edge keys count up in the order the data is read, not graphology's per-instance
  // counters, so two loads of the same data give the same graph (and the same viewer).
  // A node's own edges differ by kind or target (its lists of targets hold each once, sorted):
  // only an asserted triple, which several claims may state, needs a set to be linked once.
  let edges = 0;
  const link = (from: string, to: string | undefined, kind: EdgeKind, predicate: string) => {
    if (!to || !graph.hasNode(to) || !graph.hasNode(from)) return;
    graph.addEdgeWithKey(`e${++edges}`, from, to, { kind, predicate });
  };
  const each = (from: string, targets: readonly string[], kind: EdgeKind, predicate: string) => {
    for (let i = 0; i < targets.length; i++)
      if (i === 0 || targets[i] !== targets[i - 1]) link(from, targets[i], kind, predicate);
  };
  const asserted = new Set<string>();
  const assert = (from: string, to: string, predicate: string) => {
    const key = `${from} ${to} ${predicate}`;
    if (asserted.has(key)) return;
    asserted.add(key);
    link(from, to, "asserts", predicate);
  };
  const iris = (iri: string, field: Field) =>
    readField(field, subjects.get(iri), subjects) as string[];
  /** The predicate behind a citation link from `from` to `to`. */
  const citePredicate = (from: string, to: string) =>
    (iris(from, CITING.viaReference).includes(to) ? CITING.viaReference : CITING.citesAsEvidence).p
      .value;
  graph.forEachNode((iri, a) => {
    switch (a.kind) {
      case "claim":
        link(iri, a.subject, "subject", CLAIM.fields.subject.p.value);
        if ("iri" in a.object) link(iri, a.object.iri, "object", CLAIM.fields.object.p.value);
        for (const ref of a.citations) link(iri, ref, "cites", citePredicate(iri, ref));
        each(iri, iris(iri, CLAIM.fields.mentions), "mentions", CLAIM.fields.mentions.p.value);
        each(iri, a.studies, "study", CLAIM.fields.studies.p.value);
        link(iri, a.location.document, "derivedFrom", CLAIM.fields.document.p.value);
        // A null cell asserts nothing: its claim is no edge between its subject and object.
        if ("iri" in a.object && graph.hasNode(a.subject) && a.status === undefined)
          assert(a.subject, a.object.iri, a.predicate);
        return;
      case "reference":
        link(iri, a.work, "refersTo", REFERENCE.fields.work.p.value);
        link(iri, a.document, "inDocument", REFERENCE.fields.document.p.value);
        return;
      case "study":
        for (const ref of a.citations) link(iri, ref, "cites", citePredicate(iri, ref));
        each(iri, a.supports, "supports", STUDY.fields.supports.p.value);
        link(iri, a.document, "derivedFrom", STUDY.fields.document.p.value);
        return;
      case "entity":
        each(iri, iris(iri, ENTITY.fields.memberOf), "memberOf", ENTITY.fields.memberOf.p.value);
        return;
      default:
        return;
    }
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

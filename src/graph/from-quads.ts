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
import { PREDICATE } from "../rdf/vocab/records.ts";
import { RDF } from "../rdf/vocab/vocabulary.ts";
import { type Conflict, claimConflicts, PLACED_PROPERTIES } from "./conflicts.ts";
import { addEdges } from "./edges.ts";
import { spacedLocalName } from "./local-name.ts";
import { isA, readNode } from "./nodes.ts";
import type { QuadSource, StatementPlace } from "./quad-source.ts";
import type { EdgeAttributes, NodeAttributes } from "./types.ts";

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

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

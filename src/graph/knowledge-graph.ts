/**
 * `KnowledgeGraph`: the loaded graph with the lookups every question needs — by IRI,
 * by name, by reference number, by identifier — built when first asked for, and the
 * indexes a question derives from it (`index`), built when first asked for and kept with it.
 * Its nodes and edges are read through a store (`graph-store.ts`): the graphology graph the
 * RDF reader built, or a snapshot's columns, which make the graphology graph (`graph`) only
 * when something asks for it.
 */

import type { Diagnostic } from "../base/errors.ts";
import { normaliseLabel } from "../base/slug.ts";
import { DEFAULT_BASE_IRI, kbPrefixes, PREFIXES } from "../rdf/vocab/namespaces.ts";
import type { Conflict } from "./conflicts.ts";
import type { GraphBuild, KnowledgeGraphData } from "./from-quads.ts";
import { type GraphStore, graphologyStore } from "./graph-store.ts";
import type {
  ClaimNode,
  DocumentNode,
  EdgeAttributes,
  EntityNode,
  NodeAttributes,
  ReferenceNode,
  WorkNode,
} from "./types.ts";

/**
 * A kind of index a question derives from a graph (trace's word index, path's undirected view,
 * the answers per entity): built from a graph the first time that graph is asked for it, then
 * kept with the graph and dropped with it. The object is the key: declare each kind once.
 */
export interface GraphIndex<T> {
  /** What the index holds (for whoever reads it in a debugger). */
  readonly name: string;
  readonly build: (kg: KnowledgeGraph) => T;
}

/** A graph read from a snapshot: its store, and what the RDF reader gives beside the graph. */
export interface StoredBuild extends Omit<GraphBuild, "graph"> {
  readonly store: GraphStore;
}

export class KnowledgeGraph {
  readonly predicateLabels: ReadonlyMap<string, string>;
  readonly skipped: readonly string[];
  /** The prefixes used to show IRIs short (the data's own, then claimgraph's). */
  readonly prefixMap: Readonly<Record<string, string>>;
  private readonly store: GraphStore;
  private readonly prefixes: Array<[string, string]>;
  /** The indexes built so far, by kind (see `index`). */
  private readonly indexes = new Map<GraphIndex<unknown>, unknown>();
  private lookups: {
    names?: Map<string, string[]>;
    referencesByNumber?: Map<number, string[]>;
    identifiers?: Map<string, string[]>;
  } = {};

  constructor(build: GraphBuild | StoredBuild, prefixes: Record<string, string> = {}) {
    this.store = "store" in build ? build.store : graphologyStore(build.graph);
    this.predicateLabels = build.predicateLabels;
    this.skipped = build.skipped;
    this.prefixMap = { ...PREFIXES, ...kbPrefixes(DEFAULT_BASE_IRI), ...prefixes };
    this.prefixes = Object.entries(this.prefixMap).sort((a, b) => b[1].length - a[1].length);
  }

  /** The graph as graphology's (made on first use when the graph was opened from a snapshot). */
  get graph(): KnowledgeGraphData {
    return this.store.graph();
  }

  /** How many nodes and edges the graph has. */
  get order(): number {
    return this.store.order;
  }

  get size(): number {
    return this.store.size;
  }

  /** Normalised names (labels and synonyms) → entity IRIs. */
  get names(): ReadonlyMap<string, string[]> {
    this.lookups.names ??= namesOf(this.store);
    return this.lookups.names;
  }

  /** Reference number → reference IRIs (one per document that uses the number). */
  get referencesByNumber(): ReadonlyMap<number, string[]> {
    this.lookups.referencesByNumber ??= referencesByNumberOf(this.store);
    return this.lookups.referencesByNumber;
  }

  /** Lower-cased identifier ("pmid:12183009", also "12183009") → work or entity IRIs. */
  get identifiers(): ReadonlyMap<string, string[]> {
    this.lookups.identifiers ??= identifiersOf(this.store);
    return this.lookups.identifiers;
  }

  has(iri: string): boolean {
    return this.store.has(iri);
  }

  /** Every node, in the graph's order. */
  forEachNode(visit: (iri: string, a: NodeAttributes) => void): void {
    this.store.forEachNode(visit);
  }

  /** The edges into `iri`, which must be a node of the graph. */
  forEachInEdge(iri: string, visit: (edge: EdgeAttributes, source: string) => void): void {
    this.store.forEachInEdge(iri, visit);
  }

  /** The edges out of `iri`, which must be a node of the graph. */
  forEachOutEdge(iri: string, visit: (edge: EdgeAttributes, target: string) => void): void {
    this.store.forEachOutEdge(iri, visit);
  }

  /** This graph's index of `kind`, built on the first call and the same object after. */
  index<T>(kind: GraphIndex<T>): T {
    if (this.indexes.has(kind)) return this.indexes.get(kind) as T;
    const built = kind.build(this);
    this.indexes.set(kind, built);
    return built;
  }

  /** Files that added nothing to the graph, as warnings for whoever opened them. */
  get warnings(): readonly Diagnostic[] {
    return this.store.warnings;
  }

  /** Claims whose statements disagree, by claim and property (see conflicts.ts). */
  get conflicts(): readonly Conflict[] {
    return this.store.conflicts;
  }

  node(iri: string | undefined): NodeAttributes | undefined {
    return iri === undefined ? undefined : this.store.node(iri);
  }

  claim(iri: string | undefined): ClaimNode | undefined {
    const n = this.node(iri);
    return n?.kind === "claim" ? n : undefined;
  }

  entity(iri: string | undefined): EntityNode | undefined {
    const n = this.node(iri);
    return n?.kind === "entity" ? n : undefined;
  }

  reference(iri: string | undefined): ReferenceNode | undefined {
    const n = this.node(iri);
    return n?.kind === "reference" ? n : undefined;
  }

  work(iri: string | undefined): WorkNode | undefined {
    const n = this.node(iri);
    return n?.kind === "work" ? n : undefined;
  }

  /** The work a citation points to: a reference entry's work, or a work cited directly. */
  citedWork(iri: string | undefined): WorkNode | undefined {
    return this.work(iri) ?? this.work(this.reference(iri)?.work);
  }

  document(iri: string | undefined): DocumentNode | undefined {
    const n = this.node(iri);
    return n?.kind === "document" ? n : undefined;
  }

  label(iri: string): string {
    return this.node(iri)?.label ?? this.predicateLabels.get(iri) ?? this.compact(iri);
  }

  predicateLabel(iri: string): string {
    return this.predicateLabels.get(iri) ?? this.compact(iri);
  }

  /** `https://…/entity/desipramine` → `ent:desipramine`. */
  compact(iri: string): string {
    for (const [prefix, ns] of this.prefixes) {
      if (iri.startsWith(ns) && iri.length > ns.length) return `${prefix}:${iri.slice(ns.length)}`;
    }
    return iri;
  }

  /** The inverse of `compact`, for IRIs typed by a person. */
  expand(name: string): string {
    const colon = name.indexOf(":");
    if (colon > 0) {
      const ns = this.prefixes.find(([p]) => p === name.slice(0, colon))?.[1];
      if (ns) return ns + name.slice(colon + 1);
    }
    return name;
  }

  /** Claims whose subject or object is `iri`. */
  claimsAbout(iri: string): ClaimNode[] {
    const seen = new Set<string>();
    const out: ClaimNode[] = [];
    this.store.forEachInEdge(iri, (e, source) => {
      if ((e.kind === "subject" || e.kind === "object") && !seen.has(source)) {
        const c = this.claim(source);
        if (c) {
          seen.add(source);
          out.push(c);
        }
      }
    });
    return out;
  }

  /** Claims that mention `iri` without it being their subject or object. */
  claimsMentioning(iri: string): ClaimNode[] {
    const about = new Set<string>();
    const mentioning = new Set<string>();
    this.store.forEachInEdge(iri, (e, source) => {
      if (e.kind === "subject" || e.kind === "object") about.add(source);
      else if (e.kind === "mentions") mentioning.add(source);
    });
    const out: ClaimNode[] = [];
    for (const source of mentioning) {
      const c = this.claim(source);
      if (c && !about.has(source)) out.push(c);
    }
    return out;
  }

  /** The references that locate `work` (several when a work is listed twice). */
  referencesOf(work: string): ReferenceNode[] {
    const out: ReferenceNode[] = [];
    this.store.forEachInEdge(work, (e, source) => {
      const r = this.reference(source);
      if (e.kind === "refersTo" && r) out.push(r);
    });
    return out.sort((a, b) => (a.number ?? 0) - (b.number ?? 0) || (a.iri < b.iri ? -1 : 1));
  }
}

/** Names (labels and synonyms) of entities, normalised → entity IRIs. */
function namesOf(store: GraphStore): Map<string, string[]> {
  const names = new Map<string, string[]>();
  store.forEachNodeOf(["entity"], (iri, a) => {
    if (a.kind !== "entity") return;
    for (const name of [a.label, ...a.synonyms]) push(names, normaliseLabel(name), iri);
  });
  return names;
}

function referencesByNumberOf(store: GraphStore): Map<number, string[]> {
  const numbers = new Map<number, string[]>();
  store.forEachNodeOf(["reference"], (iri, a) => {
    if (a.kind === "reference" && a.number !== undefined) push(numbers, a.number, iri);
  });
  return numbers;
}

function identifiersOf(store: GraphStore): Map<string, string[]> {
  const ids = new Map<string, string[]>();
  store.forEachNodeOf(["entity", "work"], (iri, a) => {
    if (a.kind !== "work" && a.kind !== "entity") return;
    for (const id of a.identifiers) {
      push(ids, id.curie.toLowerCase(), iri);
      push(ids, `${id.scheme}:${id.id}`.toLowerCase(), iri);
      push(ids, id.id.toLowerCase(), iri);
    }
  });
  return ids;
}

/**
 * Adds `value` under `key` once. Every node is visited once and pushes all its keys before the
 * next node, so a repeat can only be the list's last value: checking that one keeps a key
 * shared by 10,000 nodes (reference number 1 of every document) linear, where `includes` made
 * it quadratic (seconds at 10,000 documents).
 */
function push<K>(map: Map<K, string[]>, key: K, value: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

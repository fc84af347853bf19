/**
 * `KnowledgeGraph`: the loaded graph with the lookups every question needs — by IRI,
 * by name, by reference number, by identifier — built once when it is opened, and the
 * indexes a question derives from it (`index`), built when first asked for and kept with it.
 */

import type { Diagnostic } from "../base/errors.ts";
import { normaliseLabel } from "../base/slug.ts";
import { DEFAULT_BASE_IRI, kbPrefixes, PREFIXES } from "../rdf/vocab/namespaces.ts";
import type { Conflict } from "./conflicts.ts";
import type { GraphBuild, KnowledgeGraphData } from "./from-quads.ts";
import type {
  ClaimNode,
  DocumentNode,
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

export class KnowledgeGraph {
  readonly graph: KnowledgeGraphData;
  readonly predicateLabels: ReadonlyMap<string, string>;
  readonly skipped: readonly string[];
  /** The prefixes used to show IRIs short (the data's own, then claimgraph's). */
  readonly prefixMap: Readonly<Record<string, string>>;
  /** Normalised names (labels and synonyms) → entity IRIs. */
  readonly names = new Map<string, string[]>();
  /** Reference number → reference IRIs (one per document that uses the number). */
  readonly referencesByNumber = new Map<number, string[]>();
  /** Lower-cased identifier ("pmid:12183009", also "12183009") → work or entity IRIs. */
  readonly identifiers = new Map<string, string[]>();
  private readonly prefixes: Array<[string, string]>;
  /** The indexes built so far, by kind (see `index`). */
  private readonly indexes = new Map<GraphIndex<unknown>, unknown>();

  constructor(build: GraphBuild, prefixes: Record<string, string> = {}) {
    this.graph = build.graph;
    this.predicateLabels = build.predicateLabels;
    this.skipped = build.skipped;
    this.prefixMap = { ...PREFIXES, ...kbPrefixes(DEFAULT_BASE_IRI), ...prefixes };
    this.prefixes = Object.entries(this.prefixMap).sort((a, b) => b[1].length - a[1].length);
    this.graph.forEachNode((iri, a) => {
      if (a.kind === "entity") {
        for (const name of [a.label, ...a.synonyms]) push(this.names, normaliseLabel(name), iri);
      }
      if (a.kind === "reference" && a.number !== undefined)
        push(this.referencesByNumber, a.number, iri);
      if (a.kind === "work" || a.kind === "entity") {
        for (const id of a.identifiers) {
          push(this.identifiers, id.curie.toLowerCase(), iri);
          push(this.identifiers, `${id.scheme}:${id.id}`.toLowerCase(), iri);
          push(this.identifiers, id.id.toLowerCase(), iri);
        }
      }
    });
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
    return this.graph.getAttribute("warnings") ?? [];
  }

  /** Claims whose statements disagree, by claim and property (see conflicts.ts). */
  get conflicts(): readonly Conflict[] {
    return this.graph.getAttribute("conflicts") ?? [];
  }

  node(iri: string | undefined): NodeAttributes | undefined {
    return iri !== undefined && this.graph.hasNode(iri)
      ? this.graph.getNodeAttributes(iri)
      : undefined;
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
    this.graph.forEachInEdge(iri, (_, e, source) => {
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
    this.graph.forEachInEdge(iri, (_, e, source) => {
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
    this.graph.forEachInEdge(work, (_, e, source) => {
      const r = this.reference(source);
      if (e.kind === "refersTo" && r) out.push(r);
    });
    return out.sort((a, b) => (a.number ?? 0) - (b.number ?? 0) || (a.iri < b.iri ? -1 : 1));
  }
}

function push<K>(map: Map<K, string[]>, key: K, value: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

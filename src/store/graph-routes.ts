/**
 * Which graph of the store each named graph of a knowledge base goes to (see `graphs.ts` for
 * the layout). A nanopublication's four graphs go to its document's graph, which only its
 * provenance names: the router learns the documents as the quads go by (`note`), and tells a
 * nanopublication's target once they are all read (`target`). Routes are worked out from the
 * graph's name alone, and only the last one is kept: a file holds each graph's quads together,
 * and a knowledge base of ten million triples names a few million graphs.
 */
import type { Quad } from "@rdfjs/types";
import { AGREEMENT_GRAPH_NAME } from "../agreement/rdf.ts";
import { ownString } from "../base/own-string.ts";
import { DEFAULT_BASE_IRI, PROV } from "../rdf/vocab/vocabulary.ts";

/** `<base>np/<claim>.head`, or with a trusty URI `<base>np/<claim>.RA<code>#head` (rdf/write/trusty.ts). */
const NANOPUB_GRAPH =
  /^(.+\/)np\/([^/#]+?)(\.RA[A-Za-z0-9_-]{43})?[.#](?:head|assertion|provenance|pubinfo)$/;
const KB_GRAPH = /^(.+\/)graph\/([^/]+)$/;

/** Where a graph's triples go, by the graph's name. */
export type Route =
  /** A nanopublication's graph: its document is known only once its provenance is read. */
  | {
      readonly kind: "nanopub";
      readonly base: string;
      /** The nanopublication, `<base>np/<claim>` (with its trusty code): the key of its graphs. */
      readonly node: string;
      readonly claim: string;
    }
  /** Any other graph, the default graph included, under the target's name. */
  | { readonly kind: "graph"; readonly target: string; readonly agreement: boolean }
  /** The default graph: its target is named once the data's base is known. */
  | { readonly kind: "default" };

export class GraphRouter {
  private last: { readonly graph: string; readonly route: Route } | undefined;
  /** `np → document` from publication info, and from the claims' provenance (the fallback). */
  private readonly documents = new Map<string, string>();
  private readonly documentsFromClaims = new Map<string, string>();
  private base: string | undefined;
  /** Frozen once the first reading is done: the documents are known, and stay as they are. */
  private frozen = false;
  /** The bases met, each kept once. */
  private readonly bases = new Map<string, string>();

  constructor(private readonly baseGraph?: string | undefined) {}

  /** From now on, the documents learnt stay as they are. */
  freeze(): void {
    this.frozen = true;
  }

  /** The quad's route; learns, from a nanopublication's provenance, the document it is from. */
  route(q: Quad): Route {
    if (q.graph.termType !== "NamedNode") return { kind: "default" };
    const route = this.routeOf(q.graph.value);
    if (
      !this.frozen &&
      route.kind === "nanopub" &&
      q.predicate.value === PROV.wasDerivedFrom.value &&
      q.object.termType === "NamedNode"
    )
      this.noteDocument(route, q.subject.value, q.object.value);
    return route;
  }

  /** The route's graph in the store: for a nanopublication, its document's (once all is read). */
  target(route: Route): string {
    if (route.kind === "graph") return route.target;
    const base = this.baseGraph ?? this.base;
    if (route.kind === "default") return `${base ?? `${DEFAULT_BASE_IRI}graph/`}default`;
    const doc =
      this.documents.get(route.node) ??
      this.documentsFromClaims.get(route.node) ??
      route.claim.split(".")[0] ??
      route.claim;
    return `${this.baseGraph ?? `${route.base}graph/`}${doc}`;
  }

  /** Whether the store's graph is an agreement graph (written after the graphs it names). */
  isAgreement(route: Route): boolean {
    return route.kind === "graph" && route.agreement;
  }

  private routeOf(graph: string): Route {
    if (this.last?.graph === graph) return this.last.route;
    let route: Route;
    // Routes, and the names they hold, outlive the text they were read from: each is a string
    // of its own (`ownString`), so that a router keeps no piece of a file alive.
    const np = NANOPUB_GRAPH.exec(graph);
    if (np) {
      const base = this.baseOf(np[1] as string);
      const claim = ownString(np[2] as string);
      this.base ??= ownString(`${base}graph/`);
      route = { kind: "nanopub", base, node: ownString(`${base}np/${claim}${np[3] ?? ""}`), claim };
    } else {
      const kb = KB_GRAPH.exec(graph);
      if (kb) this.base ??= ownString(`${kb[1]}graph/`);
      route = {
        kind: "graph",
        target: ownString(kb ? `${this.baseGraph ?? `${kb[1]}graph/`}${kb[2]}` : graph),
        agreement: kb?.[2] === AGREEMENT_GRAPH_NAME,
      };
    }
    this.last = { graph: ownString(graph), route };
    return route;
  }

  /** The base, one string for all its nanopublications. */
  private baseOf(text: string): string {
    let base = this.bases.get(text);
    if (base === undefined) {
      base = ownString(text);
      this.bases.set(base, base);
    }
    return base;
  }

  /**
   * The document of a nanopublication, from its publication info (`np prov:wasDerivedFrom
   * <base>doc/<id>`) or, failing that, its claim's provenance (`<base>claim/<claim> …`).
   */
  private noteDocument(route: Route & { kind: "nanopub" }, subject: string, object: string): void {
    const prefix = `${route.base}doc/`;
    if (!object.startsWith(prefix)) return;
    const doc = ownString(object.slice(prefix.length));
    if (doc === "" || doc.includes("/") || doc.includes(".")) return;
    if (subject === route.node) this.documents.set(route.node, doc);
    else if (subject === `${route.base}claim/${route.claim}`)
      this.documentsFromClaims.set(route.node, doc);
  }
}

/** The key a route is counted under while the documents are not all known. */
export function routeKey(route: Route): string {
  if (route.kind === "nanopub") return route.node;
  if (route.kind === "graph") return route.target;
  return "";
}

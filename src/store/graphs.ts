/**
 * How a knowledge base is laid out in a triple store: one named graph per document, holding
 * the document's own graph and every graph of its claims' nanopublications, and the shared
 * graph (entities, works), and the agreement graph (assertions and conflicts across documents,
 * #15) last, after the claims it names. A store then holds a handful of graphs, not four per claim, and
 * replacing a document replaces all of it. Each graph is written as distinct N-Triples lines
 * (in the order first read) cut into request bodies of bounded size.
 */
import type { Quad } from "@rdfjs/types";
import { Writer } from "n3";
import { AGREEMENT_GRAPH_NAME } from "../agreement/rdf.ts";
import { DEFAULT_BASE_IRI, PROV, RDF } from "../rdf/vocab/vocabulary.ts";
import { StoreError } from "./errors.ts";

export interface GraphGroup {
  /** The graph's name in the store. */
  readonly graph: string;
  /** Distinct N-Triples lines (each ending in "\n"), in the order first read. */
  readonly lines: readonly string[];
  /** Whether some line holds a blank node (those cannot be split across requests). */
  readonly blankNodes: boolean;
}

/** `<base>np/<claim>.head`, or with a trusty URI `<base>np/<claim>.RA<code>#head` (rdf/write/trusty.ts). */
const NANOPUB_GRAPH =
  /^(.+\/)np\/([^/#]+?)(\.RA[A-Za-z0-9_-]{43})?[.#](?:head|assertion|provenance|pubinfo)$/;
const KB_GRAPH = /^(.+\/)graph\/([^/]+)$/;

/** Where a named graph's triples go, decided once per graph name. */
type Route =
  /** A nanopublication's graph: its document is known only once its provenance is read. */
  | {
      readonly kind: "nanopub";
      readonly base: string;
      readonly node: string;
      readonly claim: string;
    }
  /** Any other named graph, under the target's name. */
  | { readonly kind: "graph"; readonly target: string };

interface Lines {
  readonly lines: Set<string>;
  blankNodes: boolean;
}

/**
 * Gathers quads, one at a time, into the graphs a store is given (see `groupGraphs`).
 * `add` takes the quad and, when the caller has it, the quad's N-Triples line: the line of
 * an N-Quads file without its graph term, which spares serialising the terms again.
 */
export class GraphGrouper {
  private readonly writer = new Writer({ format: "N-Triples" });
  private readonly routes = new Map<string, Route>();
  /** Lines by nanopublication node (`<base>np/<claim>`) or by target graph name. */
  private readonly nanopubs = new Map<
    string,
    Lines & { readonly route: Route & { kind: "nanopub" } }
  >();
  private readonly targets = new Map<string, Lines>();
  private readonly defaults: Lines = { lines: new Set(), blankNodes: false };
  /** `np → document` from publication info, and from the claims' provenance (the fallback). */
  private readonly documents = new Map<string, string>();
  private readonly documentsFromClaims = new Map<string, string>();
  private defaultBase: string | undefined;
  /** The agreement graphs' names in the store (`<base>graph/agreement`). */
  private readonly agreements = new Set<string>();

  constructor(private readonly baseGraph?: string | undefined) {}

  add(q: Quad, line?: string): void {
    const text =
      line ?? `${this.writer.quadToString(q.subject, q.predicate, q.object).trimEnd()}\n`;
    const blank = q.subject.termType === "BlankNode" || q.object.termType === "BlankNode";
    if (q.graph.termType !== "NamedNode") {
      this.defaults.lines.add(text);
      if (blank) this.defaults.blankNodes = true;
      return;
    }
    const route = this.route(q.graph.value);
    let into: Lines;
    if (route.kind === "nanopub") {
      let np = this.nanopubs.get(route.node);
      if (!np) {
        np = { lines: new Set(), blankNodes: false, route };
        this.nanopubs.set(route.node, np);
      }
      into = np;
      if (q.predicate.value === PROV.wasDerivedFrom.value && q.object.termType === "NamedNode")
        this.noteDocument(route, q.subject.value, q.object.value);
    } else {
      let target = this.targets.get(route.target);
      if (!target) {
        target = { lines: new Set(), blankNodes: false };
        this.targets.set(route.target, target);
      }
      into = target;
    }
    into.lines.add(text);
    if (blank) into.blankNodes = true;
  }

  /** The graphs, sorted by name (the agreement graph last), each with its lines in the order first read. */
  groups(): GraphGroup[] {
    const out = new Map<string, Lines>();
    const merge = (name: string, from: Lines) => {
      const into = out.get(name);
      if (!into) {
        out.set(name, { lines: new Set(from.lines), blankNodes: from.blankNodes });
        return;
      }
      for (const l of from.lines) into.lines.add(l);
      if (from.blankNodes) into.blankNodes = true;
    };
    for (const [name, lines] of this.targets) merge(name, lines);
    for (const [node, np] of this.nanopubs) {
      const doc =
        this.documents.get(node) ??
        this.documentsFromClaims.get(node) ??
        np.route.claim.split(".")[0] ??
        np.route.claim;
      merge(`${this.baseGraph ?? `${np.route.base}graph/`}${doc}`, np);
    }
    if (this.defaults.lines.size > 0) {
      merge(
        `${this.baseGraph ?? this.defaultBase ?? `${DEFAULT_BASE_IRI}graph/`}default`,
        this.defaults,
      );
    }
    // The agreement graph names the claims of the others: it lands after them.
    const last = (name: string) => (this.agreements.has(name) ? 1 : 0);
    return [...out]
      .sort((a, b) => last(a[0]) - last(b[0]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([graph, g]) => ({ graph, lines: [...g.lines], blankNodes: g.blankNodes }));
  }

  private route(graph: string): Route {
    let route = this.routes.get(graph);
    if (route) return route;
    const np = NANOPUB_GRAPH.exec(graph);
    if (np) {
      const base = np[1] as string;
      const claim = np[2] as string;
      this.defaultBase ??= `${base}graph/`;
      route = { kind: "nanopub", base, node: `${base}np/${claim}${np[3] ?? ""}`, claim };
    } else {
      const kb = KB_GRAPH.exec(graph);
      if (kb) this.defaultBase ??= `${kb[1]}graph/`;
      route = {
        kind: "graph",
        target: kb ? `${this.baseGraph ?? `${kb[1]}graph/`}${kb[2]}` : graph,
      };
      if (kb?.[2] === AGREEMENT_GRAPH_NAME) this.agreements.add(route.target);
    }
    this.routes.set(graph, route);
    return route;
  }

  /**
   * The document of a nanopublication, from its publication info (`np prov:wasDerivedFrom
   * <base>doc/<id>`) or, failing that, its claim's provenance (`<base>claim/<claim> …`).
   */
  private noteDocument(route: Route & { kind: "nanopub" }, subject: string, object: string): void {
    const prefix = `${route.base}doc/`;
    if (!object.startsWith(prefix)) return;
    const doc = object.slice(prefix.length);
    if (doc === "" || doc.includes("/") || doc.includes(".")) return;
    if (subject === route.node) this.documents.set(route.node, doc);
    else if (subject === `${route.base}claim/${route.claim}`)
      this.documentsFromClaims.set(route.node, doc);
  }
}

/**
 * Groups `quads` into the graphs to write. `baseGraph` is the prefix of their names
 * (default: the data's own `<base>graph/`). Nanopublication graphs go to their document's
 * graph; other named graphs under `<base>graph/` keep their local name; any other named
 * graph keeps its name; triples in the default graph go to `<baseGraph>default`.
 */
export function groupGraphs(quads: Iterable<Quad>, baseGraph?: string): GraphGroup[] {
  const grouper = new GraphGrouper(baseGraph);
  for (const q of quads) grouper.add(q);
  return grouper.groups();
}

/**
 * The first line of every body: it makes the body Turtle (N-Triples lines are Turtle) and
 * lets Virtuoso, which sniffs a body's start, tell it from plain text.
 */
export const BODY_HEADER = `@prefix rdf: <${RDF.iri}> .\n`;

/** Cuts a graph's lines into bodies of at most `maxBytes` bytes, each starting with the header. */
export function chunkLines(group: GraphGroup, maxBytes: number, url: string): string[] {
  const header = Buffer.byteLength(BODY_HEADER);
  const bodies: string[] = [];
  let current: string[] = [];
  let size = header;
  for (const line of group.lines) {
    const bytes = Buffer.byteLength(line);
    if (header + bytes > maxBytes) {
      throw new StoreError(
        `graph <${group.graph}> holds a triple of ${bytes} bytes, more than the ${maxBytes} bytes a request may carry`,
        { url, graph: group.graph, hint: "raise the request size limit (maxBytes)" },
      );
    }
    if (size + bytes > maxBytes && current.length > 0) {
      bodies.push(BODY_HEADER + current.join(""));
      current = [];
      size = header;
    }
    current.push(line);
    size += bytes;
  }
  if (current.length > 0) bodies.push(BODY_HEADER + current.join(""));
  if (bodies.length > 1 && group.blankNodes) {
    throw new StoreError(
      `graph <${group.graph}> holds blank nodes and needs ${bodies.length} requests: a blank node split across requests would become several`,
      {
        url,
        graph: group.graph,
        hint: "raise maxBytes so the graph goes in one request, or name the nodes with IRIs",
      },
    );
  }
  return bodies;
}

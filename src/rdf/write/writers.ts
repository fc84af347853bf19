/**
 * Streaming writers for Turtle, TriG, N-Quads and JSON-LD. The dataset arrives in
 * sections (one per document, then the shared graph), each sorted; a writer turns each
 * section into text on its own, so a build can write a thousand documents without
 * holding them all, and the same sections always give the same bytes. Written for
 * speed over generality: claimgraph's terms are IRIs and literals (no blank nodes).
 */
import type { Quad, Term } from "@rdfjs/types";
import type { Format } from "../vocab/formats.ts";
import { RDF, XSD } from "../vocab/vocabulary.ts";
import { jsonLdWriter } from "./jsonld-writer.ts";
import { type SectionWriter, WHOLE_SECTION } from "./section-writer.ts";
import { SeenTriples } from "./seen-triples.ts";

export type { SectionWriter, SlicePlace } from "./section-writer.ts";
export { WHOLE_SECTION } from "./section-writer.ts";

export function writerFor(
  format: Format,
  prefixes: Readonly<Record<string, string>>,
): SectionWriter {
  switch (format) {
    case "nquads":
      return nquadsWriter();
    case "turtle":
      return turtleWriter(prefixes);
    case "trig":
      return trigWriter(prefixes);
    case "jsonld":
      return jsonLdWriter(prefixes);
  }
}

export function writeSections(
  sections: Iterable<readonly Quad[]>,
  format: Format,
  prefixes: Readonly<Record<string, string>>,
): string {
  const w = writerFor(format, prefixes);
  let out = w.begin();
  for (const s of sections) out += w.section(s);
  return out + w.end();
}

const XSD_STRING = XSD.string.value;
const XSD_INTEGER = XSD.integer.value;
const XSD_BOOLEAN = XSD.boolean.value;
const RDF_TYPE = RDF.type.value;

/** Escapes for a string literal's body (Turtle and N-Triples share them). */
export function escapeString(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be escaped
  return value.replace(/["\\\u0000-\u001f\u007f]/g, (c) => {
    switch (c) {
      case '"':
        return '\\"';
      case "\\":
        return "\\\\";
      case "\n":
        return "\\n";
      case "\r":
        return "\\r";
      case "\t":
        return "\\t";
      case "\b":
        return "\\b";
      case "\f":
        return "\\f";
      default:
        return `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
    }
  });
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: IRIREF forbids control characters
const FORBIDDEN_IN_IRI = /[\u0000-\u0020<>"{}|^`\\]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: IRIREF forbids control characters
const FORBIDDEN_IN_IRI_ALL = /[\u0000-\u0020<>"{}|^`\\]/g;

/** An IRI between angle brackets, with the characters IRIREF forbids written as \u escapes. */
export function iriRef(iri: string): string {
  if (!FORBIDDEN_IN_IRI.test(iri)) return `<${iri}>`;
  return `<${iri.replace(FORBIDDEN_IN_IRI_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`)}>`;
}

/** A memo for the text of IRIs, which repeat a lot within a section. */
function memo(make: (iri: string) => string, limit = 100_000): (iri: string) => string {
  const cache = new Map<string, string>();
  return (iri) => {
    let hit = cache.get(iri);
    if (hit === undefined) {
      hit = make(iri);
      if (cache.size >= limit) cache.clear();
      cache.set(iri, hit);
    }
    return hit;
  };
}

function ntriplesTerm(t: Term, iri: (value: string) => string = iriRef): string {
  if (t.termType === "Literal") {
    const body = `"${escapeString(t.value)}"`;
    if (t.language) return `${body}@${t.language}`;
    return t.datatype.value === XSD_STRING ? body : `${body}^^${iri(t.datatype.value)}`;
  }
  if (t.termType === "BlankNode") return `_:${t.value}`;
  return iri(t.value);
}

function nquadsWriter(): SectionWriter {
  const iri = memo(iriRef);
  return {
    begin: () => "",
    section: (quads) => {
      const lines: string[] = [];
      for (const q of quads) {
        const g = q.graph.termType === "DefaultGraph" ? "" : ` ${ntriplesTerm(q.graph, iri)}`;
        lines.push(
          `${ntriplesTerm(q.subject, iri)} ${iri(q.predicate.value)} ${ntriplesTerm(q.object, iri)}${g} .\n`,
        );
      }
      return lines.join("");
    },
    end: () => "",
  };
}

/** A PN_LOCAL that every parser we test with accepts: ASCII, no escapes, not ending in ".". */
const LOCAL = /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$/;

class Names {
  private readonly byLength: Array<[string, string]>;
  private readonly cache = new Map<string, string>();

  constructor(prefixes: Readonly<Record<string, string>>) {
    this.byLength = Object.entries(prefixes).sort((a, b) => b[1].length - a[1].length);
  }

  iri(iri: string): string {
    const hit = this.cache.get(iri);
    if (hit !== undefined) return hit;
    let out = iriRef(iri);
    for (const [prefix, ns] of this.byLength) {
      if (iri.startsWith(ns) && LOCAL.test(iri.slice(ns.length))) {
        out = `${prefix}:${iri.slice(ns.length)}`;
        break;
      }
    }
    if (this.cache.size < 200_000) this.cache.set(iri, out);
    return out;
  }

  term(t: Term): string {
    if (t.termType === "NamedNode") return this.iri(t.value);
    if (t.termType === "BlankNode") return `_:${t.value}`;
    if (t.termType !== "Literal") return "";
    const dt = t.datatype.value;
    if (!t.language && dt === XSD_INTEGER && /^[+-]?\d+$/.test(t.value)) return t.value;
    if (!t.language && dt === XSD_BOOLEAN && (t.value === "true" || t.value === "false"))
      return t.value;
    const body = `"${escapeString(t.value)}"`;
    if (t.language) return `${body}@${t.language}`;
    return dt === XSD_STRING ? body : `${body}^^${this.iri(dt)}`;
  }
}

function prefixLines(prefixes: Readonly<Record<string, string>>): string {
  return `${Object.entries(prefixes)
    .map(([p, ns]) => `@prefix ${p}: ${iriRef(ns)} .\n`)
    .join("")}\n`;
}

/**
 * Triples grouped by subject (`;`) and predicate (`,`), `a` for rdf:type. Statements end
 * in " ." with a space: Virtuoso reads `1.` as a decimal and `x.1c.` as one name.
 */
function triplesBlock(triples: readonly Quad[], names: Names, indent: string): string {
  let out = "";
  let subject = "";
  let predicate = "";
  for (const t of triples) {
    const s = t.subject.value;
    const p = t.predicate.value;
    const o = names.term(t.object);
    if (s === subject && p === predicate) out += `, ${o}`;
    else if (s === subject) out += `;\n${indent}    ${p === RDF_TYPE ? "a" : names.iri(p)} ${o}`;
    else {
      if (subject !== "") out += " .\n";
      out += `${indent}${names.term(t.subject)} ${p === RDF_TYPE ? "a" : names.iri(p)} ${o}`;
    }
    subject = s;
    predicate = p;
  }
  return subject === "" ? "" : `${out} .\n`;
}

/** Graphs whose triples are nanopublication bookkeeping, left out of the Turtle view. */
export function isBookkeepingGraph(name: string): boolean {
  // `pub:c1.head`, or `pub:c1.RA…#head` with trusty URIs.
  return /[.#](?:head|pubinfo)$/.test(name);
}

/**
 * The Turtle view of a section: its triples outside the bookkeeping graphs, once each, by
 * subject (rdf:type first). Asserted triples and the shared graph's can repeat across
 * sections (two documents state one triple; a prose "X is a Y" states a membership the
 * shared graph holds): `across` remembers theirs, so the whole view has each triple once.
 */
export function turtleView(quads: readonly Quad[], across?: SeenTriples): Quad[] {
  const keyed: Array<[string, Quad]> = [];
  for (const q of quads) {
    if (isBookkeepingGraph(q.graph.value)) continue;
    const o = q.object;
    const ok =
      o.termType === "Literal" ? `"${o.value}"^^${o.datatype.value}@${o.language}` : o.value;
    keyed.push([
      `${q.subject.value}\u0001${q.predicate.value === RDF_TYPE ? "" : q.predicate.value}\u0001${ok}`,
      q,
    ]);
  }
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: Quad[] = [];
  let last = "";
  for (const [k, q] of keyed) {
    if (k === last) continue;
    last = k;
    if (across && mayRepeat(q.graph.value) && !across.firstTime(k)) continue;
    out.push(q);
  }
  return out;
}

/** Graphs whose triples another section may hold too: assertions and the shared graph. */
function mayRepeat(graph: string): boolean {
  return graph.endsWith(".assertion") || graph.endsWith("/shared") || graph.endsWith("#shared");
}

function turtleWriter(prefixes: Readonly<Record<string, string>>): SectionWriter {
  const names = new Names(prefixes);
  const across = new SeenTriples();
  let first = true;
  // The section being written has text already (a later slice of it adds no blank line).
  let open = false;
  return {
    begin: () => prefixLines(prefixes),
    section: (quads, place = WHOLE_SECTION) => {
      if (place.first) open = false;
      const block = triplesBlock(turtleView(quads, across), names, "");
      if (block === "") return "";
      const text = first || open ? block : `\n${block}`;
      first = false;
      open = true;
      return text;
    },
    end: () => "",
  };
}

function trigWriter(prefixes: Readonly<Record<string, string>>): SectionWriter {
  const names = new Names(prefixes);
  // The named graph whose block a slice left open, for the next slice to go on with.
  let open: string | undefined;
  return {
    begin: () => prefixLines(prefixes),
    section: (quads, place = WHOLE_SECTION) => {
      let out = "";
      let start = 0;
      for (let i = 1; i <= quads.length; i++) {
        if (
          i < quads.length &&
          (quads[i] as Quad).graph.value === (quads[start] as Quad).graph.value
        )
          continue;
        const g = (quads[start] as Quad).graph;
        if (open !== undefined && open !== g.value) out += "}\n";
        if (g.termType !== "DefaultGraph" && open !== g.value) out += `${names.term(g)} {\n`;
        out += triplesBlock(quads.slice(start, i), names, "  ");
        open = g.termType === "DefaultGraph" ? undefined : g.value;
        start = i;
      }
      if (place.last && open !== undefined) out += "}\n";
      if (place.last) open = undefined;
      return out;
    },
    end: () => "",
  };
}

/**
 * Trusty URIs for nanopublications (Kuhn & Dumontier, "Trusty URIs", ESWC 2014; module RA:
 * RDF graphs). A nanopublication `pub:c1` with graphs `pub:c1.head` … `pub:c1.pubinfo` becomes
 * `pub:c1.RA<hash>` with graphs `pub:c1.RA<hash>#head` …, where the hash is the SHA-256 of the
 * nanopublication's normal form, in base64url without padding (43 characters).
 *
 * The normal form, as the spec and its reference implementations have it: each IRI of the
 * nanopublication's own is written with a space where the artifact code goes (`…/c1. ` and
 * `…/c1. #head`); each quad is four lines (graph, subject, predicate, object), a literal
 * object being `@lang text` or `^datatype text` with `\` and newlines escaped; the quads are
 * sorted by graph, subject, predicate, language, datatype and object, compared as UTF-8
 * bytes. Blank nodes would need skolemising first; claimgraph writes none.
 */
import { createHash } from "node:crypto";
import type { NamedNode, Quad, Term } from "@rdfjs/types";
import { DataFactory } from "n3";

const { namedNode, quad } = DataFactory;

/** The graphs of a nanopublication, as `Iris.nanopub` names them (`<np>.<part>`). */
const PARTS = new Set(["head", "assertion", "provenance", "pubinfo"]);

/** The IRI a nanopublication's own IRI becomes under artifact code `code` (" " in the normal form). */
function renamed(iri: string, np: string, code: string): string {
  if (iri === np) return `${np}.${code}`;
  if (iri.startsWith(`${np}.`) && PARTS.has(iri.slice(np.length + 1)))
    return `${np}.${code}#${iri.slice(np.length + 1)}`;
  return iri;
}

interface NormalQuad {
  readonly fields: readonly [string, string, string, string, string, string];
  readonly text: string;
}

function normalTerm(term: Term, np: string): string {
  if (term.termType === "NamedNode") return renamed(term.value, np, " ");
  throw new Error(`trusty URIs: ${term.termType} ${term.value} in nanopublication ${np}`);
}

function normalQuad(q: Quad, np: string): NormalQuad {
  const graph = normalTerm(q.graph, np);
  const subject = normalTerm(q.subject, np);
  const predicate = normalTerm(q.predicate, np);
  const o = q.object;
  if (o.termType !== "Literal") {
    const object = normalTerm(o, np);
    return {
      fields: [graph, subject, predicate, "", "", object],
      text: `${graph}\n${subject}\n${predicate}\n${object}\n`,
    };
  }
  const value = o.value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
  const shown = o.language ? `@${o.language} ${value}` : `^${o.datatype.value} ${value}`;
  return {
    fields: [graph, subject, predicate, o.language, o.datatype.value, value],
    text: `${graph}\n${subject}\n${predicate}\n${shown}\n`,
  };
}

/** A UTF-16 code unit, moved so that code-unit order is code-point (and so UTF-8 byte) order. */
function codePointRank(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}

/** Compares two strings as their UTF-8 bytes would compare. */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

function compareNormal(a: NormalQuad, b: NormalQuad): number {
  for (let i = 0; i < 6; i++) {
    const c = compareUtf8(a.fields[i] as string, b.fields[i] as string);
    if (c !== 0) return c;
  }
  return 0;
}

/** The artifact code (`RA` and 43 base64url characters) of the nanopublication `np`'s quads. */
export function artifactCode(quads: readonly Quad[], np: string): string {
  const normal = quads.map((q) => normalQuad(q, np)).sort(compareNormal);
  const hash = createHash("sha256");
  let last = "";
  for (const q of normal) {
    // A dataset is a set: a quad written twice is hashed once.
    if (q.text !== last) hash.update(q.text, "utf8");
    last = q.text;
  }
  return `RA${hash.digest("base64url")}`;
}

/** The nanopublication `np`'s quads with its IRIs (the pub IRI and its graphs) made trusty. */
export function trustyNanopub(quads: readonly Quad[], np: NamedNode): Quad[] {
  const code = artifactCode(quads, np.value);
  const term = <T extends Term>(t: T): T =>
    (t.termType === "NamedNode" ? namedNode(renamed(t.value, np.value, code)) : t) as T;
  return quads.map((q) => quad(term(q.subject), term(q.predicate), term(q.object), term(q.graph)));
}

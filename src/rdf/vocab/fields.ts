/**
 * The building blocks of the vocabulary table (`records.ts`): what a record of the model is
 * in RDF (its classes and the named graph it is written to) and what each of its fields is
 * (predicate, term kind, cardinality). `rdf/write/write-row.ts` and `rdf/read/read-row.ts`
 * interpret the same table, and `Row` derives the TypeScript shape of a record from it, so the shape is written once.
 */
import type { NamedNode } from "@rdfjs/types";

/**
 * How a field's value is written as an RDF term:
 * - `iri`: a node, given as its IRI; `individual`: a cg: individual, given by its local name;
 * - `string`: a plain literal; `integer` (xsd:integer) and `count` (xsd:nonNegativeInteger):
 *   a number; `decimal`: xsd:decimal, kept as its lexical form ("10");
 * - `boolean`: xsd:boolean, always stated; `flag`: xsd:boolean, stated only when true;
 * - `date`: an ISO 8601 date, typed by its form (xsd:dateTime, xsd:date or xsd:gYearMonth);
 * - `term`: an IRI or a plain literal (a claim's object);
 * - `node`: a nested node (an n-ary statement, a selector, a study arm) described by a record.
 */
export type Kind =
  | "iri"
  | "individual"
  | "string"
  | "integer"
  | "count"
  | "decimal"
  | "boolean"
  | "flag"
  | "date"
  | "term"
  | "node";

/** `optional`: at most one (the least is read); `required`: the record is rejected without it. */
export type Cardinality = "optional" | "required" | "many";

/** The named graph a record's statements go to (see `rdf/write/quads.ts` for each graph's IRI). */
export type Placement = "document" | "shared" | "head" | "assertion" | "provenance" | "pubinfo";

export interface Field {
  readonly p: NamedNode;
  readonly kind: Kind;
  readonly card: Cardinality;
  /** Two values of it are a conflict the audit reports (graph/conflicts.ts). */
  readonly checked?: boolean;
  /** For `individual` on rdf:type: the classes it is chosen among, and the one when none is. */
  readonly among?: readonly string[];
  readonly fallback?: string;
  /** For `node`: the records the nested node may be; several are told apart by rdf:type. */
  readonly records?: readonly RecordSpec[];
}

export interface RecordSpec {
  /** The record's name: its class's local name, or what the node is. */
  readonly name: string;
  /** The rdf:types every node of the record is written with. */
  readonly types: readonly NamedNode[];
  readonly graph: Placement;
  /** A node of this record, among its siblings, is the one that states this field. */
  readonly key?: string;
  readonly fields: Readonly<Record<string, Field>>;
}

export type ObjectValue = { readonly iri: string } | { readonly literal: string };

type Scalar<F extends Field> = F["kind"] extends "integer" | "count"
  ? number
  : F["kind"] extends "boolean" | "flag"
    ? boolean
    : F["kind"] extends "term"
      ? ObjectValue
      : F["kind"] extends "node"
        ? NodeValue<F>
        : string;

/** A nested node's value: its IRI and its row; in a union, also which record it is. */
type NodeValue<F extends Field> = F["records"] extends readonly [infer R extends RecordSpec]
  ? { readonly iri: string } & Row<R>
  : F["records"] extends readonly (infer R extends RecordSpec)[]
    ? R extends RecordSpec
      ? { readonly iri: string; readonly type: R["name"] } & Row<R>
      : never
    : never;

type Value<F extends Field> = F["card"] extends "many"
  ? readonly Scalar<F>[]
  : F["card"] extends "required"
    ? Scalar<F>
    : F["kind"] extends "boolean" | "flag"
      ? boolean
      : F["fallback"] extends string
        ? string
        : Scalar<F> | undefined;

/** A record's values, one property per field, as the writer takes and the reader gives them. */
export type Row<R extends RecordSpec> = {
  readonly [K in keyof R["fields"]]: Value<R["fields"][K]>;
};

/** Declares a record; `const` keeps the literal kinds and cardinalities `Row` needs. */
export function record<const R extends RecordSpec>(spec: R): R {
  return spec;
}

const field =
  <const K extends Kind>(kind: K) =>
  (p: NamedNode) =>
    ({ p, kind, card: "optional" }) as const;

export const iri = field("iri");
export const individual = field("individual");
export const string = field("string");
export const integer = field("integer");
export const count = field("count");
export const decimal = field("decimal");
export const boolean = field("boolean");
export const flag = field("flag");
export const date = field("date");
export const term = field("term");

export function node<const R extends readonly RecordSpec[]>(p: NamedNode, ...records: R) {
  return { p, kind: "node", card: "optional", records } as const;
}

export function many<const F extends Field>(f: F): Omit<F, "card"> & { readonly card: "many" } {
  return { ...f, card: "many" };
}

export function required<const F extends Field>(
  f: F,
): Omit<F, "card"> & { readonly card: "required" } {
  return { ...f, card: "required" };
}

export function checked<const F extends Field>(f: F): F & { readonly checked: true } {
  return { ...f, checked: true };
}

/** rdf:type read as one of `among` (in the data's order), else `fallback`. */
export function classAmong<const A extends readonly string[], const D extends string>(
  p: NamedNode,
  among: A,
  fallback: D,
) {
  return { p, kind: "individual", card: "optional", among, fallback } as const;
}

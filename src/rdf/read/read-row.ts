/**
 * Reads a record's row from a subject's statements, as the vocabulary table says: each field
 * by its kind and cardinality. One value where the data states several is the least (so any
 * order of the quads reads the same); many values come sorted. A record missing a required
 * field is not read (undefined); a nested node is read from its own subject's statements.
 */

import type { Field, RecordSpec, Row } from "../vocab/fields.ts";
import { CG, RDF } from "../vocab/vocabulary.ts";

/** A statement's object as the reader keeps it: its term type and value. */
export interface Stated {
  readonly termType: string;
  readonly value: string;
}

/** A subject's statements by predicate IRI. */
export type Props = ReadonlyMap<string, readonly Stated[]>;
export type Subjects = ReadonlyMap<string, Props>;

/**
 * How a record is read, worked out once rather than per row: its fields as [name, field,
 * predicate IRI], and a row of what each field reads as when it is not stated (most are not),
 * copied for each row so that its properties are made in one go, in the fields' order.
 */
interface Reading {
  readonly fields: readonly (readonly [string, Field, string])[];
  readonly blank: Readonly<Record<string, unknown>>;
}

const READINGS = new WeakMap<RecordSpec, Reading>();

function readingOf(rec: RecordSpec): Reading {
  let reading = READINGS.get(rec);
  if (reading === undefined) {
    const fields = Object.entries(rec.fields).map(([name, f]) => [name, f, f.p.value] as const);
    // A list is made anew for each row (a caller may keep it): the blank row holds none.
    const blank = Object.fromEntries(
      fields.map(([name, f]) => [name, Array.isArray(unstated(f)) ? undefined : unstated(f)]),
    );
    reading = { fields, blank };
    READINGS.set(rec, reading);
  }
  return reading;
}

export function readRow<R extends RecordSpec>(
  rec: R,
  props: Props | undefined,
  subjects: Subjects,
): Row<R> | undefined {
  const { fields, blank } = readingOf(rec);
  const out: Record<string, unknown> = { ...blank };
  for (const [name, field, p] of fields) {
    const values = props?.get(p);
    if (values === undefined) {
      if (field.card === "many") out[name] = [];
      else if (field.card === "required" && blank[name] === undefined) return undefined;
      continue;
    }
    const value = readValues(field, values, subjects);
    if (value === undefined && field.card === "required") return undefined;
    out[name] = value;
  }
  return out as Row<R>;
}

export function readField(field: Field, props: Props | undefined, subjects: Subjects): unknown {
  const values = props?.get(field.p.value);
  return values === undefined ? unstated(field) : readValues(field, values, subjects);
}

/** What a field reads as when its subject states no value of it (as readValues reads []). */
function unstated(field: Field): unknown {
  if (field.kind === "node") return field.card === "many" ? [] : undefined;
  if (field.among) return field.fallback;
  if (field.card === "many") return [];
  return field.kind === "boolean" || field.kind === "flag" ? false : undefined;
}

function readValues(field: Field, values: readonly Stated[], subjects: Subjects): unknown {
  if (field.kind === "node") return readNodes(field, values, subjects);
  if (field.among) {
    const among = field.among;
    const found = values.map((v) => localName(v.value)).find((t) => among.includes(t));
    return found ?? field.fallback;
  }
  if (field.card === "many") {
    if (field.kind === "iri") return nodes(values);
    if (field.kind === "individual") return nodes(values).map(localName);
    return values.map((v) => scalar(field, v.value)).sort();
  }
  if (field.kind === "iri") return nodes(values)[0];
  if (field.kind === "individual") {
    const v = nodes(values)[0];
    return v === undefined ? undefined : localName(v);
  }
  const one = least(values);
  if (field.kind === "term")
    return one && (one.termType === "Literal" ? { literal: one.value } : { iri: one.value });
  if (field.kind === "boolean" || field.kind === "flag")
    return one?.value === "true" || one?.value === "1";
  return one === undefined ? undefined : scalar(field, one.value);
}

function scalar(field: Field, value: string): string | number | undefined {
  if (field.kind !== "integer" && field.kind !== "count") return value;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** The nested nodes a field names, each read by its record (in a union, the one its type names). */
function readNodes(field: Field, values: readonly Stated[], subjects: Subjects): unknown {
  const records = field.records ?? [];
  const union = records.length > 1;
  const out: Record<string, unknown>[] = [];
  for (const iri of nodes(values)) {
    const props = subjects.get(iri);
    const rec = union ? recordOf(records, props) : records[0];
    if (!rec || (rec.key !== undefined && !states(props, rec, rec.key))) continue;
    const row = readRow(rec, props, subjects);
    if (!row) continue;
    out.push(union ? { iri, type: rec.name, ...row } : { iri, ...row });
    if (field.card !== "many") return out[0];
  }
  return field.card === "many" ? out : undefined;
}

function recordOf(
  records: readonly RecordSpec[],
  props: Props | undefined,
): RecordSpec | undefined {
  const types = new Set((props?.get(RDF.type.value) ?? []).map((t) => t.value));
  return records.find((r) => r.types.some((t) => types.has(t.value)));
}

function states(props: Props | undefined, rec: RecordSpec, name: string): boolean {
  const field = rec.fields[name];
  return field !== undefined && (props?.get(field.p.value)?.length ?? 0) > 0;
}

/** The nodes among some values (IRIs and blank nodes: a quote may be written `[ … ]`), sorted. */
function nodes(values: readonly Stated[]): string[] {
  if (values.length === 1) {
    const t = values[0] as Stated;
    return t.termType === "NamedNode" || t.termType === "BlankNode" ? [t.value] : [];
  }
  return values
    .filter((t) => t.termType === "NamedNode" || t.termType === "BlankNode")
    .map((t) => t.value)
    .sort();
}

/** A cg: IRI's local name; any other IRI whole. */
export function localName(iri: string): string {
  return iri.startsWith(CG.iri) ? iri.slice(CG.iri.length) : iri;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The least of some values (by kind, then value), or the one value: most have one. */
export function least<T extends Stated>(values: readonly T[]): T | undefined {
  let min = values[0];
  for (let i = 1; i < values.length; i++) {
    const v = values[i] as T;
    if (min && (compare(v.termType, min.termType) || compare(v.value, min.value)) < 0) min = v;
  }
  return min;
}

/** The predicates, in a record and the nodes it nests, whose second value is a conflict. */
export function checkedPredicates(rec: RecordSpec, seen = new Set<RecordSpec>()): string[] {
  if (seen.has(rec)) return [];
  seen.add(rec);
  return Object.values(rec.fields).flatMap((f) => [
    ...(f.checked ? [f.p.value] : []),
    ...(f.records ?? []).flatMap((r) => checkedPredicates(r, seen)),
  ]);
}

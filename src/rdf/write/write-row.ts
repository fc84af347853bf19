/**
 * Writes a record's row as quads, as the vocabulary table says: its rdf:types, then each
 * field's value as the field's kind of term, in the record's named graph; a nested node's
 * link, then its own record. An undefined value is not written.
 */
import type { NamedNode, Quad, Quad_Object } from "@rdfjs/types";
import { DataFactory } from "n3";
import type { Field, Kind, ObjectValue, Placement, RecordSpec, Row } from "../vocab/fields.ts";
import { CG, RDF, XSD } from "../vocab/vocabulary.ts";

const { namedNode, literal, quad } = DataFactory;

/** The named graph of each placement a section writes to. */
export type Graphs = Readonly<Partial<Record<Placement, NamedNode>>>;

export function writeRow<R extends RecordSpec>(
  out: Quad[],
  rec: R,
  subject: NamedNode,
  row: Row<R>,
  graphs: Graphs,
): void {
  const graph = graphs[rec.graph];
  if (!graph) throw new Error(`writeRow: no ${rec.graph} graph to write a ${rec.name} to`);
  for (const type of rec.types) out.push(quad(subject, RDF.type, type, graph));
  const values: Readonly<Record<string, unknown>> = row;
  for (const [name, field] of Object.entries(rec.fields)) {
    const value = values[name];
    const list = field.card === "many" ? (value as readonly unknown[]) : [value];
    for (const v of list) {
      if (v === undefined) continue;
      if (field.kind === "node") writeNode(out, field, subject, v as NestedRow, graph, graphs);
      else {
        const o = toTerm(field.kind, v);
        if (o) out.push(quad(subject, field.p, o, graph));
      }
    }
  }
}

interface NestedRow {
  readonly iri: string;
  readonly type?: string;
}

function writeNode(
  out: Quad[],
  field: Field,
  subject: NamedNode,
  value: NestedRow,
  graph: NamedNode,
  graphs: Graphs,
): void {
  const records = field.records ?? [];
  const rec = records.length === 1 ? records[0] : records.find((r) => r.name === value.type);
  if (!rec) throw new Error(`writeRow: ${field.p.value} has no record ${value.type}`);
  const target = namedNode(value.iri);
  out.push(quad(subject, field.p, target, graph));
  writeRow(out, rec, target, value as unknown as Row<RecordSpec>, graphs);
}

function toTerm(kind: Kind, v: unknown): Quad_Object | undefined {
  switch (kind) {
    case "iri":
      return namedNode(v as string);
    case "individual":
      return namedNode(CG.iri + (v as string));
    case "integer":
      return literal(String(v), XSD.integer);
    case "count":
      return literal(String(v), XSD.nonNegativeInteger);
    case "decimal":
      return literal(v as string, XSD.decimal);
    case "boolean":
      return literal(String(v), XSD.boolean);
    case "flag":
      return v === true ? literal("true", XSD.boolean) : undefined;
    case "date":
      return literal(v as string, dateType(v as string));
    case "term": {
      const t = v as ObjectValue;
      return "iri" in t ? namedNode(t.iri) : literal(t.literal);
    }
    default:
      return literal(v as string);
  }
}

/** The XSD type of an ISO 8601 date by its form; other text stays a plain literal. */
function dateType(value: string): NamedNode {
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return XSD.dateTime;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return XSD.date;
  if (/^\d{4}-\d{2}$/.test(value)) return XSD.gYearMonth;
  return XSD.string;
}

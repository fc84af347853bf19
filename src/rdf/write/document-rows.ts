/**
 * A document's description graph as rows of the vocabulary table (`rdf/vocab/records.ts`): the
 * document with its discrepancies, its reference entries, its tables and its studies.
 */
import type { Quad } from "@rdfjs/types";
import type { DocumentClaims, Study } from "../../claims/types.ts";
import type { Row } from "../vocab/fields.ts";
import { toIri } from "../vocab/iri-syntax.ts";
import { type CITING, DOCUMENT, REFERENCE, STUDY, TABLE } from "../vocab/records.ts";
import type { Iris } from "./iris.ts";
import { type Graphs, writeRow } from "./write-row.ts";

export function writeDescription(
  out: Quad[],
  doc: DocumentClaims,
  iris: Iris,
  graphs: Graphs,
): void {
  const { document } = doc;
  const node = iris.document(document.id);
  const line = (offset: number) => document.source.position(offset).line;
  writeRow(out, DOCUMENT, node, documentRow(doc, iris), graphs);
  for (const ref of doc.references) {
    const row: Row<typeof REFERENCE> = {
      label: `[${ref.number}] ${ref.titleAsGiven}`,
      number: ref.number,
      title: ref.titleAsGiven,
      truncated: ref.truncated,
      host: ref.host,
      locator: ref.locator !== ref.host ? ref.locator : undefined,
      work: iris.work(ref.workKey).value,
      document: node.value,
      line: line(ref.span.start),
    };
    writeRow(out, REFERENCE, iris.reference(document.id, ref.number), row, graphs);
  }
  for (const table of document.tables) {
    const row: Row<typeof TABLE> = {
      index: table.index,
      label: `Table ${table.index}: ${table.header.map((c) => c.display.text).join(" | ")}`,
      document: node.value,
      section: table.section?.title,
      line: line(table.span.start),
    };
    writeRow(out, TABLE, iris.table(document.id, table.index), row, graphs);
  }
  for (const study of doc.studies)
    writeRow(out, STUDY, iris.study(study.id), studyRow(doc, study, iris), graphs);
}

function documentRow(doc: DocumentClaims, iris: Iris): Row<typeof DOCUMENT> {
  const { document } = doc;
  const h = document.header;
  return {
    title: h.title?.value ?? document.id,
    fileName: document.source.file.split(/[\\/]/).at(-1),
    creator: h.author?.value,
    date: h.date?.value,
    publisher: h.publisher?.value,
    // The address as a document wrote it may hold characters no IRI may (quotes, braces, bidi
    // controls): they are percent-encoded, so every reader takes the exports.
    address: h.address ? toIri(h.address.value) : undefined,
    genre: doc.genre,
    sha256: document.sha256,
    text: document.source.text,
    discrepancies: doc.discrepancies.map((d) => ({
      iri: iris.discrepancy(document.id, d.scheme).value,
      claim: iris.claim(d.claimId).value,
      statedValue: d.statedValue,
      publicValues: d.publicValues,
      sources: d.sources,
      comment: `The document gives ${d.scheme.toUpperCase()} ${d.statedValue}; public records give ${d.publicValues.join(", ")}.`,
    })),
    focus: doc.focus && iris.entity(doc.focus.id).value,
    catalogNumber: h.catalogNumber?.value,
  };
}

function studyRow(doc: DocumentClaims, study: Study, iris: Iris): Row<typeof STUDY> {
  return {
    label: study.label,
    document: iris.document(study.documentId).value,
    line: doc.document.source.position(study.quote.start).line,
    ...citing(study.citations, doc, iris),
    design: study.design,
    species: study.species,
    strain: study.strain,
    sex: study.sex,
    cellLine: study.cellLines,
    duration: study.duration,
    followUp: study.followUp,
    totalSampleSize: study.totalSampleSize,
    timePoint: study.timePoints,
    measure: study.measures,
    model: study.models.map((m) => iris.entity(m.id).value),
    arms: study.arms.map((arm) => ({
      iri: iris.arm(study.id, arm.label).value,
      label: arm.label,
      intervention: arm.intervention && iris.entity(arm.intervention.id).value,
      sampleSize: arm.sampleSize,
      dose: arm.dose || undefined,
      doseMax: arm.doseMax || undefined,
      doseApproximate: arm.doseApproximate === true,
      doseUnit: arm.doseUnit,
      route: arm.route,
      schedule: arm.schedule,
    })),
    supports: study.supports.map((id) => iris.claim(id).value),
  };
}

/**
 * A claim or study cites the works (cito:citesAsEvidence) its markers point to, through the
 * document's reference entries (cg:viaReference): `[4] [5]`, one work listed twice, cite it once.
 * A marker whose number the list lacks is kept as its number (cg:unresolvedMarker).
 */
export function citing(
  numbers: readonly number[],
  doc: DocumentClaims,
  iris: Iris,
): Row<{ name: "Citing"; types: []; graph: "document"; fields: typeof CITING }> {
  const listed = (n: number) => doc.references.some((r) => r.number === n);
  return {
    citesAsEvidence: citedWorks(numbers, doc, iris),
    viaReference: numbers.filter(listed).map((n) => iris.reference(doc.document.id, n).value),
    unresolvedMarker: numbers.filter((n) => !listed(n)),
  };
}

export function citedWorks(numbers: readonly number[], doc: DocumentClaims, iris: Iris): string[] {
  const keys = new Set<string>();
  for (const n of numbers) {
    const key = doc.references.find((r) => r.number === n)?.workKey;
    if (key !== undefined) keys.add(key);
  }
  return [...keys].map((k) => iris.work(k).value);
}

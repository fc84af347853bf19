/**
 * Golden files: readable projections of what claimgraph extracts, compared with files
 * in tests/golden/ that were reviewed by hand against the source document. Set
 * UPDATE_GOLDEN=1 to rewrite them after a deliberate change, then review the diff. Under CI
 * (CI set, and not "false" or "0") UPDATE_GOLDEN is refused: there nobody reviews the diff, and
 * a rewritten golden file passes whatever the code does.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Claim, DocumentClaims, StudyArm } from "../../src/claims/types.ts";
import type { ParsedDocument, Segment } from "../../src/document/types.ts";

export const GOLDEN_DIR = join(import.meta.dirname, "..", "golden");

export function golden(
  name: string,
  actual: string,
  dir: string = GOLDEN_DIR,
): { expected: string; actual: string } {
  const path = join(dir, name);
  if (process.env.UPDATE_GOLDEN === "1") {
    if (underCi())
      throw new Error(
        `UPDATE_GOLDEN=1 under CI (CI=${process.env.CI}): golden files are rewritten only on a developer's machine, where the diff is reviewed; ${name} was not rewritten`,
      );
    writeFileSync(path, actual);
  }
  if (!existsSync(path))
    throw new Error(`missing golden file ${path}: run with UPDATE_GOLDEN=1 and review it`);
  return { expected: readFileSync(path, "utf8"), actual };
}

/** Whether the tests run under continuous integration (CI set, and not "false" or "0"). */
export function underCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== "" && ci !== "false" && ci !== "0";
}

const at = (doc: ParsedDocument, offset: number) => {
  const p = doc.source.position(offset);
  return `${p.line}:${p.column}`;
};

const cites = (s: Pick<Segment, "citations">) => s.citations.map((c) => c.number).join(",");

/** The parse of a document as stable, reviewable JSON. */
export function parseProjection(doc: ParsedDocument): string {
  return `${JSON.stringify(
    {
      header: Object.fromEntries(
        Object.entries(doc.header).map(([k, f]) => [
          k,
          { value: f.value, at: at(doc, f.span.start) },
        ]),
      ),
      sections: doc.sections.map((s) => `${at(doc, s.span.start)} h${s.level} ${s.title}`),
      tables: doc.tables.map((t) => ({
        at: at(doc, t.span.start),
        header: t.header.map((c) => c.display.text),
        rows: t.rows.map((r) => [
          `${at(doc, r.label.span.start)} ${r.label.display.text}`,
          ...r.cells.map((c) => `${at(doc, c.span.start)} [${cites(c)}] ${c.display.text}`),
        ]),
      })),
      markers: doc.citations.map((m) => `${at(doc, m.span.start)} [${m.number}] run ${m.run}`),
      sentences: doc.sentences.map(
        (s) =>
          `${at(doc, s.span.start)}-${at(doc, s.span.end)} ${s.container} [${cites(s)}] ${s.display.text}`,
      ),
      items: doc.items.map(
        (i) => `${at(doc, i.span.start)} [${cites(i)}] ${i.title ?? ""} :: ${i.body.text}`,
      ),
      references: doc.references.map(
        (r) =>
          `${at(doc, r.span.start)} ${r.number}. ${r.titleAsGiven}${r.truncated ? " ..." : ""} [${r.host ?? ""}]`,
      ),
    },
    null,
    1,
  )}\n`;
}

function term(t: Claim["subject"]): string {
  return t.kind === "literal"
    ? JSON.stringify(t.value)
    : `${t.kind === "entity" ? "" : `${t.kind}:`}${t.id}${t.kind === "entity" && t.unnormalised ? "?" : ""}`;
}

/** One line per claim: position, kind, triple, citations and what qualifies it. */
export function claimsProjection(doc: DocumentClaims): string {
  const lines = [...doc.claims]
    .sort(
      (a, b) =>
        a.quote.start - b.quote.start ||
        (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) ||
        (a.id < b.id ? -1 : 1),
    )
    .map((c) => {
      const place = c.table
        ? ` table ${c.table.table} row ${c.table.rowIndex} col ${c.table.columnIndex}`
        : "";
      const extra = [
        c.status ? `status=${c.status}` : "",
        c.statement?.kind === "adverseEffect" ? `frequency=${c.statement.frequency}` : "",
        c.statement?.kind === "statedIdentifier"
          ? `states=${c.statement.scheme}:${c.statement.value}@${c.statement.about.id}`
          : "",
        c.qualifier ? `qualifier=${JSON.stringify(c.qualifier)}` : "",
        c.comparison
          ? `${c.comparison.direction}${c.comparison.favours ? `(${c.comparison.favours.id})` : ""} condition=${c.comparison.condition.id} outcome=${c.comparison.outcome?.id ?? "-"}`
          : "",
        c.mentions.length > 0 ? `mentions=${c.mentions.map((m) => m.id).join(",")}` : "",
        c.guesses.length > 0 ? `guess=${c.guesses.join(",")}` : "",
        c.cue ? `cue=${JSON.stringify(c.cue)}` : "",
        c.readBy.startsWith("Prose") && c.readBy !== "ProseSentenceRule" ? `by=${c.readBy}` : "",
      ]
        .filter((x) => x !== "")
        .join(" ");
      return [
        at(doc.document, c.quote.start),
        c.kind,
        term(c.subject),
        c.predicate.name + (c.predicate.unnormalised ? "?" : ""),
        term(c.object),
        c.citations.length > 0 ? `[${c.citations.join(",")}]` : "uncited",
        `${place.trim()} ${extra}`.trim(),
      ].join("\t");
    });
  const studies = doc.studies.map((s) =>
    [
      `study ${s.id}`,
      `[${s.citations.join(",")}]`,
      `design=${s.design.join("|")}`,
      `species=${s.species.join("|")}`,
      `strain=${s.strain.join("|")}`,
      `sex=${s.sex.join("|")}`,
      `cells=${s.cellLines.join("|")}`,
      `models=${s.models.map((m) => m.id).join("|")}`,
      `n=${s.totalSampleSize ?? "?"}`,
      `arms=${s.arms.map((a) => `${a.label}(n=${a.sampleSize ?? "?"},${dose(a)},${a.route ?? "?"})`).join("|")}`,
      `duration=${s.duration ?? "-"}`,
      `follow-up=${s.followUp ?? "-"}`,
      `times=${s.timePoints.join("|")}`,
      `measures=${s.measures.join("|")}`,
      `supports=${s.supports.length}`,
    ].join("\t"),
  );
  const refs = doc.references.map((r) => `reference [${r.number}] -> work ${r.workKey}`);
  const disc = doc.discrepancies.map(
    (d) => `discrepancy ${d.scheme} stated=${d.statedValue} public=${d.publicValues.join(",")}`,
  );
  return `${["# position\tkind\tsubject\tpredicate\tobject\tcitations\tplace and qualifiers", ...lines, "", ...studies, "", ...refs, "", ...disc].join("\n")}\n`;
}

/** An arm's dose as the document gave it: "10 mg/kg", "10–20 mg/day", "~20 mg/kg/day", "?". */
function dose(a: StudyArm): string {
  const value =
    a.dose && a.doseMax
      ? `${a.dose}–${a.doseMax}`
      : (a.dose ?? (a.doseMax ? `up to ${a.doseMax}` : "?"));
  return `${a.doseApproximate ? "~" : ""}${value}${a.doseUnit ? ` ${a.doseUnit}` : ""}`;
}

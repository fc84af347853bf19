/**
 * Matching observed rows to gold rows, and the score. Within one document and kind, a
 * gold row is matched to the first unmatched observed row on the same line (an observed
 * row may cover several lines; one without a place matches any line) whose key fields
 * (`KEYS`) agree: labels by `labelsMatch`, citations exactly, attributes by value.
 * Comparisons match with their arms in either order.
 *
 * A wrong asserted triple is an unmatched observed row reading a table cell that gold
 * describes (same line, the gold quote inside the observed quote) and contradicting it:
 * a value asserted for a null cell, a subject or predicate that is none of gold's for
 * that cell (a drug turned into a predicate, the document as subject), an entity object
 * none of gold's names (a literal copy of the cell is unread, not wrong), or a risk the
 * cell calls low or none asserted without its level.
 */
import { attributeMatch, doseKey, labelKey, labelsMatch, plainText } from "./normalise.ts";
import { CELL_KINDS, type FactRow, KEYS, KINDS, type Kind, SET_ATTRIBUTES } from "./rows.ts";

export interface KindScore {
  readonly gold: number;
  readonly observed: number;
  readonly matched: number;
}

export interface Wrong {
  readonly row: FactRow;
  readonly reason: string;
}

export interface Score {
  readonly kinds: Readonly<Record<Kind, KindScore>>;
  readonly misses: readonly FactRow[];
  readonly falseHits: readonly FactRow[];
  readonly wrong: readonly Wrong[];
}

/** Frequencies under which a cell denies or minimises a risk. */
const LOW_LEVELS = new Set(["low", "lower", "minimal", "none"]);

export function score(gold: readonly FactRow[], observed: readonly FactRow[]): Score {
  const kinds = Object.fromEntries(
    KINDS.map((k) => [k, { gold: 0, observed: 0, matched: 0 }]),
  ) as Record<Kind, { gold: number; observed: number; matched: number }>;
  const used = new Set<FactRow>();
  const misses: FactRow[] = [];
  for (const g of gold) {
    kinds[g.kind].gold++;
    const found = observed.find(
      (o) => !used.has(o) && o.kind === g.kind && o.document === g.document && sameRow(g, o),
    );
    if (found) {
      used.add(found);
      kinds[g.kind].matched++;
    } else misses.push(g);
  }
  const falseHits: FactRow[] = [];
  const wrong: Wrong[] = [];
  for (const o of observed) {
    kinds[o.kind].observed++;
    if (used.has(o)) continue;
    falseHits.push(o);
    const reason = contradiction(o, gold);
    if (reason) wrong.push({ row: o, reason });
  }
  return { kinds, misses, falseHits, wrong };
}

export function sameRow(g: FactRow, o: FactRow): boolean {
  return onLine(g, o) && KEYS[g.kind].every((field) => fieldMatch(g, o, field));
}

function onLine(g: FactRow, o: FactRow): boolean {
  if (o.line === undefined || g.line === undefined) return true;
  return o.line <= g.line && g.line <= (o.endLine ?? o.line);
}

function fieldMatch(g: FactRow, o: FactRow, field: string): boolean {
  switch (field) {
    case "subject":
      if (g.kind === "comparison") return arms(g, o);
      return labelsMatch(g.subject, o.subject);
    case "object":
      if (g.kind === "comparison") return true;
      return labelsMatch(g.object, o.object);
    case "predicate":
      return labelsMatch(g.predicate, o.predicate);
    case "qualifier":
      return labelKey(g.qualifier) === labelKey(o.qualifier);
    case "citations":
      return g.citations === o.citations;
    case "dose":
      // A gold dose may list alternatives ("900–3,600|900–3600"), as any field may.
      return (g.attributes.dose ?? "")
        .split("|")
        .some((dose) => doseKey(dose) === doseKey(o.attributes.dose ?? ""));
    default:
      return attributeMatch(
        g.attributes[field] ?? "",
        o.attributes[field] ?? "",
        SET_ATTRIBUTES.has(field),
      );
  }
}

/** The two arms of a comparison, in either order. */
function arms(g: FactRow, o: FactRow): boolean {
  const straight = labelsMatch(g.subject, o.subject) && labelsMatch(g.object, o.object);
  const swapped = labelsMatch(g.subject, o.object) && labelsMatch(g.object, o.subject);
  return straight || swapped;
}

function contradiction(o: FactRow, gold: readonly FactRow[]): string | undefined {
  if (!CELL_KINDS.has(o.kind) || o.kind === "not-stated" || o.line === undefined) return undefined;
  const quote = squash(o.quote);
  const here = gold.filter(
    (g) =>
      (CELL_KINDS.has(g.kind) || g.kind === "relation") &&
      g.document === o.document &&
      onLine(g, o) &&
      quote.includes(squash(g.quote)),
  );
  if (here.length === 0) return undefined;
  const stated = here.filter((g) => CELL_KINDS.has(g.kind) && g.kind !== "not-stated");
  if (stated.length === 0) {
    const nulls = here.filter((g) => g.kind === "not-stated");
    if (nulls.length > 0)
      return `a value is asserted for a null cell ("${plainText(nulls[0]?.quote ?? "")}")`;
    return `the cell states a relation (${here[0]?.subject[0]} ${here[0]?.predicate[0]} ${here[0]?.object[0]}), not a value`;
  }
  const sameSubject = stated.filter((g) => labelsMatch(g.subject, o.subject));
  if (sameSubject.length === 0)
    return `the cell is about ${stated[0]?.subject[0]}, not ${o.subject[0]}`;
  if (o.kind === "cell" || o.kind === "evidence") {
    const samePredicate = sameSubject.filter((g) => labelsMatch(g.predicate, o.predicate));
    if (samePredicate.length === 0)
      return `the cell states "${sameSubject[0]?.predicate[0]}", not "${o.predicate[0]}"`;
    if (o.kind === "cell" && !samePredicate.some((g) => labelsMatch(g.object, o.object))) {
      const copied = o.object.some((n) => labelKey(o.quote).includes(labelKey(n)));
      if (!copied)
        return `the cell names ${samePredicate.map((g) => g.object[0]).join(", ")}, not ${o.object[0]}`;
    }
    return undefined;
  }
  const sameObject = sameSubject.filter((g) => labelsMatch(g.object, o.object));
  if (sameObject.length === 0)
    return `the cell is about ${sameSubject[0]?.object[0]}, not ${o.object[0]}`;
  if (o.kind === "effect") {
    const level = o.attributes.frequency ?? "";
    const goldLevels = sameObject.map((g) => labelKey(g.attributes.frequency ?? ""));
    if (level !== "" && !goldLevels.includes(labelKey(level)))
      return `the cell gives ${goldLevels.join(", ") || "no level"}, not ${level}`;
    if (level === "" && goldLevels.some((l) => LOW_LEVELS.has(l)))
      return `the risk is asserted without the cell's level (${goldLevels.join(", ")})`;
  }
  return undefined;
}

function squash(text: string): string {
  return plainText(text).replace(/\s+/g, " ").toLowerCase();
}

/** Precision and recall of a kind, `undefined` where nothing was there to count. */
export function ratios(k: KindScore): {
  precision: number | undefined;
  recall: number | undefined;
} {
  return {
    precision: k.observed > 0 ? k.matched / k.observed : undefined,
    recall: k.gold > 0 ? k.matched / k.gold : undefined,
  };
}

export function addScores(a: Score, b: Score): Score {
  const kinds = Object.fromEntries(
    KINDS.map((k) => [
      k,
      {
        gold: a.kinds[k].gold + b.kinds[k].gold,
        observed: a.kinds[k].observed + b.kinds[k].observed,
        matched: a.kinds[k].matched + b.kinds[k].matched,
      },
    ]),
  ) as Record<Kind, KindScore>;
  return {
    kinds,
    misses: [...a.misses, ...b.misses],
    falseHits: [...a.falseHits, ...b.falseHits],
    wrong: [...a.wrong, ...b.wrong],
  };
}

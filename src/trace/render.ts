/**
 * Trace answers for people: aligned, coloured only on a terminal, plain when piped.
 */
import { styleText } from "node:util";
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import type { CitationJson, ClaimJson } from "./answers.ts";
import { quoteInContext } from "./context.ts";
import { assertionLines } from "./entity-assertions.ts";
import { evidenceText } from "./evidence.ts";
import type { TraceResult } from "./trace.ts";

export interface Style {
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly accent: (s: string) => string;
  readonly warn: (s: string) => string;
}

/** The styles, through Node's `util.styleText`; whether to colour is the caller's decision. */
export function style(color: boolean): Style {
  const wrap = (format: Parameters<typeof styleText>[0]) => (s: string) =>
    color ? styleText(format, s, { validateStream: false }) : s;
  return { bold: wrap("bold"), dim: wrap("dim"), accent: wrap("cyan"), warn: wrap("yellow") };
}

/** A note saying which claims the page shows, when it does not show them all. */
function pageNote(result: TraceResult, s: Style): string | undefined {
  const shown = result.claims.length;
  if (result.offset === 0 && shown >= result.total) return undefined;
  const first = shown === 0 ? result.offset : result.offset + 1;
  const next =
    result.offset + shown < result.total ? `; next: --offset ${result.offset + shown}` : "";
  return s.dim(`showing claims ${first}–${result.offset + shown} of ${result.total}${next}`);
}

/** A trace answer as text: no match, an entity's claims, references' claims, or claims. */
export function renderTrace(kg: KnowledgeGraph, result: TraceResult, s: Style): string {
  const note = pageNote(result, s);
  if (result.match === "none") return noMatchText(kg, result, s);
  if (result.entity) return entityText(kg, result, result.entity, note, s);
  if (result.references.length > 0) return referencesText(kg, result, note, s);
  const out: string[] = [];
  result.claims.forEach((c, i) => {
    if (i > 0) out.push("");
    out.push(...claimBlock(kg, c, s));
  });
  if (note) out.push("", note);
  return out.join("\n");
}

/** What was tried, and the names it might have meant. */
function noMatchText(kg: KnowledgeGraph, result: TraceResult, s: Style): string {
  const out = [`No match for "${result.query}".`, `Tried: ${result.tried.join("; ")}.`];
  if (result.suggestions.length > 0) {
    out.push("Did you mean:");
    for (const g of result.suggestions)
      out.push(`  ${g.label}  ${s.dim(`(${g.kind}, ${kg.compact(g.id)})`)}`);
  }
  return out.join("\n");
}

/** An entity: its names and identifiers, then its claims grouped by predicate. */
function entityText(
  kg: KnowledgeGraph,
  result: TraceResult,
  e: NonNullable<TraceResult["entity"]>,
  note: string | undefined,
  s: Style,
): string {
  const out = [
    `${s.bold(e.label)}  ${s.dim(`${e.type} · ${kg.compact(e.id)}`)}${e.unnormalised ? s.warn("  unnormalised") : ""}`,
  ];
  if (e.synonyms.length > 0) out.push(`  also  ${e.synonyms.join(", ")}`);
  if (e.identifiers.length > 0) out.push(`  ids   ${e.identifiers.join(", ")}`);
  if (e.unverifiedIdentifiers.length > 0)
    out.push(`        ${s.warn(`unverified: ${e.unverifiedIdentifiers.join(", ")}`)}`);
  out.push(
    `  ${result.total} claim${result.total === 1 ? "" : "s"} about it, ${e.mentionedInCount} more mention it`,
  );
  out.push(...assertionLines(e.assertions ?? [], result.limit));
  for (const g of e.groups) {
    if (g.claims.length === 0) continue;
    out.push("");
    const shown = g.claims.length < g.count ? `${g.claims.length} of ${g.count}` : `${g.count}`;
    out.push(
      s.accent(`${g.role === "subject" ? "" : "is object of: "}${g.predicate.label} (${shown})`),
    );
    for (const c of g.claims) out.push(`  ${oneLine(kg, c, g.role)}`);
  }
  const unseen = e.groups.filter((g) => g.claims.length === 0);
  if (unseen.length > 0) {
    out.push(
      "",
      s.dim(
        `not on this page: ${unseen.map((g) => `${g.predicate.label} (${g.count})`).join(", ")}`,
      ),
    );
  }
  if (note) out.push("", note);
  return out.join("\n");
}

/** References: each entry described, then the claims resting on them, one line each. */
function referencesText(
  kg: KnowledgeGraph,
  result: TraceResult,
  note: string | undefined,
  s: Style,
): string {
  const out = result.references.flatMap((r) => referenceLines(r, s));
  const more = result.referenceCount - result.references.length;
  if (more > 0)
    out.push(
      s.dim(
        `… and ${more} more reference${more === 1 ? "" : "s"} (${result.referenceCount} in all; a larger --limit shows more)`,
      ),
    );
  out.push("");
  out.push(
    `${result.total} claim${result.total === 1 ? "" : "s"} rest on ${result.match === "work" || result.references[0]?.sameWork.length ? "this work" : result.referenceCount > 1 ? "these references" : "it"}:`,
  );
  for (const c of result.claims) out.push(`  ${tripleLine(kg, c)}`);
  if (note) out.push(note);
  return out.join("\n");
}

/** One reference entry: title, host, evidence, identifiers, document, other listings. */
function referenceLines(r: TraceResult["references"][number], s: Style): string[] {
  const c = r.citation;
  const out = [
    `${s.bold(`[${r.number ?? "?"}] ${c.title}`)}${c.titleTruncated ? s.dim(" (title cut short in the list)") : ""}`,
  ];
  out.push(`  host      ${c.host ?? "-"}${c.url ? `  ${c.url}` : ""}`);
  if (c.locator) out.push(`  given     [${c.locator}]`);
  out.push(`  evidence  ${evidenceText(c)}`);
  if (c.identifiers.length > 0) out.push(`  ids       ${c.identifiers.join(", ")}`);
  if (c.unverifiedIdentifiers.length > 0)
    out.push(`            ${s.warn(`unverified: ${c.unverifiedIdentifiers.join(", ")}`)}`);
  if (c.statedIdentifiers.length > 0)
    out.push(`            stated by the document: ${c.statedIdentifiers.join(", ")}`);
  out.push(...bibliographyLines(c.bibliography, s));
  if (r.document) out.push(`  in        ${r.document.label}`);
  if (r.sameWork.length > 0) {
    out.push(
      `  ${s.warn(`the same work is also listed as ${r.sameWork.map((o) => `[${o.number}]`).join(", ")}`)}`,
    );
  }
  return out;
}

/** What a bibliography gave the work: authors, year, journal, and where each field came from. */
function bibliographyLines(b: CitationJson["bibliography"], s: Style): string[] {
  if (!b) return [];
  if (b.match !== "matched") {
    const which = b.candidates.length > 0 ? `: ${b.candidates.join(", ")}` : "";
    return [`  ${s.warn(`bibliography: ${b.match}${which}`)}`];
  }
  const cited = [b.authors.join("; "), b.year, b.journal].filter((x) => x).join(", ");
  const out = [`  biblio    ${cited || "-"}  ${s.dim(`(${b.candidates.join(", ")})`)}`];
  for (const f of b.sources) {
    out.push(
      `            ${s.dim(`${f.property} from ${f.file}#${f.entry}, matched by ${f.matchedBy}`)}`,
    );
  }
  return out;
}

function objectLabel(c: ClaimJson): string {
  return "value" in c.object ? JSON.stringify(c.object.value) : c.object.label;
}

function cites(c: ClaimJson): string {
  if (c.uncited) return "uncited";
  const unlisted = c.unresolvedMarkers.map((n) => `[${n}?]`);
  return [...c.citations.map((r) => `[${r.number ?? "?"}]`), ...unlisted].join(" ");
}

function tripleLine(kg: KnowledgeGraph, c: ClaimJson): string {
  const file = kg.document(c.location.document.id)?.fileName ?? c.location.document.label;
  return `${c.subject.label} · ${c.predicate.label} · ${clip(objectLabel(c), 70)}  ${cites(c)}  (${file}:${c.location.line ?? "?"})`;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function oneLine(kg: KnowledgeGraph, c: ClaimJson, role: "subject" | "object"): string {
  const file = kg.document(c.location.document.id)?.fileName ?? c.location.document.label;
  const where = `${file}:${c.location.line ?? "?"}`;
  const other = clip(role === "subject" ? objectLabel(c) : c.subject.label, 90);
  return `${other}  ${cites(c)}  (${where})`;
}

/** One claim in full: the triple, where it stands, how it was read, what it cites. */
export function claimBlock(kg: KnowledgeGraph, c: ClaimJson, s: Style): string[] {
  const out: string[] = [];
  out.push(
    `${s.bold(c.subject.label)}  ${s.accent(c.predicate.label)}  ${s.bold(objectLabel(c))}   ${cites(c)}`,
  );
  out.push(`  claim   ${kg.compact(c.id)} ${s.dim(`(${c.type})`)}`);
  out.push(...placeLines(kg, c, s));
  out.push(...readingLines(c, s));
  if (c.uncited)
    out.push(`  ${s.warn("cites   nothing: the document gives no reference for this claim")}`);
  for (const r of c.citations) out.push(...citationLines(r, s));
  for (const n of c.unresolvedMarkers)
    out.push(`  ${s.warn(`cites   [${n}]: the document's reference list has no entry ${n}`)}`);
  if (c.comparison) out.push(comparisonLine(c.comparison));
  if (c.study) out.push(...studyLines(c.study, s));
  if (c.note) out.push(`  note    ${c.note}`);
  return out;
}

/** Where the claim stands, and its quote in context (or its quote alone, without the text). */
function placeLines(kg: KnowledgeGraph, c: ClaimJson, s: Style): string[] {
  const loc = c.location;
  const doc = kg.document(loc.document.id);
  const file = doc?.fileName ?? loc.document.label;
  const place = [
    `${file}:${loc.line ?? "?"}:${loc.column ?? "?"}`,
    loc.section ? `§ ${loc.section}` : "",
    loc.table
      ? `table ${loc.table.id.split("-").at(-1)}, row ${JSON.stringify(loc.table.row)}, column ${JSON.stringify(loc.table.column)}`
      : "",
  ].filter((x) => x !== "");
  const out = [`  where   ${place.join("  ")}`];
  if (doc?.text && loc.line && loc.column && loc.endLine && loc.endColumn) {
    for (const line of quoteInContext(doc.text, {
      line: loc.line,
      column: loc.column,
      endLine: loc.endLine,
      endColumn: loc.endColumn,
    })) {
      out.push(`    ${line}`);
    }
  } else if (c.quote) {
    const flat = (t: string) => t.replace(/\s+/g, " ");
    out.push(
      `  quote   …${flat(c.quote.prefix)}${s.bold(flat(c.quote.exact))}${flat(c.quote.suffix)}…`,
    );
  }
  return out;
}

/** A name such as `SubjectUnclear` as words. */
function spaced(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

/** The cell's status, frequency, qualifier, the rule it was read by and what was guessed. */
function readingLines(c: ClaimJson, s: Style): string[] {
  const out: string[] = [];
  if (c.status)
    out.push(
      `  ${s.warn(`status  ${spaced(c.status)}: the cell gives no value; nothing is asserted`)}`,
    );
  if (c.frequency) out.push(`  frequency  ${spaced(c.frequency)}`);
  if (c.qualifier) out.push(`  qualifier  ${c.qualifier}`);
  if (c.readBy || c.guesses.length > 0) {
    const guessed = c.guesses.length > 0 ? `; guessed ${c.guesses.map(spaced).join(", ")}` : "";
    const cue = c.cue ? ` (cue "${c.cue}")` : "";
    out.push(`  read    ${spaced(c.readBy ?? "unknown")}${cue}${guessed}`);
  }
  if (c.value && "id" in c.object) out.push(`  cell    ${JSON.stringify(c.value)}`);
  return out;
}

/** One cited reference: title, host, evidence and identifiers, then its URL. */
function citationLines(r: ClaimJson["citations"][number], s: Style): string[] {
  const ids = r.identifiers.length > 0 ? `; ${r.identifiers.join(", ")}` : "";
  const unverified =
    r.unverifiedIdentifiers.length > 0
      ? s.warn(`; unverified ${r.unverifiedIdentifiers.join(", ")}`)
      : "";
  const stated = r.statedIdentifiers.filter((i) => !r.identifiers.includes(i));
  const given = stated.length > 0 ? `; stated ${stated.join(", ")}` : "";
  const out = [
    `  cites   [${r.number ?? "?"}] ${r.title} (${r.host ?? (r.locator ? `as given: ${r.locator}` : "no host")}) — ${evidenceText(r)}${ids}${unverified}${given}`,
  ];
  if (r.url) out.push(`          ${r.url}`);
  return out;
}

/** The comparison a claim states: its arms, condition, outcome and direction. */
function comparisonLine(k: NonNullable<ClaimJson["comparison"]>): string {
  const direction =
    k.direction === "Favours"
      ? `favours ${k.favours?.label}`
      : (k.direction ?? "?").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return `  compare ${k.armA?.label} vs ${k.armB?.label} in ${k.condition?.label}${k.outcome ? `, outcome ${k.outcome.label}` : ""}: ${direction}`;
}

/** The study a claim reports, with its qualifiers and one line per arm. */
function studyLines(study: NonNullable<ClaimJson["study"]>, s: Style): string[] {
  const q = Object.entries(study.qualifiers).map(([k, v]) => `${k} ${v.join("/")}`);
  const out = [`  study   ${study.label}${q.length > 0 ? s.dim(` (${q.join("; ")})`) : ""}`];
  for (const a of study.arms) {
    const dose = a.dose ? `${a.dose} ${a.doseUnit ?? ""}`.trim() : "";
    const parts = [
      a.sampleSize !== null ? `n=${a.sampleSize}` : "",
      dose,
      a.route ?? "",
      a.schedule ?? "",
    ].filter((x) => x !== "");
    out.push(`          arm ${a.label}${parts.length > 0 ? `: ${parts.join(", ")}` : ""}`);
  }
  return out;
}

/**
 * Relations stated in the value-column cells of a comparison table ("Key Experimental
 * Data"): such a cell is prose, read sentence by sentence with the prose rules ("Chronic
 * Desipramine treatment reversed depression-like behavior"). "Both drugs", "both arms",
 * "the two drugs" are the row's arms that report a result (their cells are not null): the
 * row names them. A lead such as "Clinical Trial:" is a label, not a sentence. Each
 * relation cites what the cell cites and keeps its table place.
 */
import type { DisplayText, Segment, Table, TableCell, TableRow } from "../document/types.ts";
import { nullStatus } from "./cells.ts";
import { readColumns } from "./columns.ts";
import type { ExtractContext } from "./context.ts";
import { proseMentions, relationClaims } from "./prose-cue-claims.ts";
import { type SubjectReading, sentenceSubject } from "./prose-subject.ts";
import { tablePlace } from "./table-place.ts";
import type { Claim, EntityTerm } from "./types.ts";

const LEAD = /^[^.:]{1,60}:\s*/;
const SENTENCE_END = /[.!?](?=\s+\p{Lu}|\s*$)/gu;
const BOTH_ARMS =
  /^(?:both|the two)\s+(?:drugs|arms|compounds|agents|classes|treatments|groups)\b|^both\b(?!\s+\p{L}+\s+and\b)/iu;

export function valueCellRelations(ctx: ExtractContext): Claim[] {
  const claims: Claim[] = [];
  for (const table of ctx.document.tables) {
    if (ctx.lexicon.tableKind(table.header[0]?.display.text ?? "") !== "comparative") continue;
    const columns = readColumns(ctx, table.header);
    for (const row of table.rows) {
      const arms: EntityTerm[] = [];
      row.cells.forEach((cell, k) => {
        const subject = columns[k]?.subject;
        if (subject && !nullStatus(ctx.lexicon, cell.display.text)) arms.push(subject);
      });
      row.cells.forEach((cell, k) => {
        const column = columns[k];
        if (!column || column.subject || nullStatus(ctx.lexicon, cell.display.text)) return;
        claims.push(...cellRelations(ctx, table, row, cell, arms));
      });
    }
  }
  return claims;
}

function cellRelations(
  ctx: ExtractContext,
  table: Table,
  row: TableRow,
  cell: TableCell,
  arms: readonly EntityTerm[],
): Claim[] {
  const place = tablePlace(table, row, cell);
  const claims: Claim[] = [];
  let previous: SubjectReading | undefined;
  for (const [from, to] of sentences(cell.display.text)) {
    const segment = slice(cell, from, to);
    const text = segment.display.text;
    const found = proseMentions(ctx, text);
    const reading = BOTH_ARMS.test(text)
      ? bothArms(arms)
      : sentenceSubject(text, found, {
          focus: ctx.focus,
          previous: previous?.term,
          previousAlso: previous?.also,
        });
    claims.push(...relationClaims(ctx, segment, reading, found, { table: place }));
    previous = reading;
  }
  return claims;
}

/** "Both drugs …": the row's two arms with a result; with more or fewer, no subject. */
function bothArms(arms: readonly EntityTerm[]): SubjectReading | undefined {
  const [first, second, ...rest] = arms;
  if (!first || !second || rest.length > 0) return undefined;
  return { term: first, also: [second], rule: "subject-position", clauseStart: 0 };
}

/** [from, to) display offsets of each sentence of a cell, after its lead label. */
function sentences(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = LEAD.exec(text)?.[0].length ?? 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    if (m.index + 1 <= from) continue;
    out.push([from, m.index + 1]);
    from = m.index + 1;
    while (text[from] === " ") from++;
  }
  if (from < text.length) out.push([from, text.length]);
  return out;
}

/** One sentence of a cell as a segment of its own; it carries the cell's citations. */
function slice(cell: TableCell, from: number, to: number): Segment {
  const display: DisplayText = {
    text: cell.display.text.slice(from, to),
    starts: cell.display.starts.slice(from, to),
    ends: cell.display.ends.slice(from, to),
  };
  const start = display.starts[0] ?? cell.span.start;
  const end = display.ends.at(-1) ?? cell.span.end;
  return { span: { start, end }, display, citations: cell.citations, section: cell.section };
}

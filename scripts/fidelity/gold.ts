/**
 * Gold files (`tests/fixtures/corpus/<id>.gold.tsv`): what a curator extracts from a
 * document, one fact per row. Columns: kind, line, quote, subject, predicate, object,
 * qualifier, citations, attributes (`key=value; key=value`). Label fields may list
 * alternatives a curator would accept, separated by `|`.
 */
import { citationKey, type FactRow, KEYS, KINDS, type Kind, NOTES } from "./rows.ts";

export const GOLD_COLUMNS = [
  "kind",
  "line",
  "quote",
  "subject",
  "predicate",
  "object",
  "qualifier",
  "citations",
  "attributes",
] as const;

export interface GoldProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export interface GoldFile {
  readonly rows: FactRow[];
  /** The gold file's own line of each row, for problems found later. */
  readonly rowLines: number[];
  readonly problems: GoldProblem[];
}

const KIND_SET: ReadonlySet<string> = new Set(KINDS);
const LABELS = new Set(["subject", "predicate", "object", "qualifier", "citations"]);

/** `file` names the document (rows point into it); `goldFile` the gold file (problems point into it). */
export function parseGold(file: string, document: string, text: string, goldFile = file): GoldFile {
  const rows: FactRow[] = [];
  const rowLines: number[] = [];
  const problems: GoldProblem[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  let header = false;
  lines.forEach((raw, i) => {
    const at = i + 1;
    const problem = (message: string) => problems.push({ file: goldFile, line: at, message });
    if (raw.trim() === "" || raw.startsWith("#")) return;
    const cells = raw.split("\t");
    if (!header) {
      if (cells.join("\t") !== GOLD_COLUMNS.join("\t"))
        problem(`the first row must be the header: ${GOLD_COLUMNS.join(" ⇥ ")}`);
      header = true;
      return;
    }
    if (cells.length > GOLD_COLUMNS.length) {
      problem(`${cells.length} columns; a row has at most ${GOLD_COLUMNS.length}`);
      return;
    }
    const get = (k: number) => (cells[k] ?? "").trim();
    const kind = get(0);
    if (!KIND_SET.has(kind)) {
      problem(`unknown kind "${kind}" (kinds: ${KINDS.join(", ")})`);
      return;
    }
    const line = Number(get(1));
    if (!Number.isInteger(line) || line < 1) {
      problem(`line "${get(1)}" is not a line number`);
      return;
    }
    const citations = get(7);
    if (citations !== "" && !/^\d+(;\d+)*$/.test(citations)) {
      problem(`citations "${citations}" must be reference numbers joined by ";"`);
      return;
    }
    const attributes: Record<string, string> = {};
    const keys = [...KEYS[kind as Kind], ...(NOTES[kind as Kind] ?? [])];
    for (const pair of get(8).split(";")) {
      if (pair.trim() === "") continue;
      const eq = pair.indexOf("=");
      const key = eq > 0 ? pair.slice(0, eq).trim() : "";
      if (key === "" || LABELS.has(key) || !keys.includes(key)) {
        problem(`attribute "${pair.trim()}" is not one of ${kind}'s: ${attrNames(kind as Kind)}`);
        return;
      }
      attributes[key] = pair.slice(eq + 1).trim();
    }
    if (get(2) === "") {
      problem("the quote is empty: quote the words of the line the fact is read from");
      return;
    }
    rows.push({
      kind: kind as Kind,
      document,
      file,
      line,
      endLine: line,
      quote: get(2),
      subject: alternatives(get(3)),
      predicate: alternatives(get(4)),
      object: alternatives(get(5)),
      qualifier: get(6),
      citations: citationKey(citations === "" ? [] : citations.split(";")),
      attributes,
    });
    rowLines.push(at);
  });
  if (!header) problems.push({ file: goldFile, line: 1, message: "no header row" });
  return { rows, rowLines, problems };
}

function alternatives(value: string): string[] {
  return value === "" ? [] : value.split("|").map((v) => v.trim());
}

function attrNames(kind: Kind): string {
  const names = [...KEYS[kind], ...(NOTES[kind] ?? [])].filter((k) => !LABELS.has(k));
  return names.length > 0 ? names.join(", ") : "(none)";
}

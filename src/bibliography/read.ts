/**
 * Reads a bibliography as reference managers export it — CSL-JSON (Zotero), BibTeX/BibLaTeX
 * (Zotero, Mendeley, JabRef) or RIS (EndNote, Zotero) — told apart by content, then by the
 * file's extension. citation-js parses it; what does not parse is a diagnostic at the line and
 * column citation-js (or JSON.parse) names, with a hint.
 */
import type { Diagnostic } from "../base/errors.ts";
import { Cite } from "./cite.ts";
import { type BibEntry, entryOf } from "./entries.ts";

export type BibliographyFormat = "csl-json" | "bibtex" | "ris";

type Item = Record<string, unknown>;

/** The format a bibliography's text is in, by its first characters, else by its extension. */
export function detectFormat(file: string, text: string): BibliographyFormat | undefined {
  const start = text.replace(/^\uFEFF/, "").replace(/^(?:\s|%[^\n]*\n)*/, "");
  if (/^[[{]/.test(start)) return "csl-json";
  if (start.startsWith("@")) return "bibtex";
  if (/^TY {2}- /.test(start)) return "ris";
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  if (ext === "json") return "csl-json";
  if (ext === "bib" || ext === "bibtex") return "bibtex";
  if (ext === "ris") return "ris";
  return undefined;
}

/** The entries of one bibliography file; problems go to `diagnostics` (errors stop the build). */
export function readBibliography(
  file: string,
  text: string,
  diagnostics: Diagnostic[],
): BibEntry[] {
  const body = text.replace(/^\uFEFF/, "");
  const format = detectFormat(file, body);
  const fail = (line: number, column: number, message: string, hint: string): BibEntry[] => {
    diagnostics.push({
      code: "BadBibliography",
      severity: "error",
      file,
      line,
      column,
      message,
      hint,
    });
    return [];
  };
  if (!format) {
    return fail(1, 1, "not a CSL-JSON, BibTeX or RIS file", EXPORT_HINT);
  }
  try {
    if (format === "csl-json") return readCslJson(file, body, fail);
    if (format === "bibtex") return readBibtex(file, body);
    return readRis(file, body, fail);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /at line (\d+) col(?:umn)? (\d+)/.exec(message);
    const first = message.split("\n")[0] ?? message;
    return fail(Number(at?.[1] ?? 1), Number(at?.[2] ?? 1), `${format}: ${first}`, EXPORT_HINT);
  }
}

const EXPORT_HINT =
  "export the library again from the reference manager as CSL JSON, BibTeX or RIS (UTF-8)";

type Fail = (line: number, column: number, message: string, hint: string) => BibEntry[];

function readCslJson(file: string, text: string, fail: Fail): BibEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = jsonPosition(text, message);
    return fail(at.line, at.column, `CSL-JSON does not parse: ${message}`, EXPORT_HINT);
  }
  const list = Array.isArray(data) ? data : [data];
  const bad = list.findIndex((i) => typeof i !== "object" || i === null || Array.isArray(i));
  if (bad !== -1) {
    return fail(
      1,
      1,
      `CSL-JSON item ${bad + 1} is not an object`,
      "a CSL-JSON file is a list of items",
    );
  }
  const items = new Cite(list, { forceType: "@csl/list+object" }).data;
  return items.map((item, i) => {
    const id = String((list[i] as Item).id ?? `entry-${i + 1}`);
    return entryOf(
      item,
      file,
      id,
      lineOf(text, new RegExp(`"id"\\s*:\\s*(?:"${escapeRegExp(id)}"|${escapeRegExp(id)}\\b)`)),
    );
  });
}

function readBibtex(file: string, text: string): BibEntry[] {
  const items = new Cite(text, { forceType: "@biblatex/text" }).data;
  return items.map((item) => {
    const id = String(item["citation-key"] ?? item.id);
    return entryOf(
      item,
      file,
      id,
      lineOf(text, new RegExp(`@\\w+\\s*[{(]\\s*${escapeRegExp(id)}\\s*,`)),
    );
  });
}

function readRis(file: string, text: string, fail: Fail): BibEntry[] {
  const lines = text.split(/\r?\n/);
  const starts = lines.flatMap((l, i) => (/^TY {2}- /.test(l) ? [i + 1] : []));
  const ends = lines.filter((l) => /^ER {2}-/.test(l)).length;
  if (ends < starts.length) {
    const open = starts[ends] ?? 1;
    return fail(open, 1, "an RIS entry has no end (ER  -)", "each entry runs from TY  - to ER  -");
  }
  const items = new Cite(text, { forceType: "@ris/file" }).data;
  return items.map((item, i) => {
    const given = String(item.id ?? "");
    const id = given === "" || given.startsWith("temp_id_") ? `entry-${i + 1}` : given;
    return entryOf(item, file, id, starts[i] ?? 1);
  });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The 1-based line of the first match of `re` in `text`, or 1. */
function lineOf(text: string, re: RegExp): number {
  const m = re.exec(text);
  return m ? text.slice(0, m.index).split("\n").length : 1;
}

/**
 * Where JSON.parse stopped: its "line L column C" or "position N", or — when it only quotes
 * the text around an unexpected token (`Unexpected token '}', ..."title": }..."`) — that
 * quote found in the text, and the token in it.
 */
function jsonPosition(text: string, message: string): { line: number; column: number } {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message)?.[1];
  const quoted =
    /^Unexpected token '(.)', (?:\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON/.exec(message);
  const around = quoted?.[2] ? text.indexOf(quoted[2]) : -1;
  const offset =
    pos !== undefined
      ? Number(pos)
      : around !== -1 && quoted?.[2]
        ? around + quoted[2].lastIndexOf(quoted[1] ?? "")
        : -1;
  if (offset < 0) return { line: 1, column: 1 };
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: [...(before.at(-1) ?? "")].length + 1 };
}

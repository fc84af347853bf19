/**
 * Display text: what a person reads, derived from the raw Markdown. Formatting tags
 * (`<b>`), HTML entities, TeX math (`$\alpha_2A$` → α2A), emphasis markers and
 * optionally citation markers are removed; white space is folded. Each display
 * character keeps the raw span it came from, so a quote found in display text maps
 * back to its exact place in the file.
 */
import { decodeHTMLStrict } from "entities/decode";
import type { DisplayText } from "./types.ts";

interface Piece {
  text: string;
  start: number;
  end: number;
  kind: "text" | "space" | "math";
}

const FORMAT_TAG = /^<\/?(?:b|strong|i|em|u|sup|sub|span|br)\s*\/?>/i;
/** A character reference with its semicolon: HTML5 names run to 31 letters and digits. */
const ENTITY = /^&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;
/** The references that stand for U+FFFD itself, not for a code point HTML5 replaces by it. */
const REPLACEMENT_CHARACTER = /^&#(?:0*65533|x0*fffd);$/i;
const MARKER = /^\[\d{1,6}\]/;
const MD_LINK = /^\[([^\]\n]*)\]\(([^)\s]*)\)/;
const ANGLE_LINK = /^\[<([^>\s]+)>\]/;

const TEX_COMMANDS: Readonly<Record<string, string>> = {
  alpha: "α",
  beta: "β",
  gamma: "γ",
  delta: "δ",
  epsilon: "ε",
  kappa: "κ",
  lambda: "λ",
  mu: "μ",
  pi: "π",
  sigma: "σ",
  tau: "τ",
  theta: "θ",
  omega: "ω",
  Delta: "Δ",
  pm: "±",
  times: "×",
  cdot: "·",
  leq: "≤",
  geq: "≥",
  le: "≤",
  ge: "≥",
  sim: "~",
  approx: "≈",
  rightarrow: "→",
  to: "→",
  "%": "%",
};

export interface CleanOptions {
  /** Drop citation markers such as `[3]` (they are kept as structured citations instead). */
  readonly dropMarkers?: boolean;
}

/** Cleans `raw`, which stands at `offset` in the file. */
export function cleanText(raw: string, offset: number, options: CleanOptions = {}): DisplayText {
  return joinPieces(tokenize(raw, offset, options.dropMarkers ?? true));
}

/** `raw` as pieces of display text, each with its place in the file. */
function tokenize(raw: string, offset: number, dropMarkers: boolean): Piece[] {
  const t: Tokens = { raw, offset, dropMarkers, pieces: [] };
  let i = 0;
  while (i < raw.length) {
    const next = markupAt(t, i);
    if (next !== undefined) {
      i = next;
      continue;
    }
    push(t, raw[i] as string, i, i + 1);
    i++;
  }
  return t.pieces;
}

/** The text being cut into pieces, where it stands, and the pieces so far. */
interface Tokens {
  readonly raw: string;
  readonly offset: number;
  readonly dropMarkers: boolean;
  readonly pieces: Piece[];
}

/** Adds a piece for `raw[from..to)`, shown as `text`. */
function push(t: Tokens, text: string, from: number, to: number, kind: Piece["kind"] = "text") {
  t.pieces.push({ text, start: t.offset + from, end: t.offset + to, kind });
}

/** Reads the markup (space, emphasis, tag, entity, math, marker, link) at `i`: the index after it. */
function markupAt(t: Tokens, i: number): number | undefined {
  const { raw } = t;
  const c = raw[i] as string;
  const rest = raw.slice(i, i + 200);
  if (/\s/.test(c)) {
    let j = i + 1;
    while (j < raw.length && /\s/.test(raw[j] as string)) j++;
    push(t, " ", i, j, "space");
    return j;
  }
  if (c === "*") return i + 1;
  if (c === "<") {
    const tag = FORMAT_TAG.exec(rest);
    return tag ? i + tag[0].length : undefined;
  }
  if (c === "&") {
    const entity = ENTITY.exec(rest);
    const decoded = entity ? decodeEntity(entity[0]) : undefined;
    if (!entity || decoded === undefined) return undefined;
    push(t, decoded, i, i + entity[0].length);
    return i + entity[0].length;
  }
  if (c === "$") {
    const close = raw.indexOf("$", i + 1);
    if (close <= i + 1 || close - i >= 120 || raw.slice(i + 1, close).includes("\n"))
      return undefined;
    push(t, texToUnicode(raw.slice(i + 1, close)), i, close + 1, "math");
    return close + 1;
  }
  return c === "[" ? bracketAt(t, i, rest) : undefined;
}

/** A citation marker, an angle-bracket link or a Markdown link at `i`: the index after it. */
function bracketAt(t: Tokens, i: number, rest: string): number | undefined {
  const marker = MARKER.exec(rest);
  if (marker) {
    if (!t.dropMarkers) push(t, marker[0], i, i + marker[0].length);
    return i + marker[0].length;
  }
  const angle = ANGLE_LINK.exec(rest);
  if (angle) {
    push(t, angle[1] as string, i + 2, i + 2 + (angle[1] as string).length);
    return i + angle[0].length;
  }
  const link = MD_LINK.exec(rest);
  if (!link) return undefined;
  // The link text stays; the target address is not display text.
  t.pieces.push(...tokenize(link[1] as string, t.offset + i + 1, t.dropMarkers));
  return i + link[0].length;
}

/**
 * What an HTML5 character reference (`&beta;`, `&#946;`, `&#x3b2;`) stands for, through the
 * `entities` package's table of every HTML5 name; undefined for a name HTML5 does not know and
 * for a number that is no character (0, a surrogate, beyond U+10FFFF), which stay as written.
 */
function decodeEntity(reference: string): string | undefined {
  const decoded = decodeHTMLStrict(reference);
  if (decoded === reference) return undefined;
  if (decoded === "\uFFFD" && !REPLACEMENT_CHARACTER.test(reference)) return undefined;
  return decoded;
}

/** `\alpha_2A` → α2A, `\beta` → β, `x^{+}` → x+; unknown commands keep their name. */
export function texToUnicode(tex: string): string {
  return tex
    .replace(/\\([a-zA-Z]+|%)/g, (_, name: string) => TEX_COMMANDS[name] ?? name)
    .replace(/[_^{}\s]/g, "");
}

const NO_SPACE_BEFORE = new Set([".", ",", ";", ":", ")", "]", "!", "?"]);
const NO_SPACE_AFTER = new Set(["(", "["]);

/**
 * Folds the pieces into display text. A space is dropped at either end, after another
 * space, before closing punctuation, after an opening bracket, and where PDF
 * conversion split a symbol around TeX math (`IFN- $\gamma$` → IFN-γ,
 * `$\alpha_2$ AAR` → α2AAR, `$\beta$ -arrestin` → β-arrestin).
 */
function joinPieces(pieces: Piece[]): DisplayText {
  // Characters are collected in an array and joined once, and the last one is kept in a
  // variable: reading the end of a string built with += flattens it each time, which made
  // long paragraphs quadratic.
  const chars: string[] = [];
  let last: string | undefined;
  const starts: number[] = [];
  const ends: number[] = [];
  const emit = (piece: Piece) => {
    for (const ch of piece.text) {
      for (let k = 0; k < ch.length; k++) {
        starts.push(piece.start);
        ends.push(piece.end);
      }
      chars.push(ch);
      last = ch;
    }
  };
  const nextWithText = nextPiecesWithText(pieces);
  let prevPiece: Piece | undefined;
  for (let p = 0; p < pieces.length; p++) {
    const piece = pieces[p] as Piece;
    if (piece.kind !== "space") {
      if (piece.text.length > 0) {
        emit(piece);
        prevPiece = piece;
      }
      continue;
    }
    const prev = last === undefined ? undefined : last.at(-1);
    const nextPiece = pieces[nextWithText[p + 1] as number];
    if (spaceKept(pieces, p, prev, prevPiece, nextPiece)) emit(piece);
  }
  if (last === " ") {
    chars.pop();
    starts.pop();
    ends.pop();
  }
  return { text: chars.join(""), starts, ends };
}

/**
 * The index of the next piece with text at or after each index (-1 for none), found in one
 * backward pass: searching from every space made a long run of them (`[1] [2] [3] …`, the
 * markers dropped) quadratic.
 */
function nextPiecesWithText(pieces: readonly Piece[]): Int32Array {
  const nextWithText = new Int32Array(pieces.length + 1).fill(-1);
  for (let p = pieces.length - 1; p >= 0; p--) {
    nextWithText[p] = hasText(pieces[p] as Piece) ? p : (nextWithText[p + 1] as number);
  }
  return nextWithText;
}

/**
 * Whether the space piece at `p` is written, between `prev` (the last character written)
 * and `nextPiece` (the next piece with text): see `joinPieces`.
 */
function spaceKept(
  pieces: Piece[],
  p: number,
  prev: string | undefined,
  prevPiece: Piece | undefined,
  nextPiece: Piece | undefined,
): boolean {
  if (prev === undefined || prev === " " || nextPiece === undefined) return false;
  const next = nextPiece.text[0] as string;
  if (NO_SPACE_BEFORE.has(next) || NO_SPACE_AFTER.has(prev)) return false;
  if (nextPiece.kind === "math" && (prev === "-" || /\d/.test(prev))) return false;
  const splitSymbol =
    prevPiece?.kind === "math" && (next === "-" || /^[A-Z]{2,}\b/.test(restText(pieces, p + 1)));
  return !splitSymbol;
}

function hasText(piece: Piece): boolean {
  return piece.kind !== "space" && piece.text.length > 0;
}

function restText(pieces: Piece[], from: number): string {
  let s = "";
  for (let i = from; i < pieces.length && s.length < 12; i++) s += (pieces[i] as Piece).text;
  return s;
}

/** The raw span behind display characters [from, to). */
export function rawSpanOf(display: DisplayText, from: number, to: number) {
  const start = display.starts[from];
  const end = display.ends[to - 1];
  if (start === undefined || end === undefined || to <= from) return undefined;
  return { start, end };
}

/**
 * Text measured as a terminal draws it: columns, not UTF-16 units. A CJK character takes two
 * columns, a combining mark none, an emoji sequence (👩‍🔬, 🇫🇷) two; `string-width` knows
 * Unicode's East Asian Width and emoji tables, and cuts happen between grapheme clusters
 * only, so no accent is parted from its letter and no emoji is split.
 */
import stringWidth from "string-width";

/** The columns `text` takes on a terminal. */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** `text` cut to at most `width` columns, ending in `…` when it was cut. */
export function clipToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const room = width - 1;
  let out = "";
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const w = displayWidth(segment);
    if (used + w > room) break;
    out += segment;
    used += w;
  }
  return width > 0 ? `${out}…` : "";
}

/** `text` followed by spaces up to `width` columns. */
export function padToWidth(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

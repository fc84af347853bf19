/**
 * Citation markers: `[n]` in running text, with runs such as `[4] [5]` grouped.
 * A Markdown link `[text](url)` or `[<url>]` is not a marker.
 */
import type { CitationMarker, Span } from "./types.ts";

const MARKER = /\[(\d{1,6})\](?!\()/g;

export class MarkerScanner {
  private run = 0;
  private lastEnd = -1;

  constructor(private readonly text: string) {}

  /** The markers inside `span`, in order. Runs continue across calls only when adjacent. */
  scan(span: Span): CitationMarker[] {
    const out: CitationMarker[] = [];
    const slice = this.text.slice(span.start, span.end);
    MARKER.lastIndex = 0;
    for (let m = MARKER.exec(slice); m !== null; m = MARKER.exec(slice)) {
      const start = span.start + m.index;
      const end = start + m[0].length;
      const between =
        this.lastEnd >= 0 && this.lastEnd <= start ? this.text.slice(this.lastEnd, start) : "x";
      if (!/^[ \t]*$/.test(between)) this.run++;
      out.push({ number: Number(m[1]), span: { start, end }, run: this.run });
      this.lastEnd = end;
    }
    return out;
  }
}

/** The markers of `all` that fall inside `span`. */
export function markersWithin(all: readonly CitationMarker[], span: Span): CitationMarker[] {
  return all.filter((m) => m.span.start >= span.start && m.span.end <= span.end);
}

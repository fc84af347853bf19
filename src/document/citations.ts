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

/**
 * The markers of `all` that fall inside `span`. `all` is in document order (as the scanner
 * gives them), so they are found by binary search: filtering every marker for every cell and
 * sentence was quadratic.
 */
export function markersWithin(all: readonly CitationMarker[], span: Span): CitationMarker[] {
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((all[mid] as CitationMarker).span.start < span.start) lo = mid + 1;
    else hi = mid;
  }
  const out: CitationMarker[] = [];
  for (let i = lo; i < all.length; i++) {
    const m = all[i] as CitationMarker;
    if (m.span.start >= span.end) break;
    if (m.span.end <= span.end) out.push(m);
  }
  return out;
}

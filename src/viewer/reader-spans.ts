/**
 * The reader's marks as a tree: every span of every claim becomes a mark, and marks that
 * overlap are nested. Spans that merely touch or contain one another nest as they are; a
 * span that crosses another (starts inside it and ends after it) is split at the other's
 * end, so its first part nests inside and its rest follows as a sibling. Every claim thus
 * keeps at least one mark of its own: a mark that shares its extent with marks inside it
 * is reached by clicking again (see reader.ts), so no claim is hidden behind another.
 */

/** One mark: [start, end) of the display text, for span `span` of claim `claim`. */
export interface MarkNode {
  readonly start: number;
  readonly end: number;
  readonly claim: number;
  readonly span: number;
  readonly children: MarkNode[];
}

interface Piece {
  readonly start: number;
  readonly end: number;
  readonly claim: number;
  readonly span: number;
}

/** Outer before inner: by start, then longest first, then claim order. */
function order(a: Piece, b: Piece): number {
  return a.start - b.start || b.end - a.end || a.claim - b.claim || a.span - b.span;
}

/** The marks of `claims` (each a list of spans) as a forest in text order. */
export function nestSpans(
  claims: ReadonlyArray<{ readonly spans: ReadonlyArray<readonly [number, number]> }>,
): MarkNode[] {
  const queue: Piece[] = claims
    .flatMap((c, claim) => c.spans.map(([start, end], span) => ({ start, end, claim, span })))
    .filter((p) => p.end > p.start)
    .sort(order);
  const roots: MarkNode[] = [];
  const open: MarkNode[] = [];
  for (let i = 0; i < queue.length; i++) {
    let piece = queue[i] as Piece;
    while (open.length > 0 && (open.at(-1) as MarkNode).end <= piece.start) open.pop();
    const parent = open.at(-1);
    if (parent && piece.end > parent.end) {
      // Crossing: the part inside `parent` now, the rest in its place in the queue.
      insertSorted(queue, { ...piece, start: parent.end }, i + 1);
      piece = { ...piece, end: parent.end };
    }
    const node: MarkNode = { ...piece, children: [] };
    (parent ? parent.children : roots).push(node);
    open.push(node);
  }
  return roots;
}

/** Inserts `piece` into `queue`, sorted from index `from` on. */
function insertSorted(queue: Piece[], piece: Piece, from: number): void {
  let at = from;
  while (at < queue.length && order(queue[at] as Piece, piece) <= 0) at++;
  queue.splice(at, 0, piece);
}

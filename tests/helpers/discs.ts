// Node discs as the API gives them (a position and a radius in the same units): which pairs
// overlap, and how well groups of them keep apart.

export interface Disc {
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly size: number;
}

/** Pairs of discs that overlap (closer than the sum of their radii). */
export function overlaps(discs: readonly Disc[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < discs.length; i++) {
    for (let j = i + 1; j < discs.length; j++) {
      const a = discs[i] as Disc;
      const b = discs[j] as Disc;
      if (Math.hypot(a.x - b.x, a.y - b.y) < a.size + b.size) out.push(`${a.key} / ${b.key}`);
    }
  }
  return out;
}

/** The share of discs nearer their own group's centre than any other group's. */
export function groupedShare(discs: readonly Disc[], group: (key: string) => string): number {
  const sums = new Map<string, { x: number; y: number; n: number }>();
  for (const d of discs) {
    const s = sums.get(group(d.key)) ?? { x: 0, y: 0, n: 0 };
    sums.set(group(d.key), { x: s.x + d.x, y: s.y + d.y, n: s.n + 1 });
  }
  const centres = [...sums].map(([g, s]) => ({ g, x: s.x / s.n, y: s.y / s.n }));
  let home = 0;
  for (const d of discs) {
    const nearest = centres.reduce((best, c) =>
      Math.hypot(c.x - d.x, c.y - d.y) < Math.hypot(best.x - d.x, best.y - d.y) ? c : best,
    );
    if (nearest.g === group(d.key)) home++;
  }
  return home / discs.length;
}

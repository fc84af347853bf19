/**
 * A document's reference list: seed works (more often when the document is about
 * desipramine or fluoxetine), shared synthetic works (preferably about its drugs) and
 * private ones, sometimes one work listed twice at two hosts (the seed's [4] and [5]).
 */
import { bySize, type Plan } from "./plan.ts";
import type { Random } from "./random.ts";
import { privateWork, SEED_WORKS, type WorkSpec } from "./works.ts";

export interface Entry {
  readonly title: string;
  readonly host: string;
}

export interface ReferenceList {
  readonly entries: readonly Entry[];
  /** Numbers listed as the same work: each maps to the other. */
  readonly partner: ReadonlyMap<number, number>;
  /** A number no marker cites, if the document leaves one uncited. */
  readonly skip: number | undefined;
}

/** 4-12 entries by the document's size, fewer when the document has too few citation slots to cite them all. */
export function referenceList(plan: Plan, slots: number): ReferenceList {
  const { rng, a, b, pools } = plan;
  const wanted = bySize(plan, { brief: [4, 7], standard: [6, 10], extended: [8, 12] });
  const leaveOne = rng.chance(0.25);
  const count = Math.max(1, Math.min(wanted, slots + (leaveOne ? 1 : 0)));
  const works: WorkSpec[] = [];
  for (const work of SEED_WORKS) {
    const relevant = work.about === "" || work.about === a.name || work.about === b.name;
    if (rng.chance(work.about === "" ? 0.3 : relevant ? 0.5 : 0.04)) works.push(work);
  }
  const about = pools.works.filter((w) => w.about === a.name || w.about === b.name);
  works.push(...rng.sample(about, rng.int(0, 2)));
  works.push(...rng.sample(pools.works, rng.int(1, 2)));
  const unique = [...new Set(works)].slice(0, count);
  while (unique.length < count) unique.push(privateWork(rng, a, b));
  const ordered = rng.shuffle(unique);
  const twice = ordered.findIndex((w) => w.hosts.length > 1);
  const listTwice = count >= 4 && twice >= 0 && rng.chance(0.2);
  // A work listed twice takes the place of another, so the list keeps its length.
  const dropAt = listTwice ? (twice === ordered.length - 1 ? 0 : ordered.length - 1) : -1;
  const twiceWork = listTwice ? ordered[twice] : undefined;
  const entries: Entry[] = [];
  const partner = new Map<number, number>();
  ordered.forEach((work, k) => {
    if (k === dropAt) return;
    if (work === twiceWork) {
      const [first, second] = rng.sample(work.hosts, 2) as [string, string];
      entries.push({ title: work.title, host: first }, { title: work.title, host: second });
      partner.set(entries.length - 1, entries.length).set(entries.length, entries.length - 1);
      return;
    }
    entries.push({ title: work.title, host: rng.pick(work.hosts) });
  });
  const inPair = (n: number) => partner.has(n);
  const candidates = entries.map((_, i) => i + 1).filter((n) => !inPair(n));
  const skip =
    leaveOne && entries.length > 1 && candidates.length > 0 ? rng.pick(candidates) : undefined;
  return { entries, partner, skip };
}

/** The `## References` list: `N. Title [host]`, with one blank line inside it sometimes. */
export function referenceLines(list: ReferenceList, rng: Random): string[] {
  const gap = list.entries.length > 3 && rng.chance(0.5) ? rng.int(2, list.entries.length - 1) : 0;
  const lines: string[] = [];
  list.entries.forEach((e, i) => {
    if (i === gap && gap > 0) lines.push("");
    lines.push(`${i + 1}. ${e.title} [${e.host}]`);
  });
  return lines;
}

/**
 * The corpus generator's only source of chance: mulberry32, a small 32-bit PRNG, seeded
 * from numbers alone. Each document gets its own stream derived from (seed, index), so
 * document k reads the same whether 5 or 1,000 documents are generated.
 */

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A stream for one purpose: the same (seed, ...keys) always gives the same stream. */
  static derive(seed: number, ...keys: readonly number[]): Random {
    let h = mix(seed >>> 0);
    for (const k of keys) h = mix((h ^ mix(k >>> 0)) >>> 0);
    return new Random(h);
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error("Random.pick: the list is empty");
    return list[Math.floor(this.next() * list.length)] as T;
  }

  /** One of `weights`' keys, with probability proportional to its weight. */
  weighted<K extends string | number>(weights: ReadonlyArray<readonly [K, number]>): K {
    const total = weights.reduce((n, [, w]) => n + w, 0);
    let r = this.next() * total;
    for (const [key, w] of weights) {
      r -= w;
      if (r < 0) return key;
    }
    return (weights.at(-1) as readonly [K, number])[0];
  }

  shuffle<T>(list: readonly T[]): T[] {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  /** `n` distinct elements of `list`, in random order. */
  sample<T>(list: readonly T[], n: number): T[] {
    return this.shuffle(list).slice(0, Math.min(n, list.length));
  }
}

/** A 32-bit integer hash (the finaliser of murmur3), to spread nearby seeds apart. */
function mix(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

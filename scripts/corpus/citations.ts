/**
 * Citation slots. While a document is written, every place that cites gets a
 * placeholder (one or two markers); once the reference list's length is known, the
 * slots are filled so that every reference is cited at least once (except the one a
 * document may leave uncited) and every marker points to an existing reference.
 */
import type { Random } from "./random.ts";

const OPEN = "\uE000";

export class Citations {
  private readonly sizes: Array<1 | 2> = [];

  constructor(private readonly rng: Random) {}

  /** A placeholder for " [n]" (or " [n] [m]" when `pair`), to stand before a cell's end or a sentence's period. */
  slot(pair = this.rng.chance(0.15)): string {
    this.sizes.push(pair ? 2 : 1);
    return `${OPEN}${this.sizes.length - 1}${OPEN}`;
  }

  /** A cell's citation: usually one slot, sometimes two references, sometimes none (`uncited`). */
  cell(uncited = 0.07): string {
    return this.rng.chance(uncited) ? "" : this.slot();
  }

  get count(): number {
    return this.sizes.length;
  }

  /**
   * Fills the slots with reference numbers 1..`references`. `skip` is a number left
   * uncited (or undefined); `partner` pairs a number with the one listed beside it as
   * the same work, so a two-marker slot citing either cites both, as the seed's [4] [5].
   */
  fill(
    references: number,
    skip: number | undefined,
    partner: ReadonlyMap<number, number>,
  ): string[] {
    const must = this.rng.shuffle(
      Array.from({ length: references }, (_, i) => i + 1).filter((n) => n !== skip),
    );
    const usable = must.length > 0 ? must : [1];
    const order = this.rng.shuffle(this.sizes.map((_, i) => i));
    const out: string[] = new Array(this.sizes.length).fill("");
    order.forEach((slot, k) => {
      const first = k < must.length ? (must[k] as number) : this.rng.pick(usable);
      const numbers = [first];
      if (this.sizes[slot] === 2) {
        const others = usable.filter((n) => n !== first);
        const second =
          partner.get(first) ?? (others.length > 0 ? this.rng.pick(others) : undefined);
        if (second !== undefined) numbers.push(second);
      }
      numbers.sort((a, b) => a - b);
      out[slot] = numbers.map((n) => ` [${n}]`).join("");
    });
    return out;
  }

  /** `text` with every placeholder replaced by its markers. */
  static render(text: string, filled: readonly string[]): string {
    return text.replace(/\uE000(\d+)\uE000/g, (_, i: string) => {
      const markers = filled[Number(i)];
      if (markers === undefined) throw new Error(`Citations.render: no slot ${i}`);
      return markers;
    });
  }
}

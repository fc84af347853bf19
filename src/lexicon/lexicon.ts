/**
 * The lexicon: canonical entities with their synonyms and identifiers, the predicates
 * table rows name, how tables are read, and the cue phrases that classify text. It
 * finds entity mentions in display text (longest match first, whole words only).
 */
import { normaliseLabel } from "../base/slug.ts";
import type {
  Cue,
  CueKind,
  EntityType,
  LexiconEntity,
  Mention,
  PredicateRecord,
  TableKind,
} from "./types.ts";
import { ENTITY_TYPES } from "./types.ts";

interface Surface {
  readonly text: string;
  readonly folded: string;
  readonly caseSensitive: boolean;
  readonly entity: LexiconEntity;
}

/** What a lexicon is made from: plain data, which a worker thread receives to make the same lexicon. */
export interface LexiconParts {
  readonly entities: readonly LexiconEntity[];
  readonly predicates: ReadonlyMap<string, PredicateRecord>;
  readonly tableKinds: ReadonlyMap<string, TableKind>;
  readonly cues: readonly Cue[];
}

export class Lexicon {
  readonly entities: ReadonlyMap<string, LexiconEntity>;
  /** The constructor's arguments, as given (a class instance does not cross to a worker). */
  readonly parts: LexiconParts;
  private readonly surfaces: readonly Surface[];
  private readonly byLabel: ReadonlyMap<string, LexiconEntity>;
  private readonly predicates: ReadonlyMap<string, PredicateRecord>;
  private readonly tableKinds: ReadonlyMap<string, TableKind>;
  private readonly cueList: readonly Cue[];

  constructor(
    entities: readonly LexiconEntity[],
    predicates: ReadonlyMap<string, PredicateRecord>,
    tableKinds: ReadonlyMap<string, TableKind>,
    cues: readonly Cue[],
  ) {
    this.parts = { entities, predicates, tableKinds, cues };
    this.entities = new Map(entities.map((e) => [e.id, e]));
    const surfaces: Surface[] = [];
    const byLabel = new Map<string, LexiconEntity>();
    for (const entity of entities) {
      for (const text of [entity.label, ...entity.synonyms]) {
        const caseSensitive = isAcronym(text);
        surfaces.push({
          text,
          folded: caseSensitive ? text : text.toLowerCase(),
          caseSensitive,
          entity,
        });
        byLabel.set(normaliseLabel(text), entity);
      }
    }
    // Longest first, so "SSRI-resistant depression" wins over "SSRI" and "depression".
    surfaces.sort((a, b) => b.text.length - a.text.length || (a.text < b.text ? -1 : 1));
    this.surfaces = surfaces;
    this.byLabel = byLabel;
    this.predicates = predicates;
    this.tableKinds = tableKinds;
    this.cueList = cues;
  }

  /** The lexicon `parts` make: the same as the one they came from. */
  static fromParts(parts: LexiconParts): Lexicon {
    return new Lexicon(parts.entities, parts.predicates, parts.tableKinds, parts.cues);
  }

  entity(id: string): LexiconEntity | undefined {
    return this.entities.get(id);
  }

  /** The entity a whole label names (case-, accent- and punctuation-blind), if any. */
  lookup(label: string): LexiconEntity | undefined {
    return this.byLabel.get(normaliseLabel(label));
  }

  /** Entities named in `text`, in order, without overlaps; longer names win. */
  mentions(text: string): Mention[] {
    const lower = text.toLowerCase();
    const taken = new Uint8Array(text.length);
    const found: Mention[] = [];
    for (const s of this.surfaces) {
      const hay = s.caseSensitive ? text : lower;
      let from = 0;
      for (let at = hay.indexOf(s.folded, from); at !== -1; at = hay.indexOf(s.folded, from)) {
        from = at + 1;
        const end = at + s.folded.length;
        if (!isWordBoundary(text, at - 1) || !isWordBoundary(text, end)) continue;
        if (taken.subarray(at, end).some((v) => v === 1)) continue;
        taken.fill(1, at, end);
        found.push({ entity: s.entity, start: at, end, surface: text.slice(at, end) });
      }
    }
    return found.sort((a, b) => a.start - b.start);
  }

  /** The predicate a row label names, if the lexicon knows it. */
  predicate(label: string): PredicateRecord | undefined {
    return this.predicates.get(normaliseLabel(label));
  }

  tableKind(firstHeader: string): TableKind {
    return this.tableKinds.get(normaliseLabel(firstHeader)) ?? "feature";
  }

  cues(kind: CueKind): readonly Cue[] {
    return this.cueList.filter((c) => c.kind === kind);
  }

  /**
   * The cues of `kind` whose phrase occurs in `text` (case-insensitive, whole words); a
   * cue whose phrase is part of a longer matching one ("oral" in "oral gavage") is dropped.
   */
  matchCues(kind: CueKind, text: string): Cue[] {
    const lower = text.toLowerCase();
    const found = this.cues(kind).filter((cue) => {
      const phrase = cue.phrase.toLowerCase();
      for (let at = lower.indexOf(phrase); at !== -1; at = lower.indexOf(phrase, at + 1)) {
        const startsWord = !/[\p{L}\p{N}]/u.test(phrase[0] ?? "") || isWordBoundary(text, at - 1);
        const endsWord =
          !/[\p{L}\p{N}]/u.test(phrase.at(-1) ?? "") || isWordBoundary(text, at + phrase.length);
        if (startsWord && endsWord) return true;
      }
      return false;
    });
    return found.filter(
      (cue) =>
        !found.some(
          (other) =>
            other.phrase.length > cue.phrase.length &&
            other.phrase.toLowerCase().includes(cue.phrase.toLowerCase()),
        ),
    );
  }

  hasCue(kind: CueKind, text: string): boolean {
    return this.matchCues(kind, text).length > 0;
  }
}

function isAcronym(text: string): boolean {
  return /\p{Lu}.*\p{Lu}/u.test(text) && !/\p{Ll}{2}/u.test(text.replace(/s$/, ""));
}

function isWordBoundary(text: string, index: number): boolean {
  const c = text[index];
  return c === undefined || !/[\p{L}\p{N}]/u.test(c);
}

/** The words of `text` outside the given mentions and parentheses: what a label leaves unexplained. */
export function uncovered(text: string, mentions: readonly Mention[]): string {
  let rest = "";
  let at = 0;
  for (const m of mentions) {
    rest += `${text.slice(at, m.start)} `;
    at = m.end;
  }
  rest += text.slice(at);
  return rest
    .replace(/\([^()]*\)/g, " ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function isEntityType(value: string): value is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(value);
}

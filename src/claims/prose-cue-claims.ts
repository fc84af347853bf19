/**
 * The claims of relations read from prose by cues: for each clause of a sentence (or of a
 * value-column cell's sentence), the relations `prose-relations.ts` reads, one claim per
 * subject and object, quoting subject to object and recording the cue; and the classes
 * appositions name. A subject taken from the sentence before stays flagged.
 */
import { rawSpanOf } from "../document/clean.ts";
import type { Segment } from "../document/types.ts";
import type { Cue } from "../lexicon/types.ts";
import { type ClaimInput, type ExtractContext, makeClaim } from "./context.ts";
import type { ObjectRules } from "./prose-objects.ts";
import {
  type Apposition,
  appositions,
  effectOf,
  type RelationObject,
  type RelationReading,
  readRelations,
} from "./prose-relations.ts";
import { clauseSubject, type SubjectReading } from "./prose-subject.ts";
import { findMentions, predicateTerm, type TermMention } from "./terms.ts";
import type { Claim, EntityTerm, Guess } from "./types.ts";

/**
 * Where one clause of a sentence ends and the next begins: "…, while …", "…; …"; and
 * ", and …" when a subject of its own follows ("…, and its metabolite N inhibits …").
 */
const CLAUSE_BREAK = /;\s+|,\s+(?:while|whereas|but)\s+|\s+(?:while|whereas)\s+|(,\s+and\s+)/gi;

/**
 * The relations a cue fits in each clause, one claim per subject and object, quoting
 * subject to object; and the classes appositions name ("Mirtazapine (atypical
 * antidepressant)"). Also used for the sentences of value-column cells.
 */
export function relationClaims(
  ctx: ExtractContext,
  segment: Segment,
  reading: SubjectReading | undefined,
  found: readonly TermMention[],
  extra: Pick<ClaimInput, "table"> = {},
): Claim[] {
  const text = segment.display.text;
  const rules = objectRules(ctx);
  const claims = clauseClaims(ctx, segment, reading, found, rules, extra);
  for (const a of appositions(text, found, rules(classCue))) {
    const at = { clauseStart: a.subject.start, cueEnd: a.object.start };
    claims.push(pairClaim(ctx, segment, a, classCue, at, extra));
  }
  const effect = reading && effectOf(text, reading.clauseStart, found);
  if (effect) {
    const at = { clauseStart: effect.object.start, cueEnd: effect.object.end };
    claims.push(pairClaim(ctx, segment, effect, effectCue, at, extra));
  }
  return claims;
}

/**
 * The relations a cue fits in each clause, one claim per subject (and the subjects read
 * with it) and object; a clause without a subject of its own keeps the one before.
 */
function clauseClaims(
  ctx: ExtractContext,
  segment: Segment,
  reading: SubjectReading | undefined,
  found: readonly TermMention[],
  rules: (cue: Cue) => ObjectRules,
  extra: Pick<ClaimInput, "table">,
): Claim[] {
  const text = segment.display.text;
  const cues = ctx.lexicon.cues("relation");
  const claims: Claim[] = [];
  let subject = reading;
  for (const [from, to] of clauses(text, (at) => clauseSubject(text, at, found, ctx.focus))) {
    const own = from === 0 ? undefined : clauseSubject(text, from, found, ctx.focus);
    if (own) subject = own;
    if (!subject || !isAgent(subject.term)) continue;
    const start = Math.max(from, subject.clauseStart);
    for (const relation of readRelations(text, start, to, cues, found, rules)) {
      for (const term of [subject.term, ...(subject.also ?? [])]) {
        for (const object of relation.objects) {
          if (object.term.id === term.id) continue;
          const one = { ...subject, term };
          claims.push(relationClaim(ctx, segment, one, relation, object, start, extra));
        }
      }
    }
  }
  return claims;
}

/**
 * A claim read from a drug and what stands beside it (its class in an apposition, the
 * effect it causes) rather than from a cue: the drug is the subject, the cue is recorded.
 */
function pairClaim(
  ctx: ExtractContext,
  segment: Segment,
  { subject, object }: Apposition,
  cue: Cue,
  at: { readonly clauseStart: number; readonly cueEnd: number },
  extra: Pick<ClaimInput, "table">,
): Claim {
  const reading: SubjectReading = {
    term: subject.term,
    rule: "subject-position",
    clauseStart: at.clauseStart,
    mention: subject,
  };
  const relation = { cue, cueStart: object.start, cueEnd: at.cueEnd, objects: [] };
  return relationClaim(ctx, segment, reading, relation, object, at.clauseStart, extra);
}

/** The cue an apposition is recorded with. */
const classCue: Cue = { kind: "relation", phrase: "apposition", value: "memberOf" };
/** The cue "E is the … side effect of D" is recorded with. */
const effectCue: Cue = { kind: "relation", phrase: "side effect of", value: "causes" };

/** How the objects of each cue are read: the predicate's object type; "is the" names no new class. */
function objectRules(ctx: ExtractContext): (cue: Cue) => ObjectRules {
  const classHeads = new Set(
    ctx.lexicon
      .cues("drug-class")
      .filter((c) => c.value === "suffix")
      .map((c) => c.phrase.toLowerCase().replace(/s$/, "")),
  );
  return (cue) => ({
    type: ctx.lexicon.predicate(cue.value)?.objectType,
    classHeads,
    mayMint: !/\bthe$/i.test(cue.phrase),
  });
}

function relationClaim(
  ctx: ExtractContext,
  segment: Segment,
  subject: SubjectReading,
  relation: RelationReading,
  object: RelationObject,
  clauseStart: number,
  extra: Pick<ClaimInput, "table">,
): Claim {
  const text = segment.display.text;
  const named =
    subject.mention && subject.mention.start >= clauseStart
      ? subject.mention.start
      : relation.cueStart;
  const from = Math.min(named, relation.cueStart, object.start);
  const to = Math.max(object.end, subject.mention?.end ?? 0);
  // A minted object is flagged MintedEntity by makeClaim, from the term itself.
  const guesses: Guess[] = subject.rule === "previous" ? ["SubjectFromPreviousSentence"] : [];
  return makeClaim(ctx, {
    kind: "prose",
    subject: subject.term,
    predicate: predicateTerm(ctx.lexicon, relation.cue.value),
    object: object.term,
    segment,
    quote: rawSpanOf(segment.display, from, to) ?? segment.span,
    text: text.slice(from, to),
    mentions: [subject.term, object.term],
    readBy: "ProseCueRule",
    cue: relation.cue.phrase.toLowerCase(),
    guesses,
    ...extra,
  });
}

/** Relations are read for drugs and classes only: what else a sentence is about is kept as a statement. */
function isAgent(term: EntityTerm): boolean {
  return term.type === "Drug" || term.type === "DrugClass";
}

/** [from, to) display offsets of each clause of a sentence; ", and" opens one only before a subject. */
function clauses(text: string, opens: (at: number) => unknown): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    const next = m.index + m[0].length;
    if (m[1] !== undefined && !opens(next)) continue;
    out.push([from, m.index]);
    from = next;
  }
  out.push([from, text.length]);
  return out;
}

/**
 * The entities a sentence names: the lexicon's and the document's own, a class the
 * document names by its abbreviation also in the plural ("SNRI" column, "SNRIs" in prose).
 */
export function proseMentions(ctx: ExtractContext, text: string): TermMention[] {
  const own = ctx.documentEntities ?? [];
  const plurals = own
    .filter((t) => t.type === "DrugClass" && /^\p{Lu}[\p{Lu}\p{N}-]*$/u.test(t.label))
    .map((t) => ({ ...t, label: `${t.label}s` }));
  const byId = new Map(own.map((t) => [t.id, t]));
  return findMentions(ctx.lexicon, text, [...own, ...plurals]).map((m) => ({
    ...m,
    term: byId.get(m.term.id) ?? m.term,
  }));
}

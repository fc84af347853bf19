/**
 * Prose claims: every sentence that carries a citation marker, and every other
 * sentence that states something (page furniture such as "Get Quote" and lead-ins
 * ending in ":" are not statements). A statement's subject is read from the sentence
 * (`prose-subject.ts`); when no rule decides it, the statement stays with the document
 * as its subject and is flagged with the guess SubjectUnclear. Relations a cue fits ("X inhibits Y")
 * become claims of their own (`prose-cue-claims.ts`), as do the relations the sentences of
 * Key Experimental Data cells state (`prose-cells.ts`). Protocol bullets become studies.
 */
import type { Sentence } from "../document/types.ts";
import { type ExtractContext, makeClaim } from "./context.ts";
import { valueCellRelations } from "./prose-cells.ts";
import { proseMentions, relationClaims } from "./prose-cue-claims.ts";
import { type SubjectReading, sentenceSubject } from "./prose-subject.ts";
import { distinctTerms, predicateTerm, type TermMention } from "./terms.ts";
import type { Claim, EntityTerm, ReadingRule, Term } from "./types.ts";

/** The reading rule each way of deciding a sentence's subject is recorded as. */
const SUBJECT_RULE: Readonly<Record<SubjectReading["rule"], ReadingRule>> = {
  contrast: "ProseContrastRule",
  pronoun: "ProsePronounRule",
  previous: "ProsePreviousSentenceRule",
  "subject-position": "ProseSubjectPositionRule",
};

const PROTOCOL_SECTION = /protocol|method/i;

export function isProtocolSection(title: string | undefined): boolean {
  return title !== undefined && PROTOCOL_SECTION.test(title);
}

export function isStatement(ctx: ExtractContext, sentence: Sentence): boolean {
  const text = sentence.display.text;
  if (sentence.citations.length > 0) return true;
  if (text.endsWith(":") || !/\p{L}{2}/u.test(text)) return false;
  if (ctx.lexicon.hasCue("boilerplate", text)) return false;
  if (sentence.section && ctx.lexicon.hasCue("boilerplate", sentence.section.title)) return false;
  return true;
}

export function proseClaims(ctx: ExtractContext): Claim[] {
  const claims: Claim[] = [];
  let previous:
    | { paragraph: number; subject: EntityTerm | undefined; also: readonly EntityTerm[] }
    | undefined;
  for (const sentence of ctx.document.sentences) {
    if (sentence.container === "bullet" && isProtocolSection(sentence.section?.title)) continue;
    if (!isStatement(ctx, sentence)) continue;
    const text = sentence.display.text;
    const found = proseMentions(ctx, text);
    const same = previous?.paragraph === sentence.paragraph;
    const reading = sentenceSubject(text, found, {
      focus: ctx.focus,
      previous: same ? previous?.subject : undefined,
      previousAlso: same ? previous?.also : undefined,
    });
    claims.push(statementClaim(ctx, sentence, reading, found));
    claims.push(...relationClaims(ctx, sentence, reading, found));
    previous = {
      paragraph: sentence.paragraph,
      subject: reading?.term,
      also: reading?.also ?? [],
    };
  }
  claims.push(...valueCellRelations(ctx));
  return claims;
}

function statementClaim(
  ctx: ExtractContext,
  sentence: Sentence,
  reading: SubjectReading | undefined,
  found: readonly TermMention[],
): Claim {
  const text = sentence.display.text;
  const subject: Term = reading?.term ?? {
    kind: "document",
    id: ctx.document.id,
    label: ctx.document.header.title?.value ?? ctx.document.id,
  };
  return makeClaim(ctx, {
    kind: "prose",
    subject,
    predicate: predicateTerm(ctx.lexicon, "statement"),
    object: { kind: "literal", value: text },
    segment: sentence,
    quote: sentence.span,
    text,
    mentions: distinctTerms(found),
    readBy: reading ? SUBJECT_RULE[reading.rule] : "ProseSentenceRule",
    guesses: reading
      ? reading.rule === "previous"
        ? ["SubjectFromPreviousSentence"]
        : []
      : ["SubjectUnclear"],
  });
}

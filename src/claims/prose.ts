/**
 * Prose claims: every sentence that carries a citation marker, and every other
 * sentence that states something (page furniture such as "Get Quote" and lead-ins
 * ending in ":" are not statements). A sentence is anchored to the first entity it
 * names, or to the document when it names none. Protocol bullets become studies.
 */
import type { Sentence } from "../document/types.ts";
import { type ExtractContext, makeClaim } from "./context.ts";
import { distinctTerms, findMentions, predicateTerm } from "./terms.ts";
import type { Claim, Term } from "./types.ts";

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
  for (const sentence of ctx.document.sentences) {
    if (sentence.container === "bullet" && isProtocolSection(sentence.section?.title)) continue;
    if (!isStatement(ctx, sentence)) continue;
    const text = sentence.display.text;
    const found = findMentions(ctx.lexicon, text, ctx.documentEntities);
    const first = found[0];
    const subject: Term = first
      ? first.term
      : {
          kind: "document",
          id: ctx.document.id,
          label: ctx.document.header.title?.value ?? ctx.document.id,
        };
    claims.push(
      makeClaim(ctx, {
        kind: "prose",
        subject,
        predicate: predicateTerm(ctx.lexicon, "statement"),
        object: { kind: "literal", value: text },
        segment: sentence,
        quote: sentence.span,
        text,
        mentions: distinctTerms(found),
      }),
    );
  }
  return claims;
}

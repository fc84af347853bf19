/**
 * Claims the document header makes: the CAS number it gives for its focus compound.
 * The knowledge base keeps what the document says; where the lexicon holds checked
 * identifiers of the same scheme and none matches, the disagreement is recorded.
 */
import type { HeaderField } from "../document/types.ts";
import { type ExtractContext, makeClaim } from "./context.ts";
import { entityTerm, mintedEntity, predicateTerm } from "./terms.ts";
import type { Claim, Discrepancy, EntityTerm } from "./types.ts";

export function headerClaims(
  ctx: ExtractContext,
  focus: EntityTerm | undefined,
): { claims: Claim[]; discrepancies: Discrepancy[] } {
  const cas = ctx.document.header.casNumber;
  if (!focus || !cas) return { claims: [], discrepancies: [] };
  const claim = fieldClaim(ctx, focus, "casNumber", cas);
  const discrepancies: Discrepancy[] = [];
  const known = ctx.lexicon
    .entity(focus.id)
    ?.identifiers.filter((i) => i.scheme === "cas" && i.confidence === "confirmed");
  if (known && known.length > 0 && !known.some((i) => i.id === cas.value)) {
    discrepancies.push({
      claimId: claim.id,
      scheme: "cas",
      statedValue: cas.value,
      publicValues: known.map((i) => i.id),
      sources: known.map((i) => i.source),
    });
  }
  return { claims: [claim], discrepancies };
}

function fieldClaim(
  ctx: ExtractContext,
  subject: EntityTerm,
  predicate: string,
  field: HeaderField,
): Claim {
  return makeClaim(ctx, {
    kind: "header",
    subject,
    predicate: predicateTerm(ctx.lexicon, predicate),
    object: { kind: "literal", value: field.value },
    segment: { citations: [], section: undefined },
    quote: field.span,
    text: field.value,
  });
}

/** The entity the header's "Compound Focus" names. */
export function focusEntity(ctx: ExtractContext): EntityTerm | undefined {
  const focus = ctx.document.header.compoundFocus;
  if (!focus) return undefined;
  const known = ctx.lexicon.lookup(focus.value);
  return known ? entityTerm(known) : mintedEntity(focus.value, "Drug");
}

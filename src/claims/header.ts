/**
 * Claims the document header makes: the CAS number it gives for its focus compound.
 * The knowledge base keeps what the document says as the document's statement (the
 * document states identifier X for entity Y), never as a fact about the entity; where
 * the lexicon holds checked identifiers of the same scheme and none matches, the
 * disagreement is recorded.
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
  const claim = identifierClaim(ctx, focus, "cas", cas);
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

function identifierClaim(
  ctx: ExtractContext,
  about: EntityTerm,
  scheme: string,
  field: HeaderField,
): Claim {
  const document = ctx.document;
  return makeClaim(ctx, {
    kind: "header",
    subject: {
      kind: "document",
      id: document.id,
      label: document.header.title?.value ?? document.id,
    },
    predicate: predicateTerm(ctx.lexicon, "statesIdentifier"),
    // The claim links the document to the entity it gives an identifier for, so a trace of
    // the entity finds it; the identifier is its value, never a property of the entity.
    object: about,
    value: field.value,
    segment: { citations: [], section: undefined },
    quote: field.span,
    text: field.value,
    mentions: [about],
    statement: { kind: "statedIdentifier", about, scheme, value: field.value },
  });
}

/** The entity the header's "Compound Focus" names. */
export function focusEntity(ctx: ExtractContext): EntityTerm | undefined {
  const focus = ctx.document.header.compoundFocus;
  if (!focus) return undefined;
  const known = ctx.lexicon.lookup(focus.value);
  return known ? entityTerm(known) : mintedEntity(focus.value, "Drug");
}

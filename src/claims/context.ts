/** What every extractor needs: the document, the lexicon, and a way to make claims. */
import type { ParsedDocument, Segment, Span } from "../document/types.ts";
import type { Lexicon } from "../lexicon/lexicon.ts";
import { claimId } from "./ids.ts";
import type {
  Claim,
  ClaimKind,
  Comparison,
  EntityTerm,
  PredicateTerm,
  TablePlace,
  Term,
} from "./types.ts";

export interface ExtractContext {
  readonly document: ParsedDocument;
  readonly lexicon: Lexicon;
  /** Entities this document names that the lexicon does not know (minted from its table headers). */
  readonly documentEntities?: readonly EntityTerm[];
  /** The section's compound ("Compound Focus"): the antecedent of "it", "its", "this drug". */
  readonly focus?: EntityTerm | undefined;
}

export interface ClaimInput {
  readonly kind: ClaimKind;
  readonly subject: Term;
  readonly predicate: PredicateTerm;
  readonly object: Term;
  /** Where the claim's location and citations come from. */
  readonly segment: Pick<Segment, "citations" | "section">;
  /** The exact span quoted; defaults to the whole segment. */
  readonly quote: Span;
  readonly text: string;
  readonly table?: TablePlace | undefined;
  readonly value?: string | undefined;
  readonly qualifier?: string | undefined;
  readonly mentions?: readonly EntityTerm[];
  readonly comparison?: Comparison | undefined;
  readonly note?: string | undefined;
  readonly citations?: readonly number[];
  readonly readBy?: string | undefined;
  readonly subjectUnclear?: boolean | undefined;
  readonly guesses?: readonly string[] | undefined;
  readonly curationReason?: string | undefined;
}

export function makeClaim(ctx: ExtractContext, input: ClaimInput): Claim {
  const raw = ctx.document.source.slice(input.quote);
  const numbers = input.citations ?? input.segment.citations.map((c) => c.number);
  return {
    id: claimId(ctx.document.id, input.kind, input.subject, input.predicate, input.object, raw),
    kind: input.kind,
    documentId: ctx.document.id,
    subject: input.subject,
    predicate: input.predicate,
    object: input.object,
    quote: input.quote,
    text: input.text,
    section: input.segment.section?.title,
    table: input.table,
    citations: [...new Set(numbers)].sort((a, b) => a - b),
    value: input.value,
    qualifier: input.qualifier,
    mentions: input.mentions ?? [],
    comparison: input.comparison,
    note: input.note,
    readBy: input.readBy,
    subjectUnclear: input.subjectUnclear,
    guesses: input.guesses,
    curationReason: input.curationReason,
  };
}

/** What every extractor needs: the document, the lexicon, and a way to make claims. */
import type { ParsedDocument, Segment, Span } from "../document/types.ts";
import type { Lexicon } from "../lexicon/lexicon.ts";
import { claimId } from "./ids.ts";
import type {
  CellStatus,
  Claim,
  ClaimKind,
  Comparison,
  EntityTerm,
  Guess,
  PredicateTerm,
  ReadingRule,
  Statement,
  TablePlace,
  Term,
} from "./types.ts";

export interface ExtractContext {
  readonly document: ParsedDocument;
  readonly lexicon: Lexicon;
  /** Entities this document names that the lexicon does not know (minted from its table headers). */
  readonly documentEntities?: readonly EntityTerm[];
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
  readonly status?: CellStatus | undefined;
  readonly statement?: Statement | undefined;
  /** Defaults to the rule of the claim's kind. */
  readonly readBy?: ReadingRule;
  /** Guesses besides minted entities and predicates, which are found from the terms. */
  readonly guesses?: readonly Guess[];
}

const RULE_OF_KIND: Readonly<Record<ClaimKind, ReadingRule>> = {
  table: "FeatureCellRule",
  prose: "ProseSentenceRule",
  curated: "CurationRule",
  comparative: "ComparativeRowRule",
  protocol: "ProtocolBulletRule",
  header: "HeaderFieldRule",
};

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
    status: input.status,
    statement: input.statement,
    readBy: input.readBy ?? RULE_OF_KIND[input.kind],
    guesses: guessesOf(input),
  };
}

function guessesOf(input: ClaimInput): Guess[] {
  const guesses = new Set<Guess>(input.guesses ?? []);
  const terms = [input.subject, input.object];
  if (input.comparison) terms.push(input.comparison.armA, input.comparison.armB);
  if (terms.some((t) => t.kind === "entity" && t.unnormalised)) guesses.add("MintedEntity");
  if (input.predicate.unnormalised) guesses.add("MintedPredicate");
  return [...guesses].sort();
}

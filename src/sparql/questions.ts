/**
 * The questions the command line asks of a knowledge base, written once: the graph a trace
 * needs, and a SPARQL query's answer. Two sources answer them alike — the knowledge-base
 * files (`query/local.ts`) and a SPARQL store the knowledge base was pushed to
 * (`store/questions.ts`) — and a command is given one, chosen once from its flags.
 */
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import type { QueryAnswer, QueryFormat } from "./answer.ts";

export interface QueryOptions {
  /** Run a SPARQL update too (`--update`); without it an update is refused before anything runs. */
  readonly update?: boolean | undefined;
  /** A table's cells cut at this many columns (`--max-width`); undefined: whole cells. */
  readonly maxCell?: number | undefined;
}

export interface QuestionSource {
  /**
   * The graph `trace(kg, query)` answers on as it would on the whole knowledge base: the
   * whole of it, or the part of a store the query needs.
   */
  graphFor(query: string): Promise<KnowledgeGraph>;
  /**
   * The graph trace answers one page on (`offset`, `limit`), with what it cannot count on that
   * graph (a store reads an entity's page of claims and counts the rest at the store); a
   * source without it answers on `graphFor`.
   */
  graphForTrace?(query: string, page: TraceWindow): Promise<TraceGraph>;
  /**
   * The graph `compare` answers on for the drugs `names` names as it would on the whole
   * knowledge base: the whole of it, or the part of a store the comparison needs (told to
   * `onProgress` as the drugs' claims are read, when it reads them in batches).
   */
  graphForCompare(names: readonly string[], onProgress?: ReadProgress): Promise<KnowledgeGraph>;
  /** A SPARQL query's answer in `format`; the text is checked before anything runs. */
  query(sparql: string, format: QueryFormat, options?: QueryOptions): Promise<QueryAnswer>;
}

/** Told how many of the `of` claims a read has read so far. */
export type ReadProgress = (read: number, of: number) => void;

/** The page of trace's answer asked for. */
export interface TraceWindow {
  readonly offset: number;
  readonly limit: number;
}

/** The graph one page of trace's answer is made from, and the counts when read apart. */
export interface TraceGraph {
  readonly kg: KnowledgeGraph;
  /** Set when the graph holds only the page's claims about an entity: its counts, from the store. */
  readonly entityPage?: EntityPage | undefined;
  /** Set when the graph holds only the page's claims resting on a work or references. */
  readonly restingPage?: RestingPage | undefined;
}

/** One page of the claims resting on a work or on references, with the counts of all. */
export interface RestingPage {
  readonly match: "reference" | "work";
  /** How many references were matched, and the first `limit` of them, in trace's order. */
  readonly referenceCount: number;
  readonly references: readonly string[];
  /** How many claims rest on them, and the page's claims, in document order. */
  readonly total: number;
  readonly claims: readonly string[];
}

/** One page of the claims about an entity, with the counts of all of them. */
export interface EntityPage {
  readonly entity: string;
  /** How many claims are about the entity (its subject or object). */
  readonly total: number;
  /** The page's claims, in document order. */
  readonly claims: readonly string[];
  /** Every group of its claims: the entity's role, the claims' predicate, how many. */
  readonly groups: ReadonlyArray<{
    readonly role: "subject" | "object";
    readonly predicate: string;
    readonly count: number;
  }>;
  /** How many claims only mention it, and the first `limit` of them, in document order. */
  readonly mentionedInCount: number;
  readonly mentionedIn: ReadonlyArray<{ readonly id: string; readonly label: string }>;
}

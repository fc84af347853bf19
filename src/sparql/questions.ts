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
   * The graph `compare` answers on for the drugs `names` names as it would on the whole
   * knowledge base: the whole of it, or the part of a store the comparison needs.
   */
  graphForCompare(names: readonly string[]): Promise<KnowledgeGraph>;
  /** A SPARQL query's answer in `format`; the text is checked before anything runs. */
  query(sparql: string, format: QueryFormat, options?: QueryOptions): Promise<QueryAnswer>;
}

/** What a SPARQL question answers, asked of local files (query/) or of a store (store/). */
export type QueryFormat = "table" | "json" | "csv";

export interface QueryAnswer {
  /**
   * SELECT: variables and rows of terms; ASK: a boolean; CONSTRUCT/DESCRIBE: N-Triples text;
   * an update a remote store ran (`--endpoint --update`): what the store said.
   */
  readonly kind: "select" | "ask" | "graph" | "update";
  readonly text: string;
}

/**
 * The knowledge-base files as a source of answers (see sparql/questions.ts): trace reads the
 * whole graph (from the snapshot cache when it can), SPARQL runs on an embedded store. The
 * RDF reader and oxigraph load only when a question needs them.
 */
import { UsageError } from "../base/errors.ts";
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../graph/open.ts";
import type { QueryAnswer, QueryFormat } from "../sparql/answer.ts";
import { byLongestNamespace, compactor, predeclaredPrefixes } from "../sparql/prefixes.ts";
import type { QueryOptions, QuestionSource } from "../sparql/questions.ts";

export class LocalQuestions implements QuestionSource {
  constructor(readonly files: readonly string[]) {}

  /** The whole knowledge base; a new snapshot is written after the caller has answered. */
  graphFor(): Promise<KnowledgeGraph> {
    return openKnowledgeGraph(this.files, { snapshot: "later" });
  }

  /** The whole knowledge base, as for a trace. */
  graphForCompare(): Promise<KnowledgeGraph> {
    return this.graphFor();
  }

  async query(
    sparql: string,
    format: QueryFormat,
    options: QueryOptions = {},
  ): Promise<QueryAnswer> {
    if (options.update) throw needsEndpoint("--update");
    const { runQuery } = await import("./sparql.ts");
    const prefixMap = Object.fromEntries(byLongestNamespace(predeclaredPrefixes()));
    return runQuery(this.files, sparql, format, prefixMap, compactor(prefixMap), {
      maxCell: options.maxCell,
    });
  }
}

/** A store's flag given without a store: the files are read into memory only. */
export function needsEndpoint(flag: string): UsageError {
  return new UsageError(
    `${flag} needs --endpoint`,
    "the local store holds the --kb files in memory only: an update there would change nothing; push the knowledge base and give the store's --endpoint",
  );
}

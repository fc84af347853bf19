/**
 * A remote SPARQL store as a source of answers (see sparql/questions.ts): trace reads the part
 * of the store a query needs (remote-graph.ts), compare the part its drugs need
 * (remote-compare.ts), SPARQL runs at the store (sparql.ts).
 */
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import type { QueryAnswer, QueryFormat } from "../sparql/answer.ts";
import type {
  QueryOptions,
  QuestionSource,
  ReadProgress,
  TraceGraph,
  TraceWindow,
} from "../sparql/questions.ts";
import type { Credentials } from "./http.ts";
import { remoteCompareGraph } from "./remote-compare.ts";
import { type RemoteGraphOptions, remoteGraph, remoteTraceGraph } from "./remote-graph.ts";
import { remoteQuery } from "./sparql.ts";

export class RemoteQuestions implements QuestionSource {
  constructor(
    readonly endpoint: string,
    private readonly auth?: Credentials,
    private readonly options: RemoteGraphOptions = {},
  ) {}

  graphFor(query: string): Promise<KnowledgeGraph> {
    return remoteGraph(this.endpoint, query, this.auth, this.options);
  }

  graphForTrace(query: string, page: TraceWindow): Promise<TraceGraph> {
    return remoteTraceGraph(this.endpoint, query, page, this.auth, this.options);
  }

  graphForCompare(names: readonly string[], onProgress?: ReadProgress): Promise<KnowledgeGraph> {
    return remoteCompareGraph(this.endpoint, names, this.auth, { ...this.options, onProgress });
  }

  query(sparql: string, format: QueryFormat, options: QueryOptions = {}): Promise<QueryAnswer> {
    return remoteQuery(this.endpoint, sparql, format, this.auth, {
      ...this.options,
      update: options.update,
      maxCell: options.maxCell,
    });
  }
}

/** The triple-store client: push a knowledge base, query it, trace from it. */
export type { Credentials } from "./digest-auth.ts";
export {
  redactUrl,
  StoreAuthError,
  StoreError,
  StoreRefusedError,
  StoreUnavailableError,
} from "./errors.ts";
export { type GraphGroup, GraphGrouper, groupGraphs } from "./graphs.ts";
export { checkUrl, credentialsFromEnv, HttpClient, type HttpOptions } from "./http.ts";
export {
  countTriples,
  DEFAULT_MAX_BYTES,
  defaultGraphStore,
  type GraphReport,
  type GraphState,
  listGraphs,
  type PushEvent,
  type PushOptions,
  type PushReport,
  type PushStatus,
  push,
  pushStatus,
  type StoreReadOptions,
} from "./push.ts";
export { RemoteQuestions } from "./questions.ts";
export { type RemoteGraphOptions, remoteGraph } from "./remote-graph.ts";
export { NQuadsLines, readGraphGroups } from "./source.ts";
export { type RemoteQueryOptions, remoteQuery } from "./sparql.ts";
export { type RemoteOptions, SparqlClient } from "./sparql-client.ts";

/** The triple-store client: push a knowledge base, query it, trace from it. */
export type { Credentials } from "./digest-auth.ts";
export {
  redactUrl,
  StoreAuthError,
  StoreError,
  StoreRefusedError,
  StoreUnavailableError,
} from "./errors.ts";
export { countGraphs, type GraphGroup, groupGraphs, quadsPass } from "./graphs.ts";
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
export { filesPass, NQuadsLines } from "./source.ts";
export { type RemoteQueryOptions, remoteQuery } from "./sparql.ts";
export { type RemoteOptions, SparqlClient } from "./sparql-client.ts";

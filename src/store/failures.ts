/**
 * What a failed store request is called: the error for an answer refusing the credentials,
 * and the words for an attempt that got no answer. Neither holds a request header.
 */
import { StoreAuthError } from "./errors.ts";

/** The error for a 401 or 403 answer to `what`, with what to do about it. */
export function authError(
  what: string,
  context: { readonly url: string; readonly graph: string | undefined; readonly status: number },
  withCredentials: boolean,
): StoreAuthError {
  const message =
    context.status === 403
      ? "the store does not let this user do that (403)"
      : withCredentials
        ? "the store refused the credentials (401): wrong user or password"
        : "the store asks for a user and password (401)";
  return new StoreAuthError(`${what} at ${context.url}: ${message}`, {
    ...context,
    hint:
      context.status === 403
        ? 'give the account write access (Virtuoso: GRANT SPARQL_UPDATE TO "user")'
        : "set CLAIMGRAPH_USER and CLAIMGRAPH_PASSWORD to an account that may write",
  });
}

/** Why an attempt failed, in words, from fetch's errors (which never hold request headers). */
export function failureText(error: unknown, timeoutMs: number): string {
  const e = error as {
    name?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  if (e?.name === "TimeoutError" || e?.name === "AbortError")
    return `no answer within ${timeoutMs} ms`;
  const cause = e?.cause;
  if (cause?.code === "ECONNREFUSED") return "the connection was refused";
  if (cause?.code === "ECONNRESET" || cause?.code === "UND_ERR_SOCKET" || cause?.code === "EPIPE")
    return "the store dropped the connection";
  const detail = cause?.code ?? cause?.message ?? e?.message ?? String(error);
  return `the request failed (${detail})`;
}

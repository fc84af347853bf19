/**
 * Errors of talking to a triple store. Each names the store's address (never with
 * credentials), the graph when there is one, and the HTTP status when the store answered;
 * messages never hold a password or an Authorization header.
 */
import { ClaimgraphError } from "../errors.ts";

export interface StoreErrorContext {
  /** The address that was asked, without user information. */
  readonly url: string;
  /** The graph a push was writing, if any. */
  readonly graph?: string | undefined;
  /** The HTTP status the store answered with, if it answered. */
  readonly status?: number | undefined;
  readonly hint?: string | undefined;
}

/** Something went wrong between claimgraph and a triple store. */
export class StoreError extends ClaimgraphError {
  override name = "StoreError";
  readonly url: string;
  readonly graph: string | undefined;
  readonly status: number | undefined;
  readonly hint: string;

  constructor(message: string, context: StoreErrorContext) {
    super(message);
    this.url = context.url;
    this.graph = context.graph;
    this.status = context.status;
    this.hint = context.hint ?? "";
  }
}

/** The store refused the credentials (401, or 403), or asked for some and none were given. */
export class StoreAuthError extends StoreError {
  override name = "StoreAuthError";
}

/** The store refused the request itself (another 4xx): a bad query, an unsupported format. */
export class StoreRefusedError extends StoreError {
  override name = "StoreRefusedError";
}

/** The store did not answer usefully after every retry: timeouts, dropped connections, 5xx. */
export class StoreUnavailableError extends StoreError {
  override name = "StoreUnavailableError";
  /** What went wrong the last time, in a few words ("the store dropped the connection"). */
  readonly reason: string;

  constructor(message: string, context: StoreErrorContext & { readonly reason: string }) {
    super(message, context);
    this.reason = context.reason;
  }
}

/** `https://user:pw@host/p?q` → `https://host/p?q`: user information never reaches a message. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = "";
    u.password = "";
    return u.toString();
  } catch {
    return url.replace(/\/\/[^/@]*@/, "//");
  }
}

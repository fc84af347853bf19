/**
 * Errors of talking to a triple store. Each names the store's address (never with
 * credentials), the graph when there is one, and the HTTP status when the store answered;
 * messages never hold a password or an Authorization header.
 */
import { ClaimgraphError } from "../base/errors.ts";

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

/**
 * An address as messages show it: `https://user:pw@host/p` → `https://***@host/p`. Text that does
 * not parse as an address may still hold a user and password (`http://user:pa/ss@host`, a
 * "/" in the password), so everything between the scheme's "//" (or the start) and the last
 * "@" is masked as well: `http://***@host`.
 */
export function redactUrl(url: string): string {
  let shown = url;
  try {
    const u = new URL(url);
    if (u.username || u.password) u.username = "***";
    u.password = "";
    shown = u.toString();
  } catch {
    // Masked below.
  }
  const start = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(shown)?.[0].length ?? 0;
  const at = shown.lastIndexOf("@");
  return at >= start ? `${shown.slice(0, start)}***${shown.slice(at)}` : shown;
}

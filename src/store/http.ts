/**
 * The HTTP client every store call goes through: fetch with a timeout per attempt, bounded
 * retries with exponential backoff for what may pass (dropped connections, timeouts, 5xx —
 * never a 4xx), and Digest or Basic authentication answered from the store's challenge.
 * Credentials are used for the Authorization header only: no message, error or event
 * carries them or the header.
 */
import { UsageError } from "../errors.ts";
import {
  authorization,
  type Challenge,
  type Credentials,
  isStale,
  parseChallenge,
} from "./digest.ts";
import { redactUrl, StoreAuthError, StoreRefusedError, StoreUnavailableError } from "./errors.ts";

export type { Credentials } from "./digest.ts";

export interface HttpOptions {
  readonly auth?: Credentials | undefined;
  /** Milliseconds an attempt may take, answer body included (default 30 s). */
  readonly timeoutMs?: number | undefined;
  /** Attempts after the first for retryable failures (default 3). */
  readonly retries?: number | undefined;
  /** The wait before the first retry, doubled for each next one (default 250 ms). */
  readonly backoffMs?: number | undefined;
}

export interface HttpRequest {
  readonly method: "GET" | "HEAD" | "POST" | "PUT" | "DELETE";
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** What the request does, for messages: "query", "PUT of graph <…>". */
  readonly what: string;
  /** The graph the request writes, for errors. */
  readonly graph?: string | undefined;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/** Bodies above this size wait for the store's challenge first (a bodiless HEAD), not resent. */
const PROBE_ABOVE = 64 * 1024;

export class HttpClient {
  readonly timeoutMs: number;
  readonly retries: number;
  readonly backoffMs: number;
  private readonly auth: Credentials | undefined;
  /** The last challenge answered, reused (with a growing nonce count) so bodies go once. */
  private challenge: Challenge | undefined;
  private nonceCount = 0;
  /** Whether the remembered challenge has been answered successfully. */
  private proven = false;

  constructor(options: HttpOptions = {}) {
    this.auth = options.auth;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retries = options.retries ?? 3;
    this.backoffMs = options.backoffMs ?? 250;
  }

  /**
   * Sends `request`, retrying what may pass. Returns 2xx and 3xx answers; throws
   * StoreAuthError (401/403), StoreRefusedError (other 4xx) or, once retries are spent,
   * StoreUnavailableError.
   */
  async send(request: HttpRequest, retries = this.retries): Promise<HttpResponse> {
    const url = checkUrl(request.url);
    // Messages name the address without its query string (a graph's name is in `what`).
    const shown = redactUrl(`${url.origin}${url.pathname}`);
    let last = "";
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await sleep(this.backoffMs * 2 ** (attempt - 1));
      let response: HttpResponse;
      try {
        response = await this.attempt(request, url);
      } catch (error) {
        last = failureText(error, this.timeoutMs);
        continue;
      }
      if (response.status < 400) return response;
      const context = {
        url: shown,
        graph: request.graph,
        status: response.status,
      };
      const said = this.excerpt(response);
      if (response.status === 401 || response.status === 403) {
        const message =
          response.status === 403
            ? "the store does not let this user do that (403)"
            : this.auth
              ? "the store refused the credentials (401): wrong user or password"
              : "the store asks for a user and password (401)";
        throw new StoreAuthError(`${request.what} at ${context.url}: ${message}`, {
          ...context,
          hint:
            response.status === 403
              ? 'give the account write access (Virtuoso: GRANT SPARQL_UPDATE TO "user")'
              : "set CLAIMGRAPH_USER and CLAIMGRAPH_PASSWORD to an account that may write",
        });
      }
      if (response.status < 500) {
        throw new StoreRefusedError(
          `${request.what} at ${context.url}: the store refused it (${response.status})${said ? `: ${said}` : ""}`,
          context,
        );
      }
      last = `the store answered ${response.status}${said ? `: ${said}` : ""}`;
    }
    throw new StoreUnavailableError(
      `${request.what} at ${shown}: ${last} (${retries + 1} attempt${retries === 0 ? "" : "s"})`,
      {
        url: shown,
        graph: request.graph,
        reason: last,
        hint: "check that the store runs and answers at that address; a bigger --timeout may help",
      },
    );
  }

  /**
   * Learns and proves the store's authentication challenge with a bodiless HEAD of `url`, so
   * that requests sent side by side afterwards go with credentials from the start. Failures
   * are left to the requests that follow, which report them.
   */
  async prime(url: string): Promise<void> {
    if (!this.auth || this.proven) return;
    try {
      await this.attempt({ method: "HEAD", url, what: "login" }, checkUrl(url));
    } catch {
      // The next request meets the same problem and reports it.
    }
  }

  /** One attempt: the request, and once more with credentials if the store challenges it. */
  private async attempt(request: HttpRequest, url: URL): Promise<HttpResponse> {
    const target = `${url.pathname}${url.search}`;
    const size = request.body === undefined ? 0 : byteLength(request.body);
    if (this.auth && !this.challenge && size > PROBE_ABOVE) {
      const probe = await this.fetch({ ...request, method: "HEAD", body: undefined }, {});
      if (probe.status === 401) this.remember(probe.headers);
    }
    const sent = this.challenge;
    const reused = sent !== undefined && this.proven;
    let response = await this.fetch(request, this.authHeader(request.method, target));
    if (response.status === 401 && this.auth) {
      // Answer a first challenge, or the new nonce of one answered before; a refused answer
      // to a fresh challenge means the credentials are wrong.
      const fresh = parseChallenge(response.headers.get("www-authenticate"));
      if (!fresh || (sent && !reused && !isStale(fresh))) return response;
      this.remember(response.headers);
      response = await this.fetch(request, this.authHeader(request.method, target));
    }
    if (this.challenge && response.status !== 401) this.proven = true;
    return response;
  }

  private remember(headers: Headers): void {
    const challenge = parseChallenge(headers.get("www-authenticate"));
    if (challenge) {
      this.challenge = challenge;
      this.nonceCount = 0;
      this.proven = false;
    }
  }

  private authHeader(method: string, target: string): Record<string, string> {
    if (!this.auth || !this.challenge) return {};
    this.nonceCount += 1;
    return {
      authorization: authorization(this.challenge, this.auth, method, target, this.nonceCount),
    };
  }

  private async fetch(request: HttpRequest, extra: Record<string, string>): Promise<HttpResponse> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    const init: RequestInit = {
      method: request.method,
      headers: { ...request.headers, ...extra },
      signal,
      redirect: "follow",
    };
    if (request.body !== undefined) init.body = request.body;
    const response = await fetch(request.url, init);
    const text = request.method === "HEAD" ? "" : await response.text();
    return { status: response.status, headers: response.headers, text };
  }

  /** What the store said, short and on one line, with nothing secret in it. */
  private excerpt(response: HttpResponse): string {
    let text = response.text;
    if (/html/i.test(response.headers.get("content-type") ?? "")) {
      text = (/<xmp>([\s\S]*?)<\/xmp>/i.exec(text)?.[1] ?? text).replace(/<[^>]*>/g, " ");
    }
    // Virtuoso repeats the whole query after its message; the message is what matters.
    text = text.replace(/\n\s*SPARQL query:[\s\S]*$/, "");
    text = text.replace(/\s+/g, " ").trim();
    // A store that echoed the request's credentials back would not have them repeated.
    text = text.replace(
      /(authorization\s*:|digest\s+username\s*=|basic\s+[A-Za-z0-9+/=]{8,})[^\n]*/gi,
      "[credentials removed]",
    );
    const pw = this.auth?.password ?? "";
    if (pw.length >= 3) text = text.split(pw).join("***");
    return text.length > 300 ? `${text.slice(0, 299)}…` : text;
  }
}

/** The credentials in CLAIMGRAPH_USER and CLAIMGRAPH_PASSWORD, if any. */
export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env): Credentials | undefined {
  const user = env.CLAIMGRAPH_USER;
  const password = env.CLAIMGRAPH_PASSWORD;
  if (user === undefined || user === "") {
    if (password !== undefined && password !== "")
      throw new UsageError(
        "CLAIMGRAPH_PASSWORD is set but CLAIMGRAPH_USER is not",
        "set both, or neither for a store that needs no login",
      );
    return undefined;
  }
  return { user, password: password ?? "" };
}

function checkUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(
      `"${redactUrl(url)}" is not an address`,
      "give the store's address, e.g. http://127.0.0.1:8890/sparql",
    );
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    throw new UsageError(`"${redactUrl(url)}" is not an http(s) address`, "");
  if (parsed.username || parsed.password)
    throw new UsageError(
      `the address ${redactUrl(url)} holds a user or password`,
      "pass credentials in CLAIMGRAPH_USER and CLAIMGRAPH_PASSWORD, never in the address",
    );
  return parsed;
}

/** Why an attempt failed, in words, from fetch's errors (which never hold request headers). */
function failureText(error: unknown, timeoutMs: number): string {
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

function byteLength(body: string): number {
  return Buffer.byteLength(body, "utf8");
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

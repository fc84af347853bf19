/**
 * The HTTP client every store call goes through: fetch with a timeout per attempt, bounded
 * retries with exponential backoff for what may pass (dropped connections, timeouts, 5xx —
 * never a 4xx), and Digest or Basic authentication answered from the store's challenge.
 * Credentials are used for the Authorization header only: no message, error or event
 * carries them or the header. Basic sends the password as it is, so it is answered only over
 * https (or with `allowInsecureBasic`), and never to a store that has offered Digest.
 */
import { ClaimgraphError, UsageError } from "../base/errors.ts";
import { checkUrl } from "./address.ts";
import {
  authorization,
  type Challenge,
  type Credentials,
  isStale,
  isSupported,
  parseChallenge,
} from "./digest-auth.ts";
import { redactUrl, StoreAuthError, StoreRefusedError, StoreUnavailableError } from "./errors.ts";
import { authError, failureText } from "./failures.ts";

export { checkUrl } from "./address.ts";
export type { Credentials } from "./digest-auth.ts";

export interface HttpOptions {
  readonly auth?: Credentials | undefined;
  /** Milliseconds an attempt may take, answer body included (default 30 s). */
  readonly timeoutMs?: number | undefined;
  /** Attempts after the first for retryable failures (default 3). */
  readonly retries?: number | undefined;
  /** The wait before the first retry, doubled for each next one (default 250 ms). */
  readonly backoffMs?: number | undefined;
  /** Answer a Basic challenge over plain http, sending the password in clear (default no). */
  readonly allowInsecureBasic?: boolean | undefined;
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
  /** Told before each retry: the attempt about to start (2 for the first retry) and why. */
  readonly onRetry?: ((attempt: number, reason: string) => void) | undefined;
}

export interface HttpResponse {
  /** The address that answered, after any redirect. */
  readonly url: string;
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
  private readonly allowInsecureBasic: boolean;
  /** Whether the store has offered Digest: then Basic is never answered (no downgrade). */
  private digestOffered = false;
  /** The last challenge answered, reused (with a growing nonce count) so bodies go once. */
  private challenge: Challenge | undefined;
  private nonceCount = 0;
  /** Whether the remembered challenge has been answered successfully. */
  private proven = false;

  constructor(options: HttpOptions = {}) {
    this.auth = options.auth;
    this.allowInsecureBasic = options.allowInsecureBasic === true;
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
      if (attempt > 0) {
        request.onRetry?.(attempt + 1, last);
        await sleep(this.backoffMs * 2 ** (attempt - 1));
      }
      let response: HttpResponse;
      try {
        response = await this.attempt(request, url);
      } catch (error) {
        // A challenge refused (Basic over http, a downgrade) is final; the rest may pass.
        if (error instanceof ClaimgraphError) throw error;
        last = this.scrub(failureText(error, this.timeoutMs));
        continue;
      }
      if (response.status < 400) return response;
      last = this.refused(request, response, shown);
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
   * An answer of 400 or more: a 4xx is final and thrown (StoreAuthError for 401 and 403,
   * StoreRefusedError for the rest); a 5xx may pass, and is said in words for a retry.
   */
  private refused(request: HttpRequest, response: HttpResponse, shown: string): string {
    const context = { url: shown, graph: request.graph, status: response.status };
    const said = this.excerpt(response);
    if (response.status === 401 || response.status === 403)
      throw authError(request.what, context, this.auth !== undefined);
    if (response.status < 500) {
      throw new StoreRefusedError(
        `${request.what} at ${context.url}: the store refused it (${response.status})${said ? `: ${said}` : ""}`,
        context,
      );
    }
    return `the store answered ${response.status}${said ? `: ${said}` : ""}`;
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
      if (probe.status === 401) this.remember(probe, request, url);
    }
    const sent = this.challenge;
    const reused = sent !== undefined && this.proven;
    let response = await this.fetch(request, this.authHeader(request.method, target));
    if (response.status === 401 && this.auth) {
      // Answer a first challenge, or the new nonce of one answered before; a refused answer
      // to a fresh challenge means the credentials are wrong.
      const fresh = parseChallenge(response.headers.get("www-authenticate"));
      if (!fresh || (sent && !reused && !isStale(fresh))) return response;
      this.remember(response, request, url);
      response = await this.fetch(request, this.authHeader(request.method, target));
    }
    if (this.challenge && response.status !== 401) this.proven = true;
    return response;
  }

  /** Takes the challenge of a 401 to answer next, unless answering it would expose the password. */
  private remember(response: HttpResponse, request: HttpRequest, url: URL): void {
    const challenge = parseChallenge(response.headers.get("www-authenticate"));
    if (!challenge) return;
    if (challenge.scheme === "digest") this.digestOffered = true;
    const refusal = this.refusal(challenge, url, response.url);
    if (refusal) {
      const shown = redactUrl(`${url.origin}${url.pathname}`);
      throw new StoreAuthError(
        `${request.what} at ${shown}: ${refusal}; the password was not sent`,
        {
          url: shown,
          graph: request.graph,
          status: 401,
          hint: "use the store's https address, or a store account with Digest authentication",
        },
      );
    }
    this.challenge = challenge;
    this.nonceCount = 0;
    this.proven = false;
  }

  /** Why `challenge` must not be answered, if it must not. */
  private refusal(challenge: Challenge, url: URL, answeredBy: string): string | undefined {
    if (challenge.scheme === "digest")
      return isSupported(challenge)
        ? undefined
        : `the store asks for Digest with algorithm ${challenge.params.algorithm}, which claimgraph cannot answer (and it does not fall back to Basic)`;
    if (this.digestOffered)
      return "the store offered Digest authentication and then asked for Basic; claimgraph never answers Basic after Digest (a downgrade would send the password in clear)";
    const plain = url.protocol === "http:" || answeredBy.startsWith("http:");
    if (plain && !this.allowInsecureBasic)
      return "the store asks for Basic authentication over plain http, which would send the password in clear; use https, or --allow-insecure-basic to send it anyway";
    return undefined;
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
    return {
      url: response.url || request.url,
      status: response.status,
      headers: response.headers,
      text,
    };
  }

  /** What the store said, short and on one line, with nothing secret in it. */
  private excerpt(response: HttpResponse): string {
    let text = response.text;
    if (/html/i.test(response.headers.get("content-type") ?? "")) {
      text = (/<xmp>([\s\S]*?)<\/xmp>/i.exec(text)?.[1] ?? text).replace(/<[^>]*>/g, " ");
    }
    // Virtuoso repeats the whole query after its message; the message is what matters.
    text = text.replace(/\n\s*SPARQL query:[\s\S]*$/, "");
    text = this.scrub(text.replace(/\s+/g, " ").trim());
    return text.length > 300 ? `${text.slice(0, 299)}…` : text;
  }

  /**
   * `text` without credentials: an Authorization value (a store that echoes the request, or
   * a header fetch refused and quoted), the password, and user information in addresses.
   */
  scrub(text: string): string {
    let out = text.replace(
      /(authorization\s*:|digest\s+username\s*=|basic\s+[A-Za-z0-9+/=]{8,})[^\n]*/gi,
      "[credentials removed]",
    );
    out = out.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]*@[^\s"'<>]*/gi, (u) => redactUrl(u));
    const pw = this.auth?.password ?? "";
    if (pw.length >= 3) out = out.split(pw).join("***");
    return out;
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

function byteLength(body: string): number {
  return Buffer.byteLength(body, "utf8");
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

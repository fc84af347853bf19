/**
 * A SPARQL 1.1 Protocol client for one endpoint: queries go as an HTML form POST, SELECT
 * and ASK answers come back as JSON results, CONSTRUCT and DESCRIBE answers as N-Triples.
 */
import type { Quad } from "@rdfjs/types";
import { Parser } from "n3";
import { MAX_IRI_LENGTH } from "../rdf/read/guarded-parser.ts";
import { iriProblem } from "../rdf/vocab/iri-syntax.ts";
import { redactUrl, StoreError, StoreRefusedError } from "./errors.ts";
import { type Credentials, HttpClient, type HttpOptions } from "./http.ts";
import { parseResults, type Results, type Row } from "./results.ts";

/** Timeouts and retries for a store's calls (credentials are passed on their own). */
export type RemoteOptions = Omit<HttpOptions, "auth">;

const RDF_FORMATS: ReadonlyArray<[RegExp, string]> = [
  [/turtle/, "Turtle"],
  [/trig/, "TriG"],
  [/n-quads|nquads/, "N-Quads"],
];

export class SparqlClient {
  readonly endpoint: string;
  readonly http: HttpClient;
  /** The endpoint as messages show it (never with user information). */
  private readonly shown: string;

  constructor(endpoint: string, auth?: Credentials, options: RemoteOptions = {}) {
    this.endpoint = endpoint;
    this.shown = redactUrl(endpoint);
    this.http = new HttpClient({ ...options, auth });
  }

  /** A SELECT or ASK query's answer. */
  async results(query: string): Promise<Results> {
    const response = await this.post(query, "application/sparql-results+json");
    try {
      return parseResults(response);
    } catch {
      throw new StoreError(
        `query at ${this.shown}: the answer is not SPARQL JSON results (${this.http.scrub(response.slice(0, 80).replace(/\s+/g, " "))}…)`,
        { url: this.shown, hint: "is the address a SPARQL endpoint (…/sparql)?" },
      );
    }
  }

  /** A SELECT query's rows. */
  async select(query: string): Promise<readonly Row[]> {
    const r = await this.results(query);
    return r.kind === "select" ? r.rows : [];
  }

  /** A CONSTRUCT or DESCRIBE query's triples. */
  async triples(query: string): Promise<Quad[]> {
    const response = await this.send(query, "application/n-triples");
    const type = (response.headers.get("content-type") ?? "").toLowerCase();
    const format = RDF_FORMATS.find(([re]) => re.test(type))?.[1] ?? "N-Triples";
    try {
      return new Parser({ format }).parse(response.text);
    } catch (error) {
      throw new StoreError(
        `query at ${this.shown}: the answer is not ${format} (${this.http.scrub((error as Error).message)})`,
        { url: this.shown },
      );
    }
  }

  /**
   * Runs a SPARQL update (the protocol's `update` parameter); returns the HTTP status. Only
   * `query --update` calls this: every other caller reads.
   */
  async update(text: string): Promise<number> {
    return (await this.send(text, "*/*", "update")).status;
  }

  private async post(query: string, accept: string): Promise<string> {
    return (await this.send(query, accept)).text;
  }

  /** Sends a query (or an update); a refusal gets a hint on what to check. */
  private async send(text: string, accept: string, parameter: "query" | "update" = "query") {
    try {
      // An update is never sent twice: a retry could run it twice.
      const request = this.request(parameter, text, accept);
      return await (parameter === "update" ? this.http.send(request, 0) : this.http.send(request));
    } catch (error) {
      if (!(error instanceof StoreRefusedError)) throw error;
      throw new StoreRefusedError(error.message, {
        url: error.url,
        status: error.status,
        hint:
          error.status === 400
            ? "the store's message says why: a query it cannot read, or an answer over its row limit (raise the store's limit, or answer from the knowledge-base files with --kb)"
            : "is the address the store's SPARQL endpoint (…/sparql)?",
      });
    }
  }

  private request(parameter: "query" | "update", text: string, accept: string) {
    return {
      method: "POST" as const,
      url: this.endpoint,
      headers: {
        accept,
        "content-type": "application/x-www-form-urlencoded; charset=utf-8",
      },
      body: new URLSearchParams({ [parameter]: text }).toString(),
      what: parameter,
    };
  }
}

/** A SPARQL string literal holding `s`. */
export function sparqlString(s: string): string {
  return `"${s.replace(/[\\"]/g, "\\$&").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t")}"`;
}

/** `<iri>`, for an IRI a query may hold (from the store, or checked by `isQueryableIri`). */
export function sparqlIri(iri: string): string {
  return `<${iri}>`;
}

/**
 * Whether `s` can be written as `<s>` in a query: an IRI claimgraph would read from a file
 * (absolute, RFC 3987: no spaces, control characters, bidi controls or noncharacters, no bare
 * "%"; at most MAX_IRI_LENGTH long). A query or a store's answer holding anything else is not
 * sent on as an IRI.
 */
export function isQueryableIri(s: string): boolean {
  return s.length <= MAX_IRI_LENGTH && iriProblem(s) === undefined;
}

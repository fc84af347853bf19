/**
 * Which media type a SPARQL answer is written in, chosen by the request's `Accept` header as
 * HTTP content negotiation reads it (RFC 9110 §12.5.1): each range with its q-value, the most
 * specific range deciding a type's quality, q=0 refusing it. Among the types of the highest
 * quality the server's own order decides (the first is the default for no `Accept`, or any type).
 * Nothing acceptable: undefined, which the endpoint answers with 406.
 */

/** A SPARQL answer's kind: solutions (SELECT), a boolean (ASK), or a graph (CONSTRUCT, DESCRIBE). */
export type AnswerKind = "solutions" | "boolean" | "graph";

/** A media type offered: what the response says, and the format oxigraph writes it in. */
export interface Offer {
  readonly mediaType: string;
  readonly format: string;
}

const JSON_RESULTS = { mediaType: "application/sparql-results+json", format: "json" };
const XML_RESULTS = { mediaType: "application/sparql-results+xml", format: "xml" };

/** What each kind of answer can be written as, the server's preference first. */
export const OFFERS: Readonly<Record<AnswerKind, readonly Offer[]>> = {
  solutions: [
    JSON_RESULTS,
    XML_RESULTS,
    { mediaType: "text/csv", format: "csv" },
    { mediaType: "text/tab-separated-values", format: "tsv" },
    { mediaType: "application/json", format: "json" },
  ],
  boolean: [JSON_RESULTS, XML_RESULTS, { mediaType: "application/json", format: "json" }],
  graph: [
    { mediaType: "text/turtle", format: "text/turtle" },
    { mediaType: "application/n-triples", format: "application/n-triples" },
    { mediaType: "application/ld+json", format: "application/ld+json" },
    { mediaType: "application/trig", format: "application/trig" },
    { mediaType: "application/n-quads", format: "application/n-quads" },
    { mediaType: "application/rdf+xml", format: "application/rdf+xml" },
  ],
};

interface Range {
  readonly type: string;
  readonly subtype: string;
  readonly q: number;
}

/** The offer `accept` prefers for `kind`, or undefined when it accepts none of them. */
export function negotiate(accept: string | undefined, kind: AnswerKind): Offer | undefined {
  const offers = OFFERS[kind];
  const ranges = accept === undefined || accept.trim() === "" ? [] : parseAccept(accept);
  if (ranges.length === 0) return offers[0];
  let best: Offer | undefined;
  let bestQ = 0;
  for (const offer of offers) {
    const q = quality(offer.mediaType, ranges);
    if (q > bestQ) {
      best = offer;
      bestQ = q;
    }
  }
  return best;
}

/** The media types `kind` can be written as, for a 406's message. */
export function offered(kind: AnswerKind): string {
  return OFFERS[kind].map((o) => o.mediaType).join(", ");
}

/** The ranges of an Accept header; a malformed one is left out (it matches nothing). */
export function parseAccept(header: string): Range[] {
  const ranges: Range[] = [];
  for (const part of header.split(",")) {
    const [range = "", ...params] = part.split(";").map((p) => p.trim());
    const m = /^([a-z0-9!#$%&'*+.^_`|~-]+)\/([a-z0-9!#$%&'*+.^_`|~-]+)$/i.exec(range);
    if (!m?.[1] || !m[2]) continue;
    let q = 1;
    for (const param of params) {
      const qm = /^q\s*=\s*(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/i.exec(param);
      if (qm?.[1]) q = Number(qm[1]);
    }
    ranges.push({ type: m[1].toLowerCase(), subtype: m[2].toLowerCase(), q });
  }
  return ranges;
}

/** The q-value of the most specific range matching `mediaType` (0 when none does). */
function quality(mediaType: string, ranges: readonly Range[]): number {
  const [type, subtype] = mediaType.split("/");
  let specificity = -1;
  let q = 0;
  for (const r of ranges) {
    const s =
      r.type === type && r.subtype === subtype
        ? 2
        : r.type === type && r.subtype === "*"
          ? 1
          : r.type === "*" && r.subtype === "*"
            ? 0
            : -1;
    if (s > specificity) {
      specificity = s;
      q = r.q;
    }
  }
  return q;
}

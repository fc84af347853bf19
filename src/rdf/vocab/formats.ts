/** The export formats and their file extensions (no RDF library needed to name them). */

export const FORMATS = ["turtle", "trig", "nquads", "jsonld"] as const;
export type Format = (typeof FORMATS)[number];

export const EXTENSIONS: Readonly<Record<Format, string>> = {
  turtle: "ttl",
  trig: "trig",
  nquads: "nq",
  jsonld: "jsonld",
};

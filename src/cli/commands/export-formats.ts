/**
 * Every format `claimgraph export` writes, in one table: its writer, and the file or files it
 * makes. A format of one file goes to `--out FILE` or standard output; a format of several
 * files (a table per file) goes into the folder `--out` names, all files replaced together.
 * Writers are loaded when their format is asked for, so the CLI starts without them. Adding
 * a format is one row here (`oneFile(name, help, make)` for a format of one file) and its
 * writer module.
 */
import { EXTENSIONS, type Format } from "../../rdf/vocab/formats.ts";
import type { ExportSource } from "./export-source.ts";

/** Hands a piece of the file `name` (one of the format's files) to the output. */
export type Emit = (name: string, text: string) => void;

export interface ExportFormat {
  /** What the format is, for `export --help`. */
  readonly help: string;
  /** The files it writes: one (to --out FILE or stdout) or several (into the --out folder). */
  readonly files: readonly [string, ...string[]];
  readonly write: (source: ExportSource, emit: Emit) => Promise<void>;
}

/** The RDF serialisations, streamed document by document. */
function rdf(format: Format, help: string): ExportFormat {
  const name = `kb.${EXTENSIONS[format]}`;
  return {
    help,
    files: [name],
    write: async (source, emit) => {
      const { streamSections } = await import("../../pipeline/pipeline.ts");
      streamSections(source.prepared, [format], (_, text) => emit(name, text));
    },
  };
}

/** A format of one file, made whole by `make` (its module loaded then). */
function oneFile(
  name: string,
  help: string,
  make: (source: ExportSource) => Promise<string>,
): ExportFormat {
  return { help, files: [name], write: async (source, emit) => emit(name, await make(source)) };
}

export const EXPORT_FORMATS = {
  turtle: rdf("turtle", "RDF Turtle: the knowledge base as one graph"),
  trig: rdf("trig", "RDF TriG: every claim as a nanopublication"),
  nquads: rdf("nquads", "RDF N-Quads: the same dataset as trig"),
  jsonld: rdf("jsonld", "JSON-LD: the same dataset as trig"),
  gexf: oneFile(
    "kb.gexf",
    "GEXF 1.3 for Gephi: the viewer's graph, claims as nodes, with its colours and layout",
    async (source) => (await import("../../exports/gexf.ts")).gexfText(source.exportGraph()),
  ),
  graphml: oneFile(
    "kb.graphml",
    "GraphML for Cytoscape, yEd, NetworkX: the same graph and attributes as gexf",
    async (source) => (await import("../../exports/graphml.ts")).graphmlText(source.exportGraph()),
  ),
  csv: {
    help: "claims.csv (the viewer's claims table) and entities.csv, into the --out folder",
    files: ["claims.csv", "entities.csv"],
    write: async (source, emit) => {
      const { claimsCsv, entitiesCsv } = await import("../../exports/csv-tables.ts");
      emit("claims.csv", claimsCsv(source.graph()));
      emit("entities.csv", entitiesCsv(source.graph()));
    },
  },
  kgx: {
    help: "KGX TSV nodes.tsv and edges.tsv with Biolink categories and predicates, into the --out folder",
    files: ["nodes.tsv", "edges.tsv"],
    write: async (source, emit) => {
      const [{ kgxFiles }, { loadBiolinkMapping }] = await Promise.all([
        import("../../exports/kgx.ts"),
        import("../../exports/biolink-mapping.ts"),
      ]);
      const { nodes, edges } = kgxFiles(source.graph(), loadBiolinkMapping());
      emit("nodes.tsv", nodes);
      emit("edges.tsv", edges);
    },
  },
  "csl-json": oneFile(
    "works.json",
    "CSL-JSON: the works (cited references) as a reference manager reads them",
    async (source) =>
      (await import("../../bibliography/write.ts")).bibliographyText(
        source.prepared.kb,
        "csl-json",
      ),
  ),
  bibtex: oneFile("works.bib", "BibTeX (BibLaTeX dialect): the works", async (source) =>
    (await import("../../bibliography/write.ts")).bibliographyText(source.prepared.kb, "bibtex"),
  ),
  ris: oneFile("works.ris", "RIS: the works", async (source) =>
    (await import("../../bibliography/write.ts")).bibliographyText(source.prepared.kb, "ris"),
  ),
} satisfies Readonly<Record<Format, ExportFormat> & Record<string, ExportFormat>>;

export type ExportFormatName = keyof typeof EXPORT_FORMATS;

/** The names, RDF formats first, as `--format` lists them. */
export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as ExportFormatName[];

/** True when the format writes several files (and so needs a folder). */
export function writesSeveral(format: ExportFormat): boolean {
  return format.files.length > 1;
}

/**
 * Identifiers as links to their resolvers (PubMed, DOI, PMC, UniProt, ChEBI, DrugBank,
 * PubChem, MeSH), over https only. The address is built from the identifier only once it
 * matches its scheme's pattern whole — an identifier from a hostile document with a quote,
 * a space or a `javascript:` in it matches none, and stays text.
 */
import { link } from "./dom.ts";

interface Resolver {
  /** The whole local part, as the scheme writes it. */
  readonly pattern: RegExp;
  readonly url: (id: string) => string;
}

const RESOLVERS: Readonly<Record<string, Resolver>> = {
  pmid: { pattern: /^[1-9]\d{0,8}$/, url: (id) => `https://pubmed.ncbi.nlm.nih.gov/${id}/` },
  // Crossref's pattern for modern DOIs: these characters need no escaping in a path.
  doi: { pattern: /^10\.\d{4,9}\/[-._;()/:A-Za-z0-9]+$/, url: (id) => `https://doi.org/${id}` },
  pmc: { pattern: /^PMC\d{1,9}$/, url: (id) => `https://pmc.ncbi.nlm.nih.gov/articles/${id}/` },
  uniprot: {
    pattern: /^(?:[OPQ]\d[A-Z\d]{3}\d|[A-NR-Z]\d(?:[A-Z][A-Z\d]{2}\d){1,2})(?:-\d{1,3})?$/,
    url: (id) => `https://www.uniprot.org/uniprotkb/${id}/entry`,
  },
  chebi: {
    pattern: /^(?:CHEBI:)?\d{1,9}$/,
    url: (id) =>
      `https://www.ebi.ac.uk/chebi/searchId.do?chebiId=CHEBI:${id.replace(/^CHEBI:/, "")}`,
  },
  drugbank: { pattern: /^DB\d{5}$/, url: (id) => `https://go.drugbank.com/drugs/${id}` },
  "pubchem.compound": {
    pattern: /^[1-9]\d{0,11}$/,
    url: (id) => `https://pubchem.ncbi.nlm.nih.gov/compound/${id}`,
  },
  mesh: { pattern: /^[CDM]\d{6,9}$/, url: (id) => `https://meshb.nlm.nih.gov/record/ui?ui=${id}` },
};

/** The https address of a resolver for `scheme:id`, or null (unknown scheme, malformed id). */
export function identifierUrl(curie: string): string | null {
  const colon = curie.indexOf(":");
  if (colon <= 0) return null;
  const resolver = RESOLVERS[curie.slice(0, colon).toLowerCase()];
  const id = curie.slice(colon + 1);
  if (!resolver?.pattern.test(id)) return null;
  return resolver.url(id);
}

/** The identifier as a link to its resolver (a new tab, no referrer), or as text. */
export function identifierLink(curie: string): Node {
  return link(identifierUrl(curie), curie);
}

/** Identifiers separated by commas, each a link where it can be. */
export function identifierList(curies: readonly string[]): Array<Node | string> {
  return curies.flatMap((c, i) => (i > 0 ? [", ", identifierLink(c)] : [identifierLink(c)]));
}

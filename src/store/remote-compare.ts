/**
 * `remoteCompareGraph`: the part of a remote store's knowledge base `compare` needs for some
 * drugs, as a `KnowledgeGraph`, so `comparison(kg, drugs)` and the agreement answer on it
 * as on the whole knowledge base loaded locally (issue #16, point 5).
 *
 * The first query finds the drugs and classes the names spell exactly (in any of a few cases)
 * with the classes they are members of; the others read those entities and their
 * neighbourhood (remote-compare-claims.ts) — the claims whose subject is one of them, and of
 * each claim what compare and the agreement read: its predicate, object, quote and selectors,
 * citations, references and their works, document (without its text) and the document's
 * discrepancies with public records. Every query starts from the entities' IRIs (index
 * lookups), so the cost grows with what is said of the entities, not with the store: nine
 * queries for the seed's two drugs, about 1,600 for two drugs said of in ten thousand
 * documents (two for each batch of 50 claims; past 50,000 claims compare refuses).
 *
 * A name no exact spelling finds (a synonym in another case, an IRI, an identifier) is looked
 * up as trace looks it up (`answerCandidates`), and a name that names no drug then reads
 * every drug and class, so that compare's refusal suggests the same names as locally.
 */
import { graphFromQuads } from "../graph/from-quads.ts";
import { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import { resolve } from "../graph/resolve.ts";
import { CG, RDFS, SKOS } from "../rdf/vocab/vocabulary.ts";
import { redactUrl, StoreError } from "./errors.ts";
import type { Credentials } from "./http.ts";
import { answerCandidates } from "./remote-candidates.ts";
import { type CompareLimits, MAX_CLAIMS, readColumns } from "./remote-compare-claims.ts";
import type { RemoteGraphOptions } from "./remote-graph.ts";
import { RemoteReader } from "./remote-reader.ts";
import { SparqlClient, sparqlIri, sparqlString } from "./sparql-client.ts";

/** The entity types a compare column may have. */
const DRUG_TYPES = `VALUES ?type { ${sparqlIri(CG.Drug.value)} ${sparqlIri(CG.DrugClass.value)} }`;
/** The most drugs and classes the names' spellings may find (more: the names are refused). */
const MAX_SPELLED = 1000;

export interface RemoteCompareOptions extends RemoteGraphOptions, CompareLimits {}

/** The graph `compare` answers on for `names` as it would on the whole knowledge base. */
export async function remoteCompareGraph(
  endpoint: string,
  names: readonly string[],
  auth?: Credentials,
  options: RemoteCompareOptions = {},
): Promise<KnowledgeGraph> {
  const reader = new RemoteReader(new SparqlClient(endpoint, auth, options), options);
  // The common case: every name spelled exactly; the columns and their claims read at once.
  const spelled = await reader.bound(spelledAs(names), ["x", "class"]);
  if (spelled.rows >= MAX_SPELLED) throw tooMany(endpoint);
  const first = await readColumns(reader, spelled.iris, options);
  let kg = graphOf(reader);
  const unresolved = names.filter((name) => drugOf(kg, name) === undefined);
  if (unresolved.length === 0) return kg;
  const found = new Set<string>();
  for (const name of unresolved) for (const x of await answerCandidates(reader, name)) found.add(x);
  await reader.describe(found);
  kg = graphOf(reader);
  if (unresolved.some((name) => drugOf(kg, name) === undefined)) {
    // compare refuses the name with the nearest drugs' names: it needs every one.
    await reader.describe(await reader.iris(`?x a ?type . ${DRUG_TYPES}`));
    return graphOf(reader);
  }
  const columns = new Set<string>();
  for (const name of unresolved) {
    const drug = drugOf(kg, name) as string;
    columns.add(drug);
    kg.graph.forEachOutEdge(drug, (_, edge, __, target) => {
      if (edge.kind === "memberOf") columns.add(target);
    });
  }
  // Those read with the names spelled are not read again, and count against the same limit.
  const more = [...columns].filter((c) => !spelled.iris.includes(c)).sort();
  const maxClaims = (options.maxClaims ?? MAX_CLAIMS) - first;
  // Counted on from the claims read first, so a progress line never starts again.
  const told = options.onProgress;
  const onProgress = told && ((read: number, of: number) => told(first + read, first + of));
  await readColumns(reader, more, { ...options, maxClaims, onProgress });
  return graphOf(reader);
}

/**
 * Drugs and classes a name or synonym spells as given, in lower case, upper case or
 * capitalised (`?x`), and the classes they are members of (`?class`). Each spelling is a
 * branch of its own with the literal written in it, so every store looks it up by index.
 */
function spelledAs(names: readonly string[]): string {
  const spellings = new Set<string>();
  for (const name of names) {
    const t = name.trim();
    const lower = t.toLowerCase();
    for (const s of [t, lower, t.toUpperCase(), lower.charAt(0).toUpperCase() + lower.slice(1)])
      spellings.add(sparqlString(s));
  }
  const branches = [...spellings].flatMap((s) =>
    [RDFS.label, SKOS.altLabel].map((p) => `{ ?x ${sparqlIri(p.value)} ${s} }`),
  );
  return `SELECT DISTINCT ?x ?class WHERE { ${branches.join(" UNION ")} ?x a ?type . ${DRUG_TYPES}
    OPTIONAL { ?x ${sparqlIri(CG.memberOf.value)} ?class } FILTER(isIRI(?x)) } ORDER BY ?x ?class LIMIT ${MAX_SPELLED}`;
}

/** The drug or class `name` names, as compare resolves it; undefined when it names none. */
function drugOf(kg: KnowledgeGraph, name: string): string | undefined {
  const found = resolve(kg, name);
  const type = found.kind === "entity" ? kg.entity(found.entity)?.type : undefined;
  return found.kind === "entity" && (type === "Drug" || type === "DrugClass")
    ? found.entity
    : undefined;
}

function tooMany(endpoint: string): StoreError {
  const url = redactUrl(endpoint);
  return new StoreError(
    `query at ${url}: the names spell ${MAX_SPELLED} or more drugs and classes`,
    { url, hint: "compare a few drugs at a time" },
  );
}

function graphOf(reader: RemoteReader): KnowledgeGraph {
  return new KnowledgeGraph(graphFromQuads(reader.triples()));
}

/**
 * The JSON-LD writer of `writers.ts`: one `@graph` array, each section's entries in it (the
 * default graph's node objects, each named graph as `{"@id": …, "@graph": […]}`). A section
 * of one graph may come in slices cut between subjects (the build's agreement graph, larger
 * than a string can hold): a slice leaves its graph's entry open for the next to go on with,
 * so the slices give the bytes the whole section gives.
 */
import { compactIri, jsonLdContext, jsonLdGraphs } from "./jsonld-objects.ts";
import { type SectionWriter, WHOLE_SECTION } from "./section-writer.ts";

export function jsonLdWriter(prefixes: Readonly<Record<string, string>>): SectionWriter {
  const byLength = Object.entries(prefixes).sort((a, b) => b[1].length - a[1].length);
  const cache = new Map<string, string>();
  const compact = (iri: string): string => {
    let hit = cache.get(iri);
    if (hit === undefined) {
      hit = compactIri(byLength, iri);
      if (cache.size >= 100_000) cache.clear();
      cache.set(iri, hit);
    }
    return hit;
  };
  let first = true;
  // The named graph whose entry a slice left open, for the next slice to go on with.
  let open: string | undefined;
  const entry = () => {
    const sep = first ? "\n" : ",\n";
    first = false;
    return sep;
  };
  return {
    begin: () => {
      const context = JSON.stringify(jsonLdContext(prefixes), null, 1).replace(/\n/g, "\n ");
      return `{\n "@context": ${context},\n "@graph": [`;
    },
    section: (quads, place = WHOLE_SECTION) => {
      let out = "";
      for (const [name, objects] of jsonLdGraphs(quads, compact)) {
        if (open !== undefined && open === name) {
          out += `,${objects.join(",")}`;
          continue;
        }
        if (open !== undefined) out += "]}";
        open = undefined;
        if (name === "") for (const o of objects) out += `${entry()}  ${o}`;
        else {
          out += `${entry()}  {"@id":${JSON.stringify(compact(name))},"@graph":[${objects.join(",")}`;
          open = name;
        }
      }
      if (place.last && open !== undefined) out += "]}";
      if (place.last) open = undefined;
      return out;
    },
    end: () => "\n ]\n}\n",
  };
}

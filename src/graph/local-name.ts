/** A label for a node the data gives none: its IRI's local name, spaced and in lower case. */
export function spacedLocalName(iri: string): string {
  const local = iri.slice(Math.max(iri.lastIndexOf("#"), iri.lastIndexOf("/")) + 1);
  return local
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[-_]+/g, " ")
    .toLowerCase();
}

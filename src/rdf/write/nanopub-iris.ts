/**
 * Each claim's nanopublication IRI as the writer wrote it, which the agreement graph links
 * its assertions to (`cg:groupsNanopublication`), written after every document. A plain
 * nanopublication's IRI follows from its claim's (`…/claim/ID` → `…/np/ID`), so only the
 * others are kept: trusty URIs, which end in a hash of the content. At ten thousand documents
 * that spares the build a million pairs of IRIs held to its end.
 */
import type { Iris } from "./iris.ts";

export class NanopubIris {
  readonly #kept = new Map<string, string>();
  readonly #claims: string;
  readonly #nanopubs: string;

  constructor(iris: Iris) {
    this.#claims = iris.claim("").value;
    this.#nanopubs = iris.nanopub("").value;
  }

  /** Records that the claim `claim` (an IRI) was written as the nanopublication `nanopub`. */
  record(claim: string, nanopub: string): void {
    if (nanopub !== this.#derived(claim)) this.#kept.set(claim, nanopub);
  }

  /** The nanopublication IRI of the claim `claim`, recorded or followed from it. */
  of(claim: string): string | undefined {
    return this.#kept.get(claim) ?? this.#derived(claim);
  }

  /** How many IRIs are kept because they do not follow from their claim's. */
  get kept(): number {
    return this.#kept.size;
  }

  #derived(claim: string): string | undefined {
    return claim.startsWith(this.#claims)
      ? this.#nanopubs + claim.slice(this.#claims.length)
      : undefined;
  }
}

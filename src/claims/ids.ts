/**
 * Stable claim identifiers: derived from the claim's content (document, kind, triple
 * and exact quote), never from counters, so editing one part of a document does not
 * rename the claims of another.
 */
import { createHash } from "node:crypto";
import { slugify } from "../base/slug.ts";
import type { ClaimKind, PredicateTerm, Term } from "./types.ts";

export function termKey(term: Term): string {
  return term.kind === "literal" ? `"${term.value}"` : `${term.kind}:${term.id}`;
}

export function termLabel(term: Term): string {
  return term.kind === "literal" ? term.value : term.label;
}

export function claimId(
  documentId: string,
  kind: ClaimKind,
  subject: Term,
  predicate: PredicateTerm,
  object: Term,
  quote: string,
): string {
  const hash = createHash("sha256")
    .update(
      [documentId, kind, termKey(subject), predicate.name, termKey(object), quote].join("\u0000"),
    )
    .digest("hex")
    .slice(0, 12);
  return `${documentId}.${slugify(termLabel(subject), 32)}.${slugify(predicate.label, 32)}.${hash}`;
}

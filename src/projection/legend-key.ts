/**
 * The legend's key of a node: entities by class ("entity:Drug"), everything else by kind
 * ("claim", "reference"). The viewer's legend hides types by these keys; the claims table's
 * query (claim-page.ts) reads the same keys, so both hide the same claims.
 */
export function typeKey(kind: string, type: string): string {
  return kind === "entity" ? `entity:${type}` : kind;
}

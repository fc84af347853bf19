/**
 * What a claim asserts. The assertion graph holds the plain triple where the cell or sentence
 * states one; otherwise an n-ary statement (a row of `rdf/vocab/claim-records.ts`) that keeps what
 * the source says — that a null cell gives no value, an adverse effect with its stated
 * frequency, a comparison with its direction, an identifier the document states.
 */
import type { NamedNode, Quad } from "@rdfjs/types";
import { DataFactory } from "n3";
import type { Claim, Term } from "../../claims/types.ts";
import type { CLAIM } from "../vocab/claim-records.ts";
import type { ObjectValue, Row } from "../vocab/fields.ts";
import { CG } from "../vocab/vocabulary.ts";
import type { Iris } from "./iris.ts";

const { quad, namedNode, literal } = DataFactory;

export type StatementRow = NonNullable<Row<typeof CLAIM>["statement"]>;

export function termValue(iris: Iris, t: Term): ObjectValue {
  return t.kind === "literal" ? { literal: t.value } : { iri: iris.node(t).value };
}

/** The claim's n-ary statement, when the plain triple would say more than the source. */
export function statementRow(claim: Claim, iris: Iris): StatementRow | undefined {
  const iri = iris.claim(claim.id, "statement").value;
  const subject = claim.subject.kind === "literal" ? undefined : iris.node(claim.subject).value;
  const { statement, comparison: cmp } = claim;
  if (claim.status) {
    const object = claim.object.kind === "entity" ? claim.object : undefined;
    const effect = object?.type === "AdverseEffect";
    return {
      iri,
      type: "UnstatedValue",
      about: subject,
      onProperty: iris.predicate(claim.predicate).value,
      effect: object && effect ? iris.entity(object.id).value : undefined,
      condition: object && !effect ? iris.entity(object.id).value : undefined,
      status: claim.status,
    };
  }
  if (statement?.kind === "adverseEffect")
    return {
      iri,
      type: "AdverseEffectStatement",
      drug: iris.entity(statement.drug.id).value,
      effect: iris.entity(statement.effect.id).value,
      frequency: statement.frequency,
    };
  if (statement?.kind === "statedIdentifier")
    return {
      iri,
      type: "StatedIdentifier",
      about: iris.entity(statement.about.id).value,
      scheme: statement.scheme,
      value: statement.value,
    };
  if (cmp)
    return {
      iri,
      type: "ComparisonStatement",
      armA: iris.entity(cmp.armA.id).value,
      armB: iris.entity(cmp.armB.id).value,
      condition: iris.entity(cmp.condition.id).value,
      outcome: cmp.outcome && iris.entity(cmp.outcome.id).value,
      direction: cmp.direction,
      favours: cmp.favours && iris.entity(cmp.favours.id).value,
    };
  return undefined;
}

/**
 * The assertion graph's statements the table does not write: the plain triple (its predicate
 * is the claim's, not vocabulary), or the link from what states an identifier to it.
 */
export function writePlainAssertion(
  out: Quad[],
  claim: Claim,
  statement: StatementRow | undefined,
  iris: Iris,
  graph: NamedNode,
): void {
  const subject = claim.subject.kind === "literal" ? undefined : iris.node(claim.subject);
  if (statement?.type === "StatedIdentifier") {
    const node = namedNode(statement.iri);
    out.push(quad(subject ?? node, CG.statesIdentifier, node, graph));
  } else if (!statement && subject) {
    const object =
      claim.object.kind === "literal" ? literal(claim.object.value) : iris.node(claim.object);
    out.push(quad(subject, iris.predicate(claim.predicate), object, graph));
  }
}

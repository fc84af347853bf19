/**
 * What a claim asserts, and how it was read. The assertion graph holds the plain triple where
 * the source states one, and otherwise an n-ary statement that keeps what the source says; the
 * claim node records the rule it was read by, its guesses, a null cell's status and a frequency.
 */
import type { NamedNode, Quad_Object } from "@rdfjs/types";
import { DataFactory } from "n3";
import type { Claim } from "../claims/types.ts";
import type { Iris } from "./iris.ts";
import { CG, RDF } from "./vocabulary.ts";

const { literal } = DataFactory;

/** Where quads go: `quads.ts`'s writer, which skips undefined objects. */
export interface QuadSink {
  add(s: NamedNode, p: NamedNode, o: Quad_Object | string | undefined): void;
}

/** How the claim was read, on the claim node (the provenance graph). */
export function writeReading(w: QuadSink, c: NamedNode, claim: Claim, iris: Iris): void {
  w.add(c, CG.readBy, CG[claim.readBy]);
  for (const guess of claim.guesses) w.add(c, CG.guess, CG[guess]);
  if (claim.status) w.add(c, CG.cellStatus, CG[claim.status]);
  if (claim.statement?.kind === "adverseEffect")
    w.add(c, CG.frequency, CG[claim.statement.frequency]);
  if (claim.status || claim.statement || claim.comparison)
    w.add(c, CG.statementNode, iris.claim(claim.id, "statement"));
}

/**
 * What a claim's assertion graph says: the plain triple where the cell or sentence states
 * one; otherwise an n-ary statement that keeps what the source says — that a null cell
 * gives no value, an adverse effect with its stated frequency, a comparison with its
 * direction, an identifier the document states.
 */
export function writeAssertion(w: QuadSink, claim: Claim, iris: Iris): void {
  const node = iris.claim(claim.id, "statement");
  const subject = claim.subject.kind === "literal" ? undefined : iris.node(claim.subject);
  const statement = claim.statement;
  const cmp = claim.comparison;
  if (claim.status) {
    w.add(node, RDF.type, CG.UnstatedValue);
    w.add(node, CG.about, subject);
    w.add(node, CG.onProperty, iris.predicate(claim.predicate));
    if (claim.object.kind === "entity") {
      const role = claim.object.type === "AdverseEffect" ? CG.effect : CG.condition;
      w.add(node, role, iris.entity(claim.object.id));
    }
    w.add(node, CG.cellStatus, CG[claim.status]);
  } else if (statement?.kind === "adverseEffect") {
    w.add(node, RDF.type, CG.AdverseEffectStatement);
    w.add(node, CG.drug, iris.entity(statement.drug.id));
    w.add(node, CG.effect, iris.entity(statement.effect.id));
    w.add(node, CG.frequency, CG[statement.frequency]);
  } else if (statement?.kind === "statedIdentifier") {
    w.add(subject ?? node, CG.statesIdentifier, node);
    w.add(node, RDF.type, CG.StatedIdentifier);
    w.add(node, CG.about, iris.entity(statement.about.id));
    w.add(node, CG.scheme, statement.scheme);
    w.add(node, CG.statedValue, statement.value);
  } else if (cmp) {
    w.add(node, RDF.type, CG.ComparisonStatement);
    w.add(node, CG.armA, iris.entity(cmp.armA.id));
    w.add(node, CG.armB, iris.entity(cmp.armB.id));
    w.add(node, CG.condition, iris.entity(cmp.condition.id));
    if (cmp.outcome) w.add(node, CG.outcome, iris.entity(cmp.outcome.id));
    w.add(node, CG.direction, CG[cmp.direction]);
    if (cmp.favours) w.add(node, CG.favours, iris.entity(cmp.favours.id));
  } else if (subject) {
    const object =
      claim.object.kind === "literal" ? literal(claim.object.value) : iris.node(claim.object);
    w.add(subject, iris.predicate(claim.predicate), object);
  }
}

/**
 * Column headers in every shape the template gives (TEMPLATE.md, "Column headers"): "Name",
 * "Name (Class)", "Class (e.g., Name)", "Class (e.g., A, B)", a bare class, and in the
 * comparison table "Name Performance", "Class (Name) Performance", "Class Performance".
 * Each header comes with what a reader must take from it (its subject, of which type, and
 * the class memberships it states), so tests can check the build against what was written.
 */
import type { Drug, Pools } from "./pools.ts";
import type { Random } from "./random.ts";

/** A drug or class a header names, as the header writes it. */
export interface Named {
  readonly name: string;
  readonly type: "Drug" | "DrugClass";
  /** Whether the lexicon knows the name (a real drug, or a class it has an entity for). */
  readonly known: boolean;
}

export interface HeaderMembership {
  readonly member: Named;
  readonly group: Named;
  readonly relation: "memberOf" | "exampleMember";
}

export type TableName = "Feature" | "Condition / Model" | "Side Effect";

/** One subject column as written: what tests hold the build to. */
export interface WrittenColumn {
  readonly table: TableName;
  readonly header: string;
  readonly shape: Shape;
  readonly subject: Named;
  readonly memberships: readonly HeaderMembership[];
  /** Its cells: one per row of the table. */
  readonly cells: number;
}

export type Shape =
  | "Name"
  | "Name (Class)"
  | "Class (e.g., Name)"
  | "Class (e.g., A, B)"
  | "Class"
  | "Name Performance"
  | "Class (Name) Performance"
  | "Class Performance";

const SHAPES: ReadonlyArray<readonly [Shape, number]> = [
  ["Name (Class)", 0.35],
  ["Name", 0.2],
  ["Class (e.g., Name)", 0.2],
  ["Class (e.g., A, B)", 0.1],
  ["Class", 0.15],
];

const PERFORMANCE_SHAPES: ReadonlyArray<readonly [Shape, number]> = [
  ["Name Performance", 0.5],
  ["Class (Name) Performance", 0.35],
  ["Class Performance", 0.15],
];

export function drugNamed(d: Drug): Named {
  return { name: d.name, type: "Drug", known: d.real };
}

export function classNamed(d: Drug): Named {
  return { name: d.cls.name, type: "DrugClass", known: d.cls.known };
}

/**
 * A header for drug `d` in a table, its shape drawn at random among those `d`'s class allows
 * (an adjective such as "Melatonergic" has no bare form), never naming a subject `taken`
 * already holds: two columns of one table are about two things.
 */
export function header(
  rng: Random,
  pools: Pools,
  d: Drug,
  performance: boolean,
  taken: ReadonlySet<string>,
): Omit<WrittenColumn, "table" | "cells"> {
  const drawn = rng.weighted(performance ? PERFORMANCE_SHAPES : SHAPES);
  const others = (pools.byClass.get(d.cls.name) ?? []).filter((x) => x !== d);
  const other = others.length > 0 ? rng.pick(others) : undefined;
  const usable = (shape: Shape) => {
    const s = written(d, other, shape);
    return s !== undefined && !taken.has(key(s.subject)) ? s : undefined;
  };
  const fallback: Shape = performance ? "Name Performance" : "Name (Class)";
  const column = usable(drawn) ?? usable(fallback) ?? written(d, other, fallback);
  if (!column) throw new Error(`header: no shape for ${d.name}`);
  return column;
}

/** How a subject is told apart from another in one table. */
export function key(n: Named): string {
  return `${n.type}:${n.name.toLowerCase()}`;
}

function written(
  d: Drug,
  other: Drug | undefined,
  shape: Shape,
): Omit<WrittenColumn, "table" | "cells"> | undefined {
  const drug = drugNamed(d);
  const cls = classNamed(d);
  const member = (m: Drug, relation: HeaderMembership["relation"]): HeaderMembership => ({
    member: drugNamed(m),
    group: cls,
    relation,
  });
  const examples = (drugs: readonly Drug[]) => ({
    header: `${d.cls.plural ?? d.cls.name} (e.g., ${drugs.map((x) => x.name).join(", ")})`,
    shape,
    subject: cls,
    memberships: drugs.flatMap((x) => [member(x, "exampleMember"), member(x, "memberOf")]),
  });
  switch (shape) {
    case "Name":
    case "Name Performance":
      return {
        header: shape === "Name" ? d.name : `${d.name} Performance`,
        shape,
        subject: drug,
        memberships: [],
      };
    case "Name (Class)":
      return {
        header: `${d.name} (${d.cls.name})`,
        shape,
        subject: drug,
        memberships: [member(d, "memberOf")],
      };
    case "Class (Name) Performance":
      return {
        header: `${d.cls.name} (${d.name}) Performance`,
        shape,
        subject: drug,
        memberships: [member(d, "memberOf")],
      };
    case "Class (e.g., Name)":
      return examples([d]);
    case "Class (e.g., A, B)":
      return other ? examples([d, other]) : undefined;
    case "Class":
    case "Class Performance":
      if (d.cls.plural === undefined) return undefined;
      return {
        header: shape === "Class" ? d.cls.plural : `${d.cls.plural} Performance`,
        shape,
        subject: cls,
        memberships: [],
      };
  }
}

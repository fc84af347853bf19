/**
 * Validation of a set of exports: each file re-parses, TriG, N-Quads and JSON-LD hold
 * the same dataset, the Turtle file holds its knowledge view, and the dataset
 * conforms to the SHACL shapes of `ontology/shapes.ttl`.
 */
import type { Quad } from "@rdfjs/types";
import { parseExport, quadSet } from "./parse.ts";
import { type Format, turtleTriples } from "./serialize.ts";
import { type ShaclReport, validateShacl } from "./shacl.ts";

export interface ExportCheck {
  readonly format: Format;
  readonly file: string;
  readonly quads: number;
  readonly error: string | undefined;
}

export interface ValidationReport {
  readonly ok: boolean;
  readonly exports: readonly ExportCheck[];
  /** Disagreements between formats, as sentences. */
  readonly mismatches: readonly string[];
  readonly shacl: ShaclReport | undefined;
}

export async function validateExports(
  files: ReadonlyArray<{ format: Format; file: string; text: string }>,
): Promise<ValidationReport> {
  const parsed = new Map<Format, Quad[]>();
  const exports: ExportCheck[] = [];
  for (const { format, file, text } of files) {
    try {
      const quads = await parseExport(text, format);
      parsed.set(format, quads);
      exports.push({ format, file, quads: quads.length, error: undefined });
    } catch (error) {
      exports.push({ format, file, quads: 0, error: (error as Error).message });
    }
  }
  const mismatches: string[] = [];
  const dataset = parsed.get("trig") ?? parsed.get("nquads") ?? parsed.get("jsonld");
  if (dataset) {
    const reference = quadSet(dataset);
    for (const format of ["nquads", "jsonld"] as const) {
      const other = parsed.get(format);
      if (other && !sameSet(reference, quadSet(other)))
        mismatches.push(`${format} does not hold the same quads as TriG`);
    }
    const turtle = parsed.get("turtle");
    if (turtle && !sameSet(quadSet(turtleTriples(dataset)), quadSet(turtle))) {
      mismatches.push("turtle does not hold the knowledge view of the TriG dataset");
    }
  }
  const source = dataset ?? parsed.get("turtle");
  const shacl = source ? await validateShacl(source) : undefined;
  const ok =
    exports.every((e) => !e.error) && mismatches.length === 0 && (shacl?.conforms ?? false);
  return { ok, exports, mismatches, shacl };
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

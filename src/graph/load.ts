/**
 * Reading knowledge-base files: Turtle, TriG, N-Triples or N-Quads, chosen by file
 * extension. All files are parsed before anything is built, so a broken file fails
 * the whole load with its line and column and nothing is half-loaded.
 */
import { existsSync, readFileSync } from "node:fs";
import type { Quad } from "@rdfjs/types";
import { Parser } from "n3";
import { displayPath } from "../build/files.ts";
import { type Diagnostic, InputError, UsageError } from "../errors.ts";

const FORMATS: Readonly<Record<string, string>> = {
  ".ttl": "Turtle",
  ".turtle": "Turtle",
  ".trig": "TriG",
  ".nt": "N-Triples",
  ".nq": "N-Quads",
};

export function formatOf(file: string): string | undefined {
  const dot = file.lastIndexOf(".");
  return dot === -1 ? undefined : FORMATS[file.slice(dot).toLowerCase()];
}

export interface KnowledgeBaseFiles {
  readonly quads: Quad[];
  /** The prefixes the files declare, for showing IRIs short. */
  readonly prefixes: Record<string, string>;
}

/** Parses every file; throws an InputError naming each broken one, or a UsageError. */
export function readKnowledgeBaseFiles(files: readonly string[]): KnowledgeBaseFiles {
  return readKnowledgeBaseTexts(
    files,
    files.map((path) => {
      if (!existsSync(path)) {
        throw new UsageError(
          `knowledge base file "${path}" does not exist`,
          "run `claimgraph build` first, or pass --kb FILE",
        );
      }
      return readFileSync(path, "utf8");
    }),
  );
}

/** Parses the texts of the given files (the files name them and choose the syntax). */
export function readKnowledgeBaseTexts(
  files: readonly string[],
  texts: readonly string[],
): KnowledgeBaseFiles {
  const quads: Quad[] = [];
  const prefixes: Record<string, string> = {};
  const diagnostics: Diagnostic[] = [];
  files.forEach((path, i) => {
    const format = formatOf(path);
    if (!format) {
      throw new UsageError(
        `cannot tell the format of "${path}"`,
        "use a .ttl, .trig, .nt or .nq file",
      );
    }
    const text = texts[i] ?? "";
    try {
      const parsed = new Parser({ format }).parse(text, null, (prefix, iri) => {
        if (prefix !== "") prefixes[prefix] = iri.value;
      });
      for (const q of parsed) quads.push(q);
    } catch (error) {
      diagnostics.push(syntaxDiagnostic(displayPath(path), text, error as Error));
    }
  });
  if (diagnostics.length > 0) throw new InputError(diagnostics);
  return { quads, prefixes };
}

/**
 * Parses the texts, handing each quad to `onQuad` as it is read (no array of them is
 * kept); resolves to the prefixes. Rejects with an InputError naming every broken file.
 */
export async function parseKnowledgeBaseTexts(
  files: readonly string[],
  texts: readonly string[],
  onQuad: (quad: Quad) => void,
): Promise<Record<string, string>> {
  const prefixes: Record<string, string> = {};
  const diagnostics: Diagnostic[] = [];
  for (const [i, path] of files.entries()) {
    const format = formatOf(path);
    if (!format) {
      throw new UsageError(
        `cannot tell the format of "${path}"`,
        "use a .ttl, .trig, .nt or .nq file",
      );
    }
    const text = texts[i] ?? "";
    // n3 streams quads to a callback (asynchronously, chunk by chunk) and ends with (null, null).
    const failure = await new Promise<Error | undefined>((done) => {
      new Parser({ format }).parse(
        text,
        (error, quad) => {
          if (error) done(error);
          else if (quad) onQuad(quad);
          else done(undefined);
        },
        (prefix, iri) => {
          if (prefix !== "") prefixes[prefix] = iri.value;
        },
      );
    });
    if (failure) diagnostics.push(syntaxDiagnostic(displayPath(path), text, failure));
  }
  if (diagnostics.length > 0) throw new InputError(diagnostics);
  return prefixes;
}

interface N3Context {
  readonly line?: number;
  readonly previousToken?: { readonly end?: number };
}

/** n3 reports the line and the token before the problem; the column is where the problem starts. */
export function syntaxDiagnostic(file: string, text: string, error: Error): Diagnostic {
  const context = (error as Error & { context?: N3Context }).context ?? {};
  const line = context.line ?? 1;
  const lineText = text.split("\n")[line - 1] ?? "";
  let column = (context.previousToken?.end ?? 0) + 1;
  while (column <= lineText.length && /\s/.test(lineText[column - 1] ?? "")) column++;
  return {
    code: "RdfSyntax",
    severity: "error",
    file,
    line,
    column: Math.min(column, lineText.length + 1),
    message: error.message.replace(/\s+on line \d+\.?$/, ""),
    hint: "the file must be valid Turtle, TriG, N-Triples or N-Quads (by its extension)",
  };
}

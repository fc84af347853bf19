/**
 * The import-direction rule (#12): every import in src/ runs down the pipeline's layers
 * (tests/architecture/layers.ts, described in docs/architecture.md), and no files import
 * each other in a cycle. A failure names the file and the import.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type Import,
  importCycles,
  layerIndex,
  layerViolations,
  roomOf,
  scanImports,
} from "./imports.ts";
import { ALLOWED, ALLOWED_CYCLES, LAYERS } from "./layers.ts";

const SRC = join(import.meta.dirname, "..", "..", "src");

describe("import direction", () => {
  const imports = scanImports(SRC);

  it("finds src/'s imports", () => {
    expect(imports.length).toBeGreaterThan(500);
    expect(imports).toContainEqual({
      file: "graph/load.ts",
      specifier: "../base/display-path.ts",
      target: "base/display-path.ts",
    });
  });

  it("every import runs down the layers", () => {
    expect(layerViolations(imports, LAYERS, ALLOWED)).toEqual([]);
  });

  it("no files import each other in a cycle", () => {
    expect(importCycles(imports).filter((c) => !ALLOWED_CYCLES.has(c))).toEqual([]);
  });

  it("every exception still names an import that exists", () => {
    const rooms = [...layerIndex(LAYERS).keys()];
    const pairs = new Set(
      imports.map((i) => `${roomOf(i.file, rooms)} -> ${roomOf(i.target, rooms)}`),
    );
    expect([...ALLOWED.keys()].filter((k) => !pairs.has(k))).toEqual([]);
    const cycles = new Set(importCycles(imports));
    expect([...ALLOWED_CYCLES.keys()].filter((c) => !cycles.has(c))).toEqual([]);
  });
});

describe("the rule's report", () => {
  const imp = (file: string, specifier: string, target: string): Import => ({
    file,
    specifier,
    target,
  });

  it("names the file and the import running up, to a peer, or to an unplaced folder", () => {
    const layers = [["base"], ["claims", "curation"], ["rdf"]];
    const found = layerViolations(
      [
        imp("claims/a.ts", "../rdf/b.ts", "rdf/b.ts"),
        imp("claims/a.ts", "../curation/c.ts", "curation/c.ts"),
        imp("rdf/b.ts", "../attic/d.ts", "attic/d.ts"),
        imp("rdf/b.ts", "../base/e.ts", "base/e.ts"),
        imp("rdf/b.ts", "./f.ts", "rdf/f.ts"),
      ],
      layers,
      new Map(),
    );
    expect(found).toEqual([
      'claims/a.ts: import "../rdf/b.ts": claims imports rdf, a higher layer',
      'claims/a.ts: import "../curation/c.ts": claims imports curation, a peer of its own layer',
      'rdf/b.ts: import "../attic/d.ts": attic is in no layer',
    ]);
  });

  it("places a file in its deepest room, so subfolders of one folder can sit in different layers", () => {
    const layers = [["rdf/vocab"], ["claims"], ["rdf/write"]];
    const found = layerViolations(
      [
        imp("claims/a.ts", "../rdf/vocab/b.ts", "rdf/vocab/b.ts"),
        imp("rdf/write/c.ts", "../../claims/a.ts", "claims/a.ts"),
        imp("rdf/vocab/b.ts", "../write/c.ts", "rdf/write/c.ts"),
        imp("rdf/vocab/b.ts", "../d.ts", "rdf/d.ts"),
      ],
      layers,
      new Map(),
    );
    expect(found).toEqual([
      'rdf/vocab/b.ts: import "../write/c.ts": rdf/vocab imports rdf/write, a higher layer',
      'rdf/vocab/b.ts: import "../d.ts": rdf is in no layer',
    ]);
  });

  it("names the files around a cycle", () => {
    const cycles = importCycles([
      imp("claims/extract.ts", "../curation/claims.ts", "curation/claims.ts"),
      imp("curation/claims.ts", "../claims/types.ts", "claims/types.ts"),
      imp("claims/types.ts", "./extract.ts", "claims/extract.ts"),
    ]);
    expect(cycles).toEqual([
      "claims/extract.ts -> curation/claims.ts -> claims/types.ts -> claims/extract.ts",
    ]);
  });
});

// Every file of the knowledge base under /kb/: a build's kb.trig, kb.nq, kb.jsonld and manifest
// as the build wrote them (checked against the manifest: a file changed since is refused with
// 409), and, for --kb files that are no build's, the formats written from their quads.
import {
  appendFileSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Parser } from "n3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KbFileName } from "../../src/server/contract.ts";
import { FRESH_GRAPH } from "../helpers/fresh-kb.ts";
import { rawRequest, serveKb } from "../helpers/serve.ts";

const TYPES: ReadonlyArray<readonly [KbFileName, string]> = [
  ["kb.ttl", "text/turtle; charset=utf-8"],
  ["kb.trig", "application/trig; charset=utf-8"],
  ["kb.nq", "application/n-quads; charset=utf-8"],
  ["kb.jsonld", "application/ld+json"],
  ["kb.manifest.json", "application/json; charset=utf-8"],
];

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "cg-kb-formats-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("a build's files", () => {
  it("are each downloadable with their type, byte for byte as built", async () => {
    const server = await serveKb([join(FRESH_GRAPH, "kb.ttl")]);
    try {
      for (const [file, type] of TYPES) {
        const r = await rawRequest(server.url, `/kb/${file}`);
        expect(r.status, file).toBe(200);
        expect(r.headers["content-type"], file).toBe(type);
        expect(r.headers["content-disposition"], file).toBe(`attachment; filename="${file}"`);
        expect(r.bytes.equals(readFileSync(join(FRESH_GRAPH, file))), file).toBe(true);
        expect(r.headers["content-security-policy"], file).toContain("default-src 'none'");
      }
      expect((await rawRequest(server.url, "/kb/kb.nt")).status).toBe(404);
      const head = await rawRequest(server.url, "/kb/kb.trig", { method: "HEAD" });
      expect(head.status).toBe(200);
      expect(head.body).toBe("");
    } finally {
      await server.close();
    }
  });

  it("refuses a file changed since the build (409), and serves the others", async () => {
    const dir = join(scratch, "changed");
    copyAll(dir);
    appendFileSync(join(dir, "kb.trig"), "# changed after the build\n");
    const server = await serveKb([join(dir, "kb.ttl")]);
    try {
      const r = await rawRequest(server.url, "/kb/kb.trig");
      expect(r.status).toBe(409);
      expect(r.body).toMatch(/kb\.trig:1:1: .*SHA-256 is not the one kb\.manifest\.json gives/);
      expect((await rawRequest(server.url, "/kb/kb.nq")).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe("--kb files that are no build's", () => {
  it("are written as TriG, N-Quads and JSON-LD from their quads; there is no manifest", async () => {
    const dir = join(scratch, "alone");
    copyAll(dir, ["kb.ttl"]);
    const kb = join(dir, "kb.ttl");
    const server = await serveKb([kb]);
    try {
      const triples = new Parser({ format: "Turtle" }).parse(readFileSync(kb, "utf8")).length;
      const trig = await rawRequest(server.url, "/kb/kb.trig");
      expect(trig.status).toBe(200);
      expect(new Parser({ format: "TriG" }).parse(trig.body)).toHaveLength(triples);
      const nq = await rawRequest(server.url, "/kb/kb.nq");
      expect(new Parser({ format: "N-Quads" }).parse(nq.body)).toHaveLength(triples);
      const jsonld = await rawRequest(server.url, "/kb/kb.jsonld");
      expect(jsonld.status).toBe(200);
      expect(JSON.parse(jsonld.body)).toBeTypeOf("object");
      expect((await rawRequest(server.url, "/kb/kb.manifest.json")).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

/** Copies the fresh build's `files` into `dir` (a new folder). */
function copyAll(dir: string, files: readonly string[] = TYPES.map(([f]) => f)): void {
  mkdirSync(dir, { recursive: true });
  for (const file of files) copyFileSync(join(FRESH_GRAPH, file), join(dir, file));
}

/**
 * vitest globalSetup: builds the seed (graph/sources with graph/curation) once per test run, with
 * the code under test, into a temp folder that is removed afterwards. The trace, audit, server
 * and viewer tests read that build (tests/helpers/fresh-kb.ts), not the committed graph/kb.*,
 * so a regression in the build shows in what they answer. Only tests that are about the
 * committed files (tests/cli/build.test.ts, tests/rdf/write/exports.test.ts) read those.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { main } from "../../src/cli/main.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The folder the seed was built into for this run (kb.ttl, kb.trig, kb.nq, kb.jsonld). */
    freshGraph: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), "claimgraph-fresh-build-"));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const out = join(dir, "graph");
  const root = join(import.meta.dirname, "..", "..");
  let errors = "";
  const code = await main(
    ["build", "--sources", join(root, "graph", "sources"), "--out", out, "-q"],
    {
      out: () => {},
      err: (text) => {
        errors += `${text}\n`;
      },
    },
  );
  if (code !== 0) {
    remove();
    throw new Error(`building graph/sources for the tests failed (exit ${code}):\n${errors}`);
  }
  project.provide("freshGraph", out);
  return remove;
}

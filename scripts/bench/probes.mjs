// Bundles the in-process probes with the settings scripts/bundle.mjs uses for the
// CLI (esbuild, ESM, code splitting, the same externals), so they run the code
// `claimgraph` runs and load it the way the CLI loads it. The output goes under
// node_modules/.cache: inside the repository, so the bundled modules still find
// package.json and ontology/ above them, and ignored by git.
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { esbuildOptions } from "../bundle.mjs";

export async function buildProbes(root) {
  const outdir = join(root, "node_modules", ".cache", "claimgraph-bench");
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: {
      warm: join(root, "scripts/bench/probe-warm.ts"),
      phases: join(root, "scripts/bench/probe-phases.ts"),
      "scale-open": join(root, "scripts/bench/probe-scale-open.ts"),
      "scale-trace": join(root, "scripts/bench/probe-scale-trace.ts"),
      "scale-build": join(root, "scripts/bench/probe-scale-build.ts"),
      "scale-endpoint": join(root, "scripts/bench/probe-scale-endpoint.ts"),
      "parse-limits": join(root, "scripts/bench/probe-parse-limits.ts"),
      "scale-jobs": join(root, "scripts/bench/probe-scale-jobs.ts"),
      // `build --jobs`'s worker, beside the probes as it is beside the CLI in dist/.
      "extract-worker": join(root, "src/pipeline/extract-worker.ts"),
    },
    outdir,
    outExtension: { ".js": ".mjs" },
    ...esbuildOptions,
  });
  const out = (name) => join(outdir, `${name}.mjs`);
  return {
    warm: out("warm"),
    phases: out("phases"),
    scaleOpen: out("scale-open"),
    scaleTrace: out("scale-trace"),
    scaleBuild: out("scale-build"),
    scaleEndpoint: out("scale-endpoint"),
    parseLimits: out("parse-limits"),
    scaleJobs: out("scale-jobs"),
  };
}

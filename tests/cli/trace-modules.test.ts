// What the bundled CLI (dist/, built by `npm run build:cli`) loads to answer `trace` without a
// snapshot: n3's parser and terms, not n3's store, writer and stream classes, whose
// readable-stream and its polyfills cost the cold start time and are never run on this path
// (see scripts/bundle.mjs). The bench lists the same modules (scripts/bench/modules.mjs).
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// @ts-expect-error: the bench's helpers are plain JavaScript, without declarations
import { loadedModules } from "../../scripts/bench/modules.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url)).replace(/\/$/, "");

interface Loaded {
  readonly packages: readonly string[];
}

describe("trace without a snapshot, bundled", () => {
  it("loads n3's parser but neither its store and writer nor readable-stream", () => {
    const loaded: Loaded = loadedModules(
      {
        file: process.execPath,
        args: ["bin/claimgraph.js", "trace", "desipramine"],
        env: { ...process.env, CLAIMGRAPH_NO_CACHE: "1" },
      },
      ROOT,
    );
    expect(loaded.packages).toContain("n3");
    const polyfills = loaded.packages.filter((p) =>
      ["readable-stream", "string_decoder", "safe-buffer", "abort-controller"].includes(p),
    );
    expect(polyfills).toEqual([]);
  });
});

/** Where claimgraph finds its own files (the ontology) and the project's default folders. */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The package root: the nearest folder above this module that holds `ontology/`. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "ontology", "claimgraph.ttl"))) return dir;
    const up = dirname(dir);
    if (up === dir)
      throw new Error("claimgraph: cannot find its ontology/ folder above its own modules");
    dir = up;
  }
}

export function ontologyDir(): string {
  return join(packageRoot(), "ontology");
}

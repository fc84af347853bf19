// A test-only preload (`node --import ./tests/helpers/fs-steps.mjs bin/claimgraph.js …`) that
// numbers every call of the fs functions a build changes the disk with, and at the Nth:
//   CLAIMGRAPH_TEST_KILL_AT=N    kills the process with SIGKILL before the call runs;
//   CLAIMGRAPH_TEST_FAIL_AT=N    makes the call throw ENOSPC (a full disk) instead of running;
//   CLAIMGRAPH_TEST_PAUSE_AT=N   writes CLAIMGRAPH_TEST_PAUSE_DIR/paused and waits, before
//                                the call, until CLAIMGRAPH_TEST_PAUSE_DIR/go exists.
// CLAIMGRAPH_TEST_STEPS_FILE=PATH writes the calls' names there, one a line, at exit.
// module.syncBuiltinESMExports() makes the bundle's `import { renameSync } from "node:fs"`
// see the patched functions.
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { join } from "node:path";

const STEPS = [
  "openSync",
  "writeSync",
  "writeFileSync",
  "fsyncSync",
  "closeSync",
  "mkdirSync",
  "renameSync",
  "symlinkSync",
  "linkSync",
  "unlinkSync",
  "rmSync",
];

const env = process.env;
const killAt = Number(env.CLAIMGRAPH_TEST_KILL_AT ?? 0);
const pauseAt = Number(env.CLAIMGRAPH_TEST_PAUSE_AT ?? 0);
const failAt = Number(env.CLAIMGRAPH_TEST_FAIL_AT ?? 0);
const pauseDir = env.CLAIMGRAPH_TEST_PAUSE_DIR ?? "";
const original = Object.fromEntries(STEPS.map((name) => [name, fs[name]]));
let calls = 0;
const names = [];

function pause() {
  original.writeFileSync(join(pauseDir, "paused"), String(process.pid));
  const cell = new Int32Array(new SharedArrayBuffer(4));
  while (!fs.existsSync(join(pauseDir, "go"))) Atomics.wait(cell, 0, 0, 20);
}

for (const name of STEPS) {
  fs[name] = function step(...args) {
    calls++;
    names.push(name);
    if (calls === killAt) process.kill(process.pid, "SIGKILL");
    if (calls === pauseAt) pause();
    if (calls === failAt) {
      throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
    }
    return original[name].apply(this, args);
  };
}
syncBuiltinESMExports();

if (env.CLAIMGRAPH_TEST_STEPS_FILE) {
  const file = env.CLAIMGRAPH_TEST_STEPS_FILE;
  process.on("exit", () => original.writeFileSync(file, `${names.join("\n")}\n`));
}

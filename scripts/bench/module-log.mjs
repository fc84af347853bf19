// Preloaded with `node --import` to list every module a command loads: registers
// module-log-hooks.mjs, which appends each URL to the file named by
// CLAIMGRAPH_BENCH_MODULE_LOG. Only for the module check, never for a timed run.
import { register } from "node:module";

register("./module-log-hooks.mjs", import.meta.url, {
  data: { file: process.env.CLAIMGRAPH_BENCH_MODULE_LOG },
});

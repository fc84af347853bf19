// Preloaded with `node --import ./scripts/bench/maxrss.mjs …` by scale.mjs: when the process
// exits, writes its peak resident set size (bytes) and CPU times (ms) as JSON to the file
// named by CLAIMGRAPH_BENCH_RUSAGE, so a command's memory is measured without changing it.
import { writeFileSync } from "node:fs";

const file = process.env.CLAIMGRAPH_BENCH_RUSAGE;
if (file) {
  process.on("exit", () => {
    const u = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({
        maxRssBytes: u.maxRSS * 1024,
        userMs: u.userCPUTime / 1e3,
        systemMs: u.systemCPUTime / 1e3,
      }),
    );
  });
}

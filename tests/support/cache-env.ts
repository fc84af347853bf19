// Points this test process at the run's snapshot cache (see `cache-dir.ts`).
import { inject } from "vitest";

process.env.CLAIMGRAPH_CACHE_DIR = inject("claimgraphCacheDir");

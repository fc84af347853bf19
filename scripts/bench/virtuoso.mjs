// Pushing to Virtuoso at scale, against Virtuoso's own bulk loader on the same data, each into
// a fresh scratch store (scripts/virtuoso/start.sh; same settings for both, stopped and removed
// after). Without virtuoso-t and isql-vt this part is skipped and says so.
//
//   bulk load: kb.nq copied into the store's load folder (not timed), then one isql call
//              `ld_dir(…); rdf_loader_run();` timed from outside, then `checkpoint;` timed
//              on its own (the loader writes no transaction log; a checkpoint makes it durable);
//              the store is then restarted (not timed) for the endpoint probe;
//   push:      `claimgraph push --endpoint … --kb kb.nq --json` as a process, timed from
//              outside (it reads kb.nq, the loader's very file, twice and piece by piece: once
//              to check it and learn where each graph ends, then to send one graph per
//              document over HTTP as it goes by: push's defaults), then `checkpoint;` timed on
//              its own.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { totalmem } from "node:os";
import { basename, join } from "node:path";
import { failureText } from "./scale-steps.mjs";

export function virtuosoMissing() {
  for (const tool of ["virtuoso-t", "isql-vt"]) {
    const found = spawnSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" });
    if (found.status !== 0) return `${tool} is not installed (Debian: virtuoso-opensource-7-bin)`;
  }
  return null;
}

/**
 * Virtuoso's NumberOfBuffers (8 KiB pages; MaxDirtyBuffers is three quarters of it, see
 * scripts/virtuoso/start.sh): `given` (VIRTUOSO_BUFFERS) when set, else one page per 4 KiB of
 * `kb.nq` (its indexes take about half the text), at least 100,000 (800 MB, the 1,000-document
 * setting) and at most a third of the machine's memory.
 */
export function virtuosoBuffers(given, nqBytes, memoryBytes = totalmem()) {
  if (given) return given;
  const wanted = Math.ceil(nqBytes / 4096);
  const most = Math.floor(memoryBytes / 3 / 8192);
  return Math.max(100000, Math.min(wanted, most));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startStore(root, dir, buffers, startTimeoutS = 60) {
  const http = await freePort();
  let isqlPort = await freePort();
  while (isqlPort === http) isqlPort = await freePort();
  const child = spawnSync("bash", ["scripts/virtuoso/start.sh", dir], {
    cwd: root,
    encoding: "utf8",
    env: {
      ...process.env,
      VIRTUOSO_HTTP_PORT: String(http),
      VIRTUOSO_ISQL_PORT: String(isqlPort),
      VIRTUOSO_BUFFERS: String(buffers),
      VIRTUOSO_START_TIMEOUT: String(startTimeoutS),
    },
  });
  if (child.status !== 0) throw new Error(`bench: start.sh failed:\n${child.stderr}`);
  const info = Object.fromEntries(
    child.stdout
      .split("\n")
      .filter((l) => l.includes("="))
      .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
  );
  return { dir, endpoint: info.endpoint, isql: Number(info.isql), pid: Number(info.pid) };
}

const TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout) || 100;

/** CPU time (user + system, ms) the store's process has used so far; null off Linux. */
function storeCpuMs(store) {
  try {
    const stat = readFileSync(`/proc/${store.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) / TICKS) * 1e3;
  } catch {
    return null;
  }
}

const spent = (store, before) => {
  const now = storeCpuMs(store);
  return now === null || before === null ? null : now - before;
};

/**
 * The store stopped and started again on its folder. Queried right after a bulk load, Virtuoso
 * planned some of trace's queries badly until it was restarted (on a store just loaded the
 * probe's four traces had not ended after 8 minutes; restarted, all four were measured within
 * 45 s; openlink/virtuoso-opensource#1023 describes the same after inserts): a store put in
 * service after a load is a restarted one. A store that does not stop is an error (it is
 * stopped again and removed by the caller); one that does not start again within 5 minutes
 * is stopped by start.sh.
 */
async function restartStore(root, store, buffers, log) {
  log("bench: scale: restarting the bulk-loaded store before it is queried");
  const stopped = spawnSync("bash", ["scripts/virtuoso/stop.sh", store.dir], {
    cwd: root,
    encoding: "utf8",
  });
  if (stopped.status !== 0) throw new Error(`bench: stop.sh failed:\n${stopped.stderr}`);
  return startStore(root, store.dir, buffers, 300);
}

function stopStore(root, store) {
  spawnSync("bash", ["scripts/virtuoso/stop.sh", store.dir], { cwd: root, stdio: "ignore" });
  rmSync(store.dir, { recursive: true, force: true });
}

function isql(store, sql) {
  const child = spawnSync(
    "isql-vt",
    [
      `127.0.0.1:${store.isql}`,
      "dba",
      process.env.VIRTUOSO_DBA_PASSWORD ?? "dba",
      "VERBOSE=OFF",
      "BANNER=OFF",
      "ERRORS=STDOUT",
      `exec=${sql}`,
    ],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  const out = `${child.stdout}${child.stderr}`;
  if (child.status !== 0 || out.includes("*** Error")) {
    throw new Error(`bench: isql failed on ${sql.slice(0, 80)}:\n${out}`);
  }
  return out;
}

function timedIsql(store, sql) {
  const start = process.hrtime.bigint();
  const out = isql(store, sql);
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, out };
}

function countQuads(store) {
  const out = isql(store, "sparql select count(*) where { graph ?g { ?s ?p ?o } };");
  const line = out.split("\n").find((l) => /^\s*\d+\s*$/.test(l));
  return line ? Number(line.trim()) : null;
}

/**
 * `trace --endpoint` and `compare --endpoint` on the bulk-loaded store (#16.5): the probe
 * (probe-scale-endpoint.ts) times each query call by call, with its round trips, and writes
 * each as it is measured. It is stopped after ENDPOINT_TIME_LIMIT_MS; stopped or failed, the
 * queries it measured are kept and the others reported as not measured and why (a probe that
 * measured nothing fails the stage).
 */
function benchEndpoint(store, { probe, runs, env, log }) {
  log("bench: scale: trace and compare through --endpoint on the bulk-loaded store");
  const options = {
    endpoint: store.endpoint,
    traces: ENDPOINT_TRACES,
    compares: ENDPOINT_COMPARES,
    runs,
  };
  const child = spawnSync(process.execPath, [probe, JSON.stringify(options)], {
    encoding: "utf8",
    env,
    maxBuffer: 64 * 1024 * 1024,
    timeout: ENDPOINT_TIME_LIMIT_MS,
  });
  const why =
    child.error?.code === "ETIMEDOUT"
      ? `the probe was stopped at its limit of ${ENDPOINT_TIME_LIMIT_MS / 60_000} minutes`
      : child.status !== 0
        ? `the probe failed (${child.error?.message ?? child.signal ?? `exit ${child.status}`}): ${child.stderr.trim().split("\n").slice(-3).join(" ")}`
        : null;
  if (why) log(`bench: scale: the endpoint: ${why}`);
  const cases = endpointCases(child.stdout ?? "", options, why);
  const measured = [...cases.trace, ...cases.compare].some((c) => !c.skipped);
  if (why && !measured) throw new Error(`bench: ${why}`);
  return cases;
}

/** The probe's JSON lines as `{ trace, compare }`, in the order asked; a query without a line is skipped with `why`. */
export function endpointCases(stdout, { traces, compares }, why) {
  const lines = stdout.split("\n").flatMap((l) => {
    try {
      return [JSON.parse(l)];
    } catch {
      return []; // blank, or cut short when the probe was stopped
    }
  });
  const of = (command, query) =>
    lines.find((l) => l.command === command && l.query === query) ?? {
      query,
      ms: [],
      skipped: `not measured: ${why ?? "the probe wrote nothing for it"}`,
    };
  return {
    trace: traces.map((q) => of("trace", q)),
    compare: compares.map((names) => of("compare", names.join(" "))),
  };
}

/** How long the endpoint probe may run (on a restarted store of 10,000 documents it takes about 10 minutes). */
const ENDPOINT_TIME_LIMIT_MS = 30 * 60_000;

/**
 * What the endpoint probe traces and compares: the seed's names (hubs at scale: the corpus
 * repeats the lexicon's drugs), an entity of the seed's that stays small at any size (3
 * claims: what most entities' pages cost), and a drug the generator minted (seed 42), a
 * class member.
 */
export const ENDPOINT_TRACES = [
  "desipramine",
  "NET",
  "pmid:12183009",
  "immune defenses",
  "claim:desipramine-vs-ssris.desipramine.primary-target.61c699f8f9d0",
];
export const ENDPOINT_COMPARES = [["desipramine", "fluoxetine"], ["bexadazepine"]];

/**
 * Bulk-loads `nq` into one fresh store (and, given `endpoint`, times trace and compare
 * through it), pushes `nq` into another; returns the timings. A failed side is a failed row,
 * not a lost run: the other side is still measured.
 */
export async function benchVirtuoso({ root, work, nq, env, buffers, log, endpoint }) {
  const bulk = await bulkSide({ root, work, nq, env, buffers, log, endpoint });
  const push = await pushSide({ root, work, nq, env, buffers, log });
  return { buffers, ...bulk, push };
}

/** The bulk loader's side: load, then (restarted) the endpoint probe; the store removed after. */
async function bulkSide({ root, work, nq, env, buffers, log, endpoint }) {
  log("bench: scale: Virtuoso bulk loader (ld_dir + rdf_loader_run) on kb.nq");
  const result = {};
  let a = null;
  try {
    a = await startStore(root, join(work, "virtuoso-bulk"), buffers);
    result.bulk = bulkLoad(a, nq);
    if (endpoint) {
      try {
        a = await restartStore(root, a, buffers, log);
        result.endpoint = benchEndpoint(a, { ...endpoint, env, log });
      } catch (error) {
        result.endpoint = { failed: failureText(error) };
        log(`bench: scale: the endpoint FAILED: ${result.endpoint.failed}`);
      }
    }
  } catch (error) {
    result.bulk = { failed: `the bulk loader: ${failureText(error)}` };
    log(`bench: scale: ${result.bulk.failed}`);
  } finally {
    if (a) stopStore(root, a);
  }
  return result;
}

/** `ld_dir` + `rdf_loader_run` of `nq` into `store`, timed from outside, then its checkpoint. */
function bulkLoad(store, nq) {
  const batch = join(store.dir, "load", "bench");
  mkdirSync(batch, { recursive: true });
  copyFileSync(nq, join(batch, basename(nq)));
  const before = countQuads(store);
  const cpu = storeCpuMs(store);
  const load = timedIsql(
    store,
    `ld_dir('${batch}', '${basename(nq)}', 'https://w3id.org/claimgraph/bench/default'); rdf_loader_run();`,
  );
  const state = isql(
    store,
    `select ll_state, ll_error from DB.DBA.LOAD_LIST where ll_file = '${batch}/${basename(nq)}';`,
  );
  if (!/^\s*2\s+NULL/m.test(state))
    throw new Error(`bench: the bulk loader did not finish:\n${state}`);
  const storeCpu = spent(store, cpu);
  const checkpoint = timedIsql(store, "checkpoint;");
  const after = countQuads(store);
  return {
    loaderMs: load.ms,
    storeCpuMs: storeCpu,
    checkpointMs: checkpoint.ms,
    added: after !== null && before !== null ? after - before : null,
  };
}

/** `claimgraph push`'s side, into a store of its own (removed after). */
async function pushSide({ root, work, nq, env, buffers, log }) {
  log("bench: scale: claimgraph push (Graph Store HTTP Protocol) of kb.nq");
  let b = null;
  try {
    b = await startStore(root, join(work, "virtuoso-push"), buffers);
    isql(b, `DB.DBA.USER_CREATE('cgbench', 'cgbench'); GRANT SPARQL_UPDATE TO "cgbench";`);
    return timedPush(b, { root, work, nq, env });
  } catch (error) {
    const failed = `claimgraph push: ${failureText(error)}`;
    log(`bench: scale: ${failed}`);
    return { failed };
  } finally {
    if (b) stopStore(root, b);
  }
}

/** `claimgraph push --json` of `nq` into `store` as a process, timed from outside, then its checkpoint. */
function timedPush(store, { root, work, nq, env }) {
  const before = countQuads(store);
  const rusage = join(work, "push.rusage.json");
  const cpu = storeCpuMs(store);
  const start = process.hrtime.bigint();
  const child = spawnSync(
    process.execPath,
    [
      "--import",
      "./scripts/bench/maxrss.mjs",
      "bin/claimgraph.js",
      "push",
      "--endpoint",
      store.endpoint,
      "--kb",
      nq,
      "--json",
    ],
    {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      env: {
        ...env,
        CLAIMGRAPH_USER: "cgbench",
        CLAIMGRAPH_PASSWORD: "cgbench",
        CLAIMGRAPH_BENCH_RUSAGE: rusage,
      },
    },
  );
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) {
    throw new Error(`exited with ${child.status ?? child.signal}:\n${child.stderr.slice(-4000)}`);
  }
  const storeCpu = spent(store, cpu);
  const report = JSON.parse(child.stdout);
  const checkpoint = timedIsql(store, "checkpoint;");
  const after = countQuads(store);
  return {
    ms,
    storeCpuMs: storeCpu,
    httpMs: report.ms,
    requests: report.requests,
    graphs: report.graphs.length,
    triples: report.triples,
    bytes: report.bytes,
    checkpointMs: checkpoint.ms,
    added: after !== null && before !== null ? after - before : null,
    rusage: existsSync(rusage) ? JSON.parse(readFileSync(rusage, "utf8")) : null,
  };
}

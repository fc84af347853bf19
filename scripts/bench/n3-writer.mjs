// The baselines of the build and export ratios: n3's own Writer writing the same data that
// claimgraph writes. Run by scale.mjs in a process of its own (node --expose-gc); prints one
// JSON object, times in ms.
//
// The data: the quads of kb.trig (TriG and N-Quads hold the same dataset) and the triples of
// kb.ttl (the Turtle view), each parsed once with n3's Parser, prefixes as the files declare
// them. Then, round after round, for each format, n3's Writer on a sink that gathers its many
// small chunks into strings of about 1 MiB, which it either
//   - "memory": keeps in an array (as the in-process probe keeps claimgraph's sections), or
//   - "file": writes with fs.writeSync, as claimgraph's StagedFiles does (removed after).
// (n3's Writer without a stream builds one string with +=, which is slower at this size: a
// rope of millions of pieces flattened at the end. "string" times it once per format, for
// reference; the ratios use the two above.)
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { Parser, Writer } from "n3";

const options = JSON.parse(process.argv[2] ?? "{}");
const gc = globalThis.gc ?? (() => {});

function parse(file, format) {
  const text = readFileSync(file, "utf8");
  const prefixes = {};
  const start = performance.now();
  const quads = new Parser({ format }).parse(text, null, (prefix, iri) => {
    if (prefix !== "") prefixes[prefix] = iri.value;
  });
  return { quads, prefixes, ms: performance.now() - start, chars: text.length };
}

const trig = parse(options.trig, "TriG");
const ttl = parse(options.ttl, "Turtle");

const FORMATS = [
  { name: "trig", n3: "TriG", data: trig, prefixes: true },
  { name: "nquads", n3: "N-Quads", data: trig, prefixes: false },
  { name: "turtle", n3: "Turtle", data: ttl, prefixes: true },
];

function writerOptions(f) {
  return f.prefixes ? { format: f.n3, prefixes: f.data.prefixes } : { format: f.n3 };
}

function toOneString(f) {
  gc();
  const start = performance.now();
  const writer = new Writer(writerOptions(f));
  writer.addQuads(f.data.quads);
  let chars = 0;
  // n3 calls end()'s callback synchronously when it owns the output.
  writer.end((error, result) => {
    if (error) throw error;
    chars = result.length;
  });
  return { ms: performance.now() - start, chars };
}

/** n3's Writer into 1 MiB strings, handed to `flush`; returns the time and the characters. */
function throughSink(f, flush) {
  let pending = "";
  let chars = 0;
  const sink = {
    write(chunk, _encoding, done) {
      pending += chunk;
      if (pending.length >= 1 << 20) {
        chars += pending.length;
        flush(pending);
        pending = "";
      }
      done?.();
    },
    end(done) {
      chars += pending.length;
      if (pending.length > 0) flush(pending);
      done?.(null);
    },
  };
  const writer = new Writer(sink, writerOptions(f));
  writer.addQuads(f.data.quads);
  writer.end();
  return chars;
}

function toMemory(f) {
  gc();
  const start = performance.now();
  const kept = [];
  const chars = throughSink(f, (text) => kept.push(text));
  return { ms: performance.now() - start, chars, pieces: kept.length };
}

function toFile(f) {
  const path = join(options.outDir, `n3-baseline.${f.name}`);
  gc();
  const start = performance.now();
  const fd = openSync(path, "w");
  let bytes = 0;
  throughSink(f, (text) => {
    bytes += writeSync(fd, text);
  });
  closeSync(fd);
  const ms = performance.now() - start;
  rmSync(path, { force: true });
  return { ms, bytes };
}

const rounds = [];
for (let r = 0; r < options.rounds; r++) {
  const round = {};
  for (const f of FORMATS) round[f.name] = { memory: toMemory(f), file: toFile(f) };
  rounds.push(round);
}
const string = Object.fromEntries(FORMATS.map((f) => [f.name, toOneString(f)]));

process.stdout.write(
  JSON.stringify({
    parse: {
      trig: { ms: trig.ms, quads: trig.quads.length, chars: trig.chars },
      turtle: { ms: ttl.ms, triples: ttl.quads.length, chars: ttl.chars },
    },
    counts: { trig: trig.quads.length, nquads: trig.quads.length, turtle: ttl.quads.length },
    rounds,
    string,
  }),
);

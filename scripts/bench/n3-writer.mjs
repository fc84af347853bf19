// The baselines of the build and export ratios: n3's own Writer writing the same data that
// claimgraph writes. Run by scale.mjs in a process of its own (node --expose-gc, a large heap);
// prints one JSON object, times in ms, and its progress on stderr.
//
// The data: the quads of kb.trig (TriG and N-Quads hold the same dataset) and the triples of
// kb.ttl (the Turtle view), each parsed once with n3's Parser reading the file as a stream (at
// 10,000 documents kb.ttl is larger than the longest string V8 makes), prefixes as the files
// declare them, each term made once (interningFactory); one dataset at a time, so only one is
// held. Then, round after round, for each
// format, n3's Writer on a sink that gathers its many small chunks into strings of about 1 MiB,
// which it either
//   - "memory": keeps in an array (as the in-process probe keeps claimgraph's sections), or
//   - "file": writes with fs.writeSync, as claimgraph's StagedFiles does (removed after).
// (n3's Writer without a stream builds one string with +=, which is slower at this size: a
// rope of millions of pieces flattened at the end. "string" times it once per format, for
// reference, or says why it could not (a text longer than V8's longest string); the ratios use
// the two above.)
import { closeSync, createReadStream, openSync, rmSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { DataFactory, Parser, Writer } from "n3";

const options = JSON.parse(process.argv[2] ?? "{}");
const gc = globalThis.gc ?? (() => {});
const log = (text) => process.stderr.write(`n3-writer: ${text}\n`);

/**
 * n3's DataFactory, with each term made once: the parser otherwise makes a new term for every
 * occurrence, 441 bytes of heap per quad of kb.trig (298 with this), so at 10,000 documents
 * (18 million quads) the dataset alone filled the 12 GiB heap. The terms are n3's own, so the
 * Writer does the same work on them.
 */
function interningFactory() {
  const terms = new Map();
  const once = (key, make) => {
    let term = terms.get(key);
    if (term === undefined) {
      term = make();
      terms.set(key, term);
    }
    return term;
  };
  return {
    ...DataFactory,
    namedNode: (iri) => once(`<${iri}`, () => DataFactory.namedNode(iri)),
    blankNode: (name) => once(`_${name}`, () => DataFactory.blankNode(name)),
    literal: (value, tag) => {
      const kind =
        typeof tag === "string"
          ? `@${tag}`
          : tag?.termType === "NamedNode"
            ? `^${tag.value}`
            : `@${tag?.language ?? ""}--${tag?.direction ?? ""}`;
      return once(`"${kind}"${value}`, () => DataFactory.literal(value, tag));
    },
  };
}

/** The quads of `file`, read as a stream; the time includes reading (not counted anywhere). */
function parse(file, format) {
  const quads = [];
  const prefixes = {};
  const start = performance.now();
  return new Promise((resolve, reject) => {
    new Parser({ format, factory: interningFactory() }).parse(
      createReadStream(file, { highWaterMark: 1 << 20 }),
      (error, quad) => {
        if (error) reject(error);
        else if (quad) quads.push(quad);
        else {
          const ms = performance.now() - start;
          resolve({ quads, prefixes, ms, bytes: statSync(file).size });
        }
      },
      (prefix, iri) => {
        if (prefix !== "") prefixes[prefix] = iri.value;
      },
    );
  });
}

/** The datasets, each with the formats n3 writes from it. */
const DATASETS = [
  {
    name: "trig",
    file: options.trig,
    n3: "TriG",
    formats: [
      { name: "trig", n3: "TriG", prefixes: true },
      { name: "nquads", n3: "N-Quads", prefixes: false },
    ],
  },
  {
    name: "turtle",
    file: options.ttl,
    n3: "Turtle",
    formats: [{ name: "turtle", n3: "Turtle", prefixes: true }],
  },
];

function writerOptions(f) {
  return f.prefixes ? { format: f.n3, prefixes: f.data.prefixes } : { format: f.n3 };
}

function toOneString(f) {
  gc();
  const start = performance.now();
  try {
    const writer = new Writer(writerOptions(f));
    writer.addQuads(f.data.quads);
    let chars = 0;
    // n3 calls end()'s callback synchronously when it owns the output.
    writer.end((error, result) => {
      if (error) throw error;
      chars = result.length;
    });
    return { ms: performance.now() - start, chars };
  } catch (error) {
    // At 10,000 documents the text is longer than V8's longest string (RangeError).
    return { ms: null, chars: null, error: String(error?.message ?? error) };
  }
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

/**
 * The text kept in memory is capped at KEEP characters, here and in probe-scale-build.ts (the
 * claimgraph side), beyond which the pieces are counted and dropped: at 1,000 documents every
 * format fits under it; at 10,000 the N-Quads alone (about 6 GB) would not fit in the heap.
 */
const KEEP = 2e9;

function toMemory(f) {
  gc();
  const start = performance.now();
  const kept = [];
  let held = 0;
  const chars = throughSink(f, (text) => {
    if (held + text.length > KEEP) return;
    held += text.length;
    kept.push(text);
  });
  return { ms: performance.now() - start, chars, pieces: kept.length, keptChars: held };
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

const rounds = Array.from({ length: options.rounds }, () => ({}));
const string = {};
const parsed = {};
const counts = {};
for (const dataset of DATASETS) {
  log(`parsing ${dataset.file}`);
  const data = await parse(dataset.file, dataset.n3);
  parsed[dataset.name] = { ms: data.ms, quads: data.quads.length, bytes: data.bytes };
  log(`parsed ${data.quads.length} quads in ${(data.ms / 1e3).toFixed(1)} s`);
  const formats = dataset.formats.map((f) => ({ ...f, data }));
  for (const f of formats) counts[f.name] = data.quads.length;
  for (let r = 0; r < options.rounds; r++) {
    for (const f of formats) {
      log(`${f.name}, round ${r + 1}/${options.rounds}`);
      rounds[r][f.name] = { memory: toMemory(f), file: toFile(f) };
    }
  }
  for (const f of formats) string[f.name] = toOneString(f);
}

process.stdout.write(
  JSON.stringify({
    parse: {
      trig: parsed.trig,
      turtle: { ms: parsed.turtle.ms, triples: parsed.turtle.quads, bytes: parsed.turtle.bytes },
    },
    counts,
    rounds,
    string,
  }),
);

/**
 * Where an incremental build's time goes (#16.1), in process, phase by phase:
 *   npx tsx scripts/bench/probe-incremental.ts SOURCES CURATION OUT
 * (OUT holds an earlier build of SOURCES). Prints one JSON object of milliseconds.
 */

import { agreementSection } from "../../src/pipeline/agreement-section.ts";
import { type DocumentReading, readDocument } from "../../src/pipeline/document-reading.ts";
import { assembleKnowledgeBase } from "../../src/pipeline/knowledge-base.ts";
import { beginPrepare, finishPrepare, writeBuild } from "../../src/pipeline/pipeline.ts";
import { readingKeys } from "../../src/pipeline/reading-key.ts";
import { serializedReading } from "../../src/pipeline/reading-piece.ts";
import { userSeal } from "../../src/pipeline/reading-seal.ts";
import { loadReadings } from "../../src/pipeline/reading-store.ts";
import { PREFIXES } from "../../src/rdf/vocab/namespaces.ts";
import { NanopubIris } from "../../src/rdf/write/nanopub-iris.ts";
import { documentQuads, sharedData, sharedQuads } from "../../src/rdf/write/quads.ts";
import { FORMATS } from "../../src/rdf/write/serialize.ts";
import { writerFor } from "../../src/rdf/write/writers.ts";

const [sources, curation, out] = process.argv.slice(2) as [string, string, string];
const ms: Record<string, number> = {};
function timed<T>(name: string, step: () => T): T {
  const start = performance.now();
  const value = step();
  ms[name] = Math.round(performance.now() - start);
  return value;
}

const begun = timed("list and read the inputs, manifest, rules", () =>
  beginPrepare({ sources, curation }),
);
const { input } = begun;
const keys = timed("reading keys", () =>
  readingKeys(input.documents, input.curation, begun.manifest),
);
const seal = timed("the user's readings key", () => userSeal());
const stored = timed("load and check the stored readings", () =>
  loadReadings(out, keys, input.documents, seal),
);
const fresh = timed("read the documents not stored, in this thread", () =>
  input.documents.map((d, i) =>
    stored.has(keys[i] as string)
      ? undefined
      : readDocument(d, input.lexicon.lexicon, input.curation),
  ),
);
const readings = keys.map((k, i) => stored.get(k)?.reading ?? (fresh[i] as DocumentReading));
const pieces = timed("serialize the fresh readings", () =>
  keys.map((k, i) => stored.get(k)?.piece ?? serializedReading(readings[i] as DocumentReading)),
);
const read = fresh.filter(Boolean).length;
const prepared = timed("assemble the knowledge base", () => ({
  ...finishPrepare(begun, assembleKnowledgeBase(input, readings)),
  readings: {
    keys,
    files: input.documents.map((d) => d.file),
    pieces,
    read,
    reused: keys.length - read,
    seal,
  },
}));
const nanopubs = new NanopubIris(prepared.iris);
const sections = timed("document sections (quads)", () =>
  prepared.kb.documents.map((d) => documentQuads(d, prepared.iris, prepared.nanopubs, nanopubs)),
);
const shared = timed("shared graph (quads)", () =>
  sharedQuads(sharedData(prepared.kb), prepared.iris),
);
const agreement = timed("agreement graph (quads)", () =>
  agreementSection(prepared.kb, prepared.iris, nanopubs, prepared.rules),
);
const prefixes = { ...PREFIXES, ...prepared.iris.prefixes() };
for (const f of FORMATS) {
  const w = writerFor(f, prefixes);
  timed(`write ${f}: documents`, () => sections.map((s) => w.section(s)).length);
  timed(`write ${f}: shared + agreement`, () => w.section(shared) + w.section(agreement));
}
timed("writeBuild (the whole write, as the CLI does it)", () => writeBuild(prepared, out));
console.log(JSON.stringify({ read, ms }, null, 2));

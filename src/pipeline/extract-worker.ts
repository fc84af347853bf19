/**
 * The extraction worker (`build --jobs N`): a worker thread that makes the lexicon from the
 * parts it is given, then reads each document it is sent (document-reading.ts) and sends back
 * the reading serialized — the very bytes the build keeps for the next one (reading-store.ts)
 * — or what the reading threw. Bundled as its own entry, dist/extract-worker.js
 * (scripts/bundle.mjs); extract-pool.ts starts it, from there or from this source.
 */
import { parentPort, workerData } from "node:worker_threads";
import { Lexicon } from "../lexicon/lexicon.ts";
import { readDocument } from "./document-reading.ts";
import { type ReadJob, type ReadReply, thrownOf, type WorkerSetup } from "./extract-protocol.ts";
import { serializedReading } from "./reading-piece.ts";

const port = parentPort;
if (!port) throw new Error("extract-worker runs in a worker thread (extract-pool.ts starts it)");
const { setup } = workerData as { readonly setup: WorkerSetup };
const lexicon = Lexicon.fromParts(setup.lexicon);
port.postMessage({ ready: true } satisfies ReadReply);

port.on("message", (job: ReadJob) => {
  try {
    port.postMessage(answer(job));
  } catch (error) {
    // A reading that cannot be cloned is a bug too: say so rather than die.
    port.postMessage({ index: job.index, thrown: thrownOf(error) } satisfies ReadReply);
  }
});

function answer(job: ReadJob): ReadReply {
  try {
    const reading = readDocument(job.source, lexicon, setup.curation);
    return { index: job.index, piece: serializedReading(reading) };
  } catch (error) {
    return { index: job.index, thrown: thrownOf(error) };
  }
}

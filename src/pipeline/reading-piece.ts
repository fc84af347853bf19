/**
 * A document's reading as bytes: v8's serialization (the structured clone a worker's message
 * makes) of its portable form (document-reading.ts). A worker sends a reading so, and the build
 * keeps the same bytes for the next one (reading-store.ts): one serialization, made where the
 * reading is made, so a reading gives the same bytes whichever thread read it.
 */
import { deserialize, serialize } from "node:v8";
import { type DocumentReading, portableReading, receivedReading } from "./document-reading.ts";

export function serializedReading(reading: DocumentReading): Uint8Array {
  return serialize(portableReading(reading));
}

/** The reading `serializedReading` made `piece` of (from this build: trusted, not checked). */
export function deserializedReading(piece: Uint8Array): DocumentReading {
  return receivedReading(deserialize(piece) as DocumentReading);
}

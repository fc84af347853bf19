/** Why a snapshot was not used (see `snapshot.ts`): the graph is read from the RDF instead. */
export class SnapshotRejected extends Error {
  override name = "SnapshotRejected";
}

/**
 * A closed pipe ends the program quietly, as it ends `cat`: `claimgraph query … | head` must
 * not print a `write EPIPE` stack trace nor fail. Node ignores SIGPIPE, so a write to a pipe
 * whose reader has gone fails instead, synchronously (a thrown error) or later (the stream's
 * `error` event); both are caught here, once, for the stream the answers are written to.
 */

/** Whether `error` says the reader of the stream has gone. */
export function isClosedPipe(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "EPIPE" || code === "ERR_STREAM_DESTROYED";
}

const guarded = new WeakSet<NodeJS.WritableStream>();

/**
 * Writes `text` to `stream`, exiting with 0 (nothing more can be said to a reader that has
 * gone) when the pipe is closed; any other write error is thrown as before.
 */
export function writeOrEnd(stream: NodeJS.WriteStream, text: string): void {
  if (!guarded.has(stream)) {
    guarded.add(stream);
    stream.on("error", (error: unknown) => {
      if (isClosedPipe(error)) process.exit(0);
      throw error;
    });
  }
  try {
    stream.write(text);
  } catch (error) {
    if (isClosedPipe(error)) process.exit(0);
    throw error;
  }
}

/**
 * Answers to requests Node's parser refuses before the server sees them — above all an
 * oversized header section (431). Node's own answer writes the status and resets the
 * connection at once; a client still sending its headers then gets the reset instead of the
 * answer. Here the answer is written, the sending side closed, and what the client still
 * sends is read and dropped (up to LINGER_BYTES or LINGER_MS) so the answer reaches it.
 */
import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { SECURITY_HEADERS } from "./headers.ts";

/** Bytes read and dropped after a refusal, at most. */
export const LINGER_BYTES = 8 * 1024 * 1024;
/** How long a refused connection is kept to drain, at most. */
export const LINGER_MS = 5_000;

const STATUS: Readonly<Record<string, number>> = {
  HPE_HEADER_OVERFLOW: 431,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

const lingering = new WeakMap<Duplex, number>();

/**
 * The server's `clientError` listener. `answering` tells whether a response is already under
 * way on the socket (a second request on a kept-alive connection): then it is only closed.
 * Node's parser keeps reading a refused connection and reports each later chunk again; those
 * reports drop the chunk, until the limit.
 */
export function onClientError(
  error: NodeJS.ErrnoException,
  socket: Duplex & { readonly bytesRead?: number },
  answering: (socket: Duplex) => boolean,
): void {
  const refusedAt = lingering.get(socket);
  if (refusedAt !== undefined) {
    if ((socket.bytesRead ?? 0) - refusedAt > LINGER_BYTES) socket.destroy();
    return;
  }
  if (!socket.writable || answering(socket) || error.code === "ECONNRESET") {
    socket.destroy();
    return;
  }
  const status = STATUS[error.code ?? ""] ?? 400;
  const body = `${STATUS_CODES[status] ?? "bad request"}\n`;
  const headers = Object.entries({
    ...SECURITY_HEADERS,
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(body)),
    Connection: "close",
  }).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${headers.join("")}\r\n${body}`);
  if (status === 408) {
    socket.destroy();
    return;
  }
  lingering.set(socket, socket.bytesRead ?? 0);
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
  socket.on("error", () => socket.destroy());
}

/**
 * A store's address, checked before anything is sent or a password is asked for: http or
 * https, with no user or password written into it.
 */
import { UsageError } from "../base/errors.ts";
import { redactUrl } from "./errors.ts";

/**
 * A store's address as a URL: http or https, with no user or password in it. Credentials in
 * an address are refused, not used: an address is shown in shell history, the process list
 * and logs. Every message shows the address redacted (`redactUrl`).
 */
export function checkUrl(url: string, option = "the address"): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(
      `${option} "${redactUrl(url)}" is not an address`,
      "give the store's address, e.g. http://127.0.0.1:8890/sparql",
    );
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    throw new UsageError(`${option} "${redactUrl(url)}" is not an http(s) address`, "");
  if (parsed.username || parsed.password || /@/.test(url.split(/[?#]/)[0] ?? ""))
    throw new UsageError(
      `${option} ${redactUrl(url)} holds a user or password (or an "@")`,
      "pass credentials in CLAIMGRAPH_USER and CLAIMGRAPH_PASSWORD (or --password-stdin), never in the address",
    );
  return parsed;
}

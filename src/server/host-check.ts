/**
 * Which `Host` headers the server answers. A page on another site can point its own name at
 * 127.0.0.1 (DNS rebinding) and then read whatever the server answers as same-origin; the
 * one thing such a request cannot fake is the name it was sent to. So only the names the
 * server was started on are answered: the address it listens on (and the name it was given),
 * localhost, 127.0.0.1 and [::1] for a loopback address, every address of the machine for a
 * wildcard one (0.0.0.0, ::), and the names given with `--allow-host` — each with the port
 * it listens on.
 */
import { isIPv6 } from "node:net";
import { networkInterfaces } from "node:os";

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];

/** The host names (lowercase, IPv6 in brackets, no port) the server answers for. */
export function allowedHostNames(
  boundAddress: string,
  givenHost: string | undefined,
  allowHosts: readonly string[],
): Set<string> {
  const names = new Set<string>([boundAddress, ...allowHosts].map(hostName));
  if (givenHost !== undefined) names.add(hostName(givenHost));
  if (isLoopback(boundAddress) || isWildcard(boundAddress))
    for (const name of LOOPBACK_NAMES) names.add(name);
  if (isWildcard(boundAddress)) {
    for (const addresses of Object.values(networkInterfaces()))
      for (const a of addresses ?? []) if (a.scopeid === undefined) names.add(hostName(a.address));
  }
  return names;
}

/** Whether a request's Host header names one of `names` and the port the server listens on. */
export function hostAllowed(
  header: string | undefined,
  names: ReadonlySet<string>,
  port: number,
): boolean {
  if (header === undefined) return false;
  const parsed = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(header.trim());
  if (!parsed?.[1]) return false;
  const sentPort = parsed[2] === undefined ? 80 : Number(parsed[2]);
  return sentPort === port && names.has(parsed[1].toLowerCase());
}

/** A name or address as a Host header spells it: lowercase, an IPv6 address in brackets. */
export function hostName(name: string): string {
  const lower = name.trim().toLowerCase();
  return isIPv6(lower) ? `[${lower}]` : lower;
}

export function isLoopback(address: string): boolean {
  return (
    address === "localhost" ||
    address === "::1" ||
    /^127\.\d+\.\d+\.\d+$/.test(address) ||
    /^::ffff:127\./i.test(address)
  );
}

function isWildcard(address: string): boolean {
  return address === "0.0.0.0" || address === "::";
}

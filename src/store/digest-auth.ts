/**
 * HTTP authentication headers: Digest (RFC 7616, and RFC 2617's MD5 with qop=auth, which
 * Virtuoso asks for) and Basic, answered from a `WWW-Authenticate` challenge. Pure: the
 * caller keeps the challenge and the nonce count between requests.
 */
import { createHash, randomBytes } from "node:crypto";

export interface Credentials {
  readonly user: string;
  readonly password: string;
}

export interface Challenge {
  readonly scheme: "digest" | "basic";
  /** The challenge's parameters, names lower-cased (realm, nonce, qop, opaque, algorithm, stale). */
  readonly params: Readonly<Record<string, string>>;
}

/**
 * The challenge to answer in a `WWW-Authenticate` value: Digest when offered (the stronger
 * one; one with an algorithm claimgraph knows first), else Basic. Several challenges may
 * share one header, separated by commas.
 */
export function parseChallenge(header: string | null): Challenge | undefined {
  if (!header) return undefined;
  const challenges: Array<{ scheme: string; params: Record<string, string> }> = [];
  // Either `name=value` (value quoted or a token), which belongs to the current challenge,
  // or a bare token, which starts the next one.
  for (const m of header.matchAll(/([\w-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^\s,]*)|([\w-]+)/g)) {
    if (m[3] !== undefined) challenges.push({ scheme: m[3].toLowerCase(), params: {} });
    else if (m[1] !== undefined && challenges.length > 0) {
      const raw = m[2] ?? "";
      const value = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, "$1") : raw;
      (challenges.at(-1) as { params: Record<string, string> }).params[m[1].toLowerCase()] = value;
    }
  }
  const usable = challenges.filter(
    (c): c is Challenge => c.scheme === "digest" || c.scheme === "basic",
  );
  // Digest whenever offered, even with an algorithm claimgraph cannot answer: never Basic then.
  const digests = usable.filter((c) => c.scheme === "digest");
  return digests.find(isSupported) ?? digests[0] ?? usable[0];
}

/** Whether claimgraph can answer `challenge` (Basic, or Digest with a known algorithm). */
export function isSupported(challenge: Challenge): boolean {
  return (
    challenge.scheme === "basic" ||
    HASHES[(challenge.params.algorithm ?? "MD5").toLowerCase()] !== undefined
  );
}

/** Whether a Digest challenge says only the nonce went stale (the credentials were fine). */
export function isStale(challenge: Challenge | undefined): boolean {
  return challenge?.params.stale?.toLowerCase() === "true";
}

const HASHES: Readonly<Record<string, string>> = {
  md5: "md5",
  "md5-sess": "md5",
  "sha-256": "sha256",
  "sha-256-sess": "sha256",
};

/**
 * The `Authorization` value answering `challenge` for one request. `nc` is how many times
 * this nonce has been used, this request included (1 for the first).
 */
export function authorization(
  challenge: Challenge,
  credentials: Credentials,
  method: string,
  uri: string,
  nc: number,
  cnonce: string = randomBytes(16).toString("hex"),
): string {
  if (challenge.scheme === "basic") {
    const token = Buffer.from(`${credentials.user}:${credentials.password}`, "utf8");
    return `Basic ${token.toString("base64")}`;
  }
  const p = challenge.params;
  const algorithm = (p.algorithm ?? "MD5").toLowerCase();
  const hashName = HASHES[algorithm];
  if (!hashName) throw new Error(`unsupported digest algorithm ${p.algorithm}`);
  const h = (s: string) => createHash(hashName).update(s, "utf8").digest("hex");
  const realm = p.realm ?? "";
  const nonce = p.nonce ?? "";
  let ha1 = h(`${credentials.user}:${realm}:${credentials.password}`);
  if (algorithm.endsWith("-sess")) ha1 = h(`${ha1}:${nonce}:${cnonce}`);
  const ha2 = h(`${method}:${uri}`);
  const qops = (p.qop ?? "").split(",").map((q) => q.trim().toLowerCase());
  const ncHex = nc.toString(16).padStart(8, "0");
  const fields: Array<[string, string, boolean]> = [
    ["username", credentials.user, true],
    ["realm", realm, true],
    ["nonce", nonce, true],
    ["uri", uri, true],
  ];
  if (qops.includes("auth")) {
    fields.push(["qop", "auth", false], ["nc", ncHex, false], ["cnonce", cnonce, true]);
    fields.push(["response", h(`${ha1}:${nonce}:${ncHex}:${cnonce}:auth:${ha2}`), true]);
  } else {
    // RFC 2069 compatibility: no qop offered (auth-int alone is not supported: the body would
    // have to be hashed, and no store claimgraph talks to asks for it).
    fields.push(["response", h(`${ha1}:${nonce}:${ha2}`), true]);
  }
  if (p.opaque !== undefined) fields.push(["opaque", p.opaque, true]);
  if (p.algorithm !== undefined) fields.push(["algorithm", p.algorithm, false]);
  const quote = (s: string) => `"${s.replace(/["\\]/g, "\\$&")}"`;
  return `Digest ${fields.map(([k, v, q]) => `${k}=${q ? quote(v) : v}`).join(", ")}`;
}

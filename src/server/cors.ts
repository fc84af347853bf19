/**
 * Cross-origin access to the SPARQL endpoint: off unless `serve --cors ORIGIN` named origins.
 * An origin is allowed only when the request's `Origin` equals one given, character for
 * character (scheme, host and port; no trailing slash), or when `*` itself was given. Only
 * /sparql answers cross-origin; the viewer's own API and downloads stay same-origin.
 */

/** The CORS headers for a request from `origin` (none when it is not allowed). */
export function corsHeaders(
  allowed: readonly string[],
  origin: string | undefined,
): Record<string, string> {
  if (origin === undefined || !originAllowed(allowed, origin)) return {};
  return { "Access-Control-Allow-Origin": allowed.includes("*") ? "*" : origin };
}

/**
 * The headers answering a preflight (OPTIONS) from an allowed origin. A page on a public site
 * asking for a private address (Private Network Access, `privateNetwork`) is told yes too: the
 * origin was named with `--cors`, which is the consent that check asks for.
 */
export function preflightHeaders(
  allowed: readonly string[],
  origin: string,
  privateNetwork: boolean,
): Record<string, string> {
  return {
    ...corsHeaders(allowed, origin),
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Content-Type",
    "Access-Control-Max-Age": "600",
    ...(privateNetwork ? { "Access-Control-Allow-Private-Network": "true" } : {}),
  };
}

export function originAllowed(allowed: readonly string[], origin: string): boolean {
  return allowed.includes("*") || allowed.includes(origin);
}

/** An origin as `--cors` takes it: `*`, or scheme://host[:port] with nothing after it. */
export function parseOrigin(value: string): string | undefined {
  if (value === "*") return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  return url.origin === value ? value : undefined;
}

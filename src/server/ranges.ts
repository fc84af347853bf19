/**
 * The `Range` header of a download (RFC 9110 §14): one byte range is answered with 206 and
 * that part, a range that starts past the end with 416; several ranges, a malformed header,
 * or an `If-Range` that does not name the current version (strong ETag comparison; a date
 * never matches, as no Last-Modified is sent) get the whole file.
 */

export type RangeAnswer =
  | { readonly kind: "whole" }
  | { readonly kind: "part"; readonly start: number; readonly end: number }
  | { readonly kind: "unsatisfiable" };

const WHOLE: RangeAnswer = { kind: "whole" };

export function rangeOf(
  range: string | undefined,
  ifRange: string | undefined,
  etag: string,
  size: number,
): RangeAnswer {
  if (range === undefined) return WHOLE;
  if (ifRange !== undefined && (ifRange.trim() !== etag || etag.startsWith("W/"))) return WHOLE;
  const one = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(range);
  if (!one) return WHOLE;
  const [, first = "", last = ""] = one;
  if (first === "" && last === "") return WHOLE;
  if (first === "") {
    // A suffix: the last N bytes.
    const n = Number(last);
    if (n === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "part", start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(first);
  if (last !== "" && Number(last) < start) return WHOLE;
  if (start >= size) return { kind: "unsatisfiable" };
  return { kind: "part", start, end: last === "" ? size - 1 : Math.min(Number(last), size - 1) };
}

/**
 * What the brackets of a reference entry give (`[pubmed.ncbi.nlm.nih.gov]`,
 * `[https://doi.org/10.…]`, `[10.1016/…]`, `[PMC3181695]`): the host the work is found at and
 * the identifiers written there — PubMed ids, DOIs, PMC ids, NCBI Bookshelf ids (also in Europe
 * PMC's addresses, `europepmc.org/article/MED/<pmid>`), and a DOI a publisher's address names
 * as one (`…/doi/10.1002/…/full`, as Cochrane, Wiley and others write them). Only what the
 * text spells out is read: an address that merely contains a DOI-like path is a host, not a
 * DOI, and a locator that is neither a host nor an identifier (`javascript:…`, `??`)
 * gives nothing but itself.
 */

/** An identifier as the document writes it: a scheme and its value, never checked here. */
export interface StatedIdentifier {
  /** `pmid`, `doi`, `pmc` (PMC123…) or `nbk` (an NCBI Bookshelf accession, NBK123…). */
  readonly scheme: StatedScheme;
  readonly id: string;
}

export type StatedScheme = "pmid" | "doi" | "pmc" | "nbk";

export interface Locator {
  /** The host name, lower-cased, when the locator is a host or an http(s) address. */
  readonly host: string | undefined;
  /** The path after the host (`/books/NBK557722/`), empty when there is none. */
  readonly path: string;
  /** The http(s) address, when the locator is one (a bare host gives none). */
  readonly address: string | undefined;
  readonly identifiers: readonly StatedIdentifier[];
}

const NOTHING: Locator = { host: undefined, path: "", address: undefined, identifiers: [] };

/** A DOI: `10.` and a registrant code, a slash, a suffix of visible characters. */
const DOI = /^10\.\d{4,9}\/\S+$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export function parseLocator(given: string): Locator {
  const text = given.trim();
  if (text === "") return NOTHING;
  const prefixed = /^(doi|pmid|pmcid|pmc)(?:\s*:\s*|\s+)(\S+)$/i.exec(text);
  if (prefixed) return bare(prefixed[1]?.toLowerCase() ?? "", prefixed[2] ?? "");
  if (DOI.test(text)) return doiLocator(text);
  if (/^PMC\d{1,10}$/i.test(text)) return withIds({ scheme: "pmc", id: text.toUpperCase() });
  if (/^NBK\d{1,10}$/i.test(text)) return withIds({ scheme: "nbk", id: text.toUpperCase() });
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined && !/^\d/.test(text.slice(scheme.length + 1))) {
    return scheme === "http" || scheme === "https" ? fromAddress(text) : NOTHING;
  }
  const slash = text.indexOf("/");
  const host = hostName(slash === -1 ? text : text.slice(0, slash));
  if (!host) return NOTHING;
  const path = slash === -1 ? "" : text.slice(slash);
  return { host, path, address: undefined, identifiers: fromPath(host, path) };
}

function bare(scheme: string, value: string): Locator {
  const id = trimEnd(value);
  if (scheme === "doi") return doiLocator(id);
  if (scheme === "pmid") return /^\d{1,9}$/.test(id) ? withIds({ scheme: "pmid", id }) : NOTHING;
  const pmc = /^(?:PMC)?(\d{1,10})$/i.exec(id)?.[1];
  return pmc ? withIds({ scheme: "pmc", id: `PMC${pmc}` }) : NOTHING;
}

function doiLocator(text: string): Locator {
  const doi = doiOf(text);
  return doi ? withIds(doi) : NOTHING;
}

function withIds(...identifiers: StatedIdentifier[]): Locator {
  return { ...NOTHING, identifiers };
}

function fromAddress(text: string): Locator {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return NOTHING;
  }
  const host = hostName(url.hostname);
  if (!host || url.username !== "" || url.password !== "") return NOTHING;
  return { host, path: url.pathname, address: url.href, identifiers: fromPath(host, url.pathname) };
}

/** A host name: dot-separated labels of letters, digits and hyphens, the last one a word. */
function hostName(text: string): string | undefined {
  const host = text.toLowerCase().replace(/\.$/, "");
  const labels = host.split(".");
  if (labels.length < 2 || host.length > 253) return undefined;
  if (!labels.every((l) => LABEL.test(l))) return undefined;
  const top = labels.at(-1) ?? "";
  return /^(?:[a-z]{2,63}|xn--[a-z0-9-]+)$/.test(top) ? host : undefined;
}

/** The identifiers an address's path spells out on the hosts that mint them. */
function fromPath(host: string, rawPath: string): StatedIdentifier[] {
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    path = rawPath;
  }
  const site = host.replace(/^www\./, "");
  if (site === "doi.org" || site === "dx.doi.org") {
    const doi = doiOf(path.replace(/^\/+/, ""));
    return doi ? [doi] : [];
  }
  const out: StatedIdentifier[] = [];
  const named = doiSegment(path);
  if (named) out.push(named);
  if (site === "pubmed.ncbi.nlm.nih.gov") {
    const pmid = /^\/(\d{1,9})\/?$/.exec(path)?.[1];
    if (pmid) out.push({ scheme: "pmid", id: pmid });
  }
  if (site === "ncbi.nlm.nih.gov") {
    const pmid = /^\/pubmed\/(\d{1,9})\/?$/.exec(path)?.[1];
    if (pmid) out.push({ scheme: "pmid", id: pmid });
  }
  if (site === "pmc.ncbi.nlm.nih.gov" || site === "ncbi.nlm.nih.gov") {
    const pmc = /^\/(?:pmc\/)?articles\/(PMC\d{1,10})\/?$/i.exec(path)?.[1];
    if (pmc) out.push({ scheme: "pmc", id: pmc.toUpperCase() });
  }
  if (site === "europepmc.org") {
    // Europe PMC names a PubMed record MED/<pmid> and a PMC one PMC/PMC<id> (or PMC<id>)
    const med = /^\/(?:article|abstract)\/MED\/(\d{1,9})\/?$/i.exec(path)?.[1];
    if (med) out.push({ scheme: "pmid", id: med });
    const pmc = /^\/(?:articles?\/(?:PMC\/)?|abstract\/PMC\/)(?:PMC)?(\d{1,10})\/?$/i.exec(
      path,
    )?.[1];
    if (pmc) out.push({ scheme: "pmc", id: `PMC${pmc}` });
  }
  if (site === "ncbi.nlm.nih.gov") {
    const nbk = /^\/books\/(NBK\d{1,10})\/?$/i.exec(path)?.[1];
    if (nbk) out.push({ scheme: "nbk", id: nbk.toUpperCase() });
  }
  return out;
}

/**
 * A DOI a path names after a `doi` segment: `/cdsr/doi/10.1002/14651858.CD1.pub2/full`,
 * `/doi/full/10.1080/…`, `/doi/abs/10.1177/…`; a segment naming a view of the page (`full`,
 * `abstract`, `epdf`, `information`, …) ends it, with all that follows (`/epdf/full`, `/full/es`).
 */
function doiSegment(path: string): StatedIdentifier | undefined {
  const m = /\/doi\/(?:(?:full|abs|abstract|pdf|epdf|epub|book)\/)?(10\.\d{4,9}\/.+)$/i.exec(path);
  if (!m) return undefined;
  const id = (m[1] as string)
    .replace(/[?#].*$/, "")
    .replace(
      /\/(?:full|abstract|abs|pdf|epdf|epub|html|fulltext|references|figures|info|information|media|suppl)(?:\/.*)?$/i,
      "",
    )
    .replace(/\/+$/, "");
  return doiOf(id);
}

function doiOf(text: string): StatedIdentifier | undefined {
  const id = trimEnd(text);
  return DOI.test(id) ? { scheme: "doi", id } : undefined;
}

/**
 * A DOI or id without the punctuation a sentence puts after it: a final `.`, `,`, `;` or `:`,
 * and a final `)` that closes nothing in it (`10.1016/s0361-9230(01)00780-8` keeps its own).
 */
function trimEnd(text: string): string {
  let opens = 0;
  let closes = 0;
  for (const c of text) {
    if (c === "(") opens++;
    else if (c === ")") closes++;
  }
  let end = text.length;
  for (;;) {
    const last = text[end - 1];
    if (last === "." || last === "," || last === ";" || last === ":") end--;
    else if (last === ")" && opens < closes) {
      end--;
      closes--;
    } else return text.slice(0, end);
  }
}

/** The key two identifiers share when they name the same thing (DOIs are case-blind). */
export function identifierKey(i: { readonly scheme: string; readonly id: string }): string {
  return `${i.scheme}:${i.scheme === "doi" ? i.id.toLowerCase() : i.id}`;
}

/**
 * How labels are compared. Gold files use the document's words ("Serotonin Transporter
 * (SERT)", "SSRIs", "α2A-adrenergic receptors"); claimgraph gives an entity's label and
 * synonyms. Both sides are reduced to a key: markup, TeX and citation markers dropped,
 * HTML entities and Greek letters spelled out, parentheses dropped, lower case, each word's
 * plural "s" dropped (camelCase split first), and every character that is not a letter or digit removed. Two labels
 * match when any of their names has the same key.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  rsquo: "'",
  lsquo: "'",
  ndash: "–",
  mdash: "—",
  alpha: "α",
  beta: "β",
  gamma: "γ",
  delta: "δ",
  kappa: "κ",
  mu: "μ",
  sigma: "σ",
};

const GREEK: Readonly<Record<string, string>> = {
  α: "alpha",
  β: "beta",
  γ: "gamma",
  δ: "delta",
  κ: "kappa",
  μ: "mu",
  µ: "mu",
  σ: "sigma",
};

/** Markup and markers removed, entities and TeX letters decoded: text as a reader sees it. */
export function plainText(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/<[^<>]*>/g, " ")
    .replace(/&([a-z]+);/gi, (m, name: string) => ENTITIES[name.toLowerCase()] ?? m)
    .replace(/\\([a-z]+)/gi, (_, name: string) => GREEK[ENTITIES[name.toLowerCase()] ?? ""] ?? name)
    .replace(/[$_{}*]/g, "")
    .replace(/\[\d+\]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The key two labels are compared by. */
export function labelKey(label: string): string {
  const text = plainText(label)
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/\([^()]*\)/g, " ")
    .replace(/[αβγδκμµσ]/g, (c) => ` ${GREEK[c] ?? c}`)
    .toLowerCase();
  return text
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "")
    .map(singular)
    .join("");
}

function singular(word: string): string {
  if (word.length > 3 && word.endsWith("s") && !/(ss|us|sis)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** True when a name of `a` and a name of `b` have the same key; two empty lists match too. */
export function labelsMatch(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return a.length === b.length;
  const keys = new Set(a.map(labelKey));
  return b.some((name) => keys.has(labelKey(name)));
}

/** Attribute values: alternatives separated by "|", or a comma-separated set for set attributes. */
export function attributeMatch(gold: string, observed: string, isSet: boolean): boolean {
  if (isSet) {
    const set = (v: string) =>
      [...new Set(v.split(",").map(labelKey))]
        .filter((k) => k !== "")
        .sort()
        .join(",");
    return set(gold) === set(observed);
  }
  const split = (v: string) => (v === "" ? [] : v.split("|"));
  return labelsMatch(split(gold), split(observed));
}

/** Doses are compared as written, dashes and spaces aside: "10–20" is "10-20", not "20". */
export function doseKey(dose: string): string {
  return dose.replace(/[–—]/g, "-").replace(/\s+/g, "").toLowerCase();
}

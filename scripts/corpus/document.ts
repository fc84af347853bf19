/**
 * One synthetic document in the seed's template, from its number and the corpus seed:
 * two blank lines, `# Title`, author and date, `## Compound Focus`, CAS and catalogue
 * numbers, "Get Quote", the sections, `## References`, the "To cite this document"
 * line and the vendor's footer. LF line ends and no final newline, as in the seed.
 */
import { Citations } from "./citations.ts";
import { efficacySection } from "./efficacy.ts";
import type { WrittenColumn } from "./headers.ts";
import { mechanismProse, mechanismTable, opening } from "./mechanism.ts";
import { makePlan, type Plan } from "./plan.ts";
import type { Pools } from "./pools.ts";
import { conclusionSection, protocolSection } from "./protocols.ts";
import { Random } from "./random.ts";
import { referenceLines, referenceList } from "./references.ts";
import { safetySection } from "./safety.ts";
import { MONTHS, VENDORS } from "./vocabulary.ts";

export interface GeneratedDocument {
  /** The file name: `doc-0001-zorvipramine-vs-fluoxetine.md`. */
  readonly name: string;
  readonly text: string;
  /** The drug and class columns of its tables, with what a reader must take from each header. */
  readonly columns: readonly WrittenColumn[];
}

export function generateDocument(
  seed: number,
  index: number,
  width: number,
  pools: Pools,
  unknownShare: number,
): GeneratedDocument {
  const rng = Random.derive(seed, index);
  const cites = new Citations(rng);
  const plan = makePlan(rng, cites, pools, unknownShare);
  const vendor = rng.pick(VENDORS);
  const year = rng.int(2019, 2026);
  const catalog = `${rng.pick(["S", "T", "X", "Q"])}${String(rng.int(0, 999_999)).padStart(6, "0")}`;
  const title = rng.pick([
    "Mechanisms of Action: A Comparative Overview",
    `${plan.a.name} and ${plan.b.name}: A Comparative Overview`,
    `${plan.a.name} versus SSRIs: Mechanisms, Efficacy and Safety`,
    `Comparing ${plan.a.name} with ${plan.b.name}: A Technical Note`,
  ]);
  const body = [
    "",
    "",
    `# ${title}`,
    "",
    `**Author:** ${vendor.name} Technical Support Team. **Date:** ${rng.pick(MONTHS)} ${year}`,
    "",
    `## Compound Focus: ${plan.a.name}`,
    "",
    `CAS No.: ${casNumber(plan)}`,
    "",
    `Cat. No.: ${catalog}`,
    "",
    "Get Quote",
    "",
    ...opening(plan),
    ...mechanismTable(plan),
    ...mechanismProse(plan),
    ...efficacySection(plan),
    ...safetySection(plan),
    ...protocolSection(plan),
    ...conclusionSection(plan),
    "### *Need Custom Synthesis?*",
    "",
    `*Email: [info@${vendor.domain}](mailto:info@${vendor.domain}) or [Request Quote Online](#).*`,
    "",
    "## References",
    "",
  ].join("\n");
  const list = referenceList(plan, cites.count);
  const filled = cites.fill(list.entries.length, list.skip, list.partner);
  const anchor = `${slug(plan.a.name)}-compared-to-${slug(plan.b.name)}`;
  const tail = [
    ...referenceLines(list, rng),
    "",
    `To cite this document: ${vendor.name}. [${title}]. ${vendor.name}, [${year}]. [Online PDF]. Available at: [<https://www.${vendor.domain}/products/${catalog.toLowerCase()}#${anchor}>]`,
    "",
    ...footer(vendor.name, vendor.domain),
  ].join("\n");
  const rendered = Citations.render(body, filled);
  checkMarkers(rendered, list.entries.length, list.skip);
  const text = `${rendered}\n${tail}`;
  const number = String(index + 1).padStart(width, "0");
  const name = `doc-${number}-${slug(plan.a.name)}-vs-${slug(plan.b.name)}.md`;
  return { name, text, columns: plan.columns };
}

/** Every marker names a listed reference, and every reference but `skip` is cited. */
function checkMarkers(body: string, references: number, skip: number | undefined): void {
  const cited = new Set([...body.matchAll(/\[(\d+)\](?!\()/g)].map((m) => Number(m[1])));
  for (const n of cited) {
    if (n < 1 || n > references)
      throw new Error(`generateDocument: marker [${n}] has no reference`);
  }
  for (let n = 1; n <= references; n++) {
    if (n !== skip && !cited.has(n))
      throw new Error(`generateDocument: reference ${n} is never cited`);
  }
}

/** Real drugs mostly get a confirmed CAS number, sometimes a placeholder (a recorded disagreement). */
function casNumber(plan: Plan): string {
  const { rng, a } = plan;
  if (a.cas.length > 0 && rng.chance(0.6)) return rng.pick(a.cas);
  return `000-${String(rng.int(0, 99)).padStart(2, "0")}-${rng.int(0, 9)}`;
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

function footer(vendor: string, domain: string): string[] {
  return [
    "---",
    "",
    "#### Disclaimer & Data Validity:",
    "",
    "This synthetic document was generated to benchmark claimgraph (Research Use Only, RUO) and has no diagnostic or therapeutic purpose. Its drugs, studies, numbers and references are invented or reused out of context and must not be read as pharmacological evidence.",
    "",
    "**Technical Support:** The methods above are illustrative only. Questions about this document? [Ask the claimgraph maintainers for help]",
    "",
    "**Need Industrial/Bulk Grade?** Request Custom Synthesis Quote",
    "",
    `## ${vendor}`,
    "",
    "Your Example Destination for Small-Molecule Test Compounds, Supporting Parser Development Beyond Boundaries.",
    "",
    "### Contact",
    "",
    "**Address:** Anytown, ZZ 00000, Exampleland  ",
    "**Phone:** (555) 010-0199  ",
    `**Email:** [info@${domain}](mailto:info@${domain})  `,
    `**Web:** [www.${domain}](http://www.${domain})`,
  ];
}

/**
 * citation-js, loaded once with the BibTeX and RIS plugins: the one place that imports it.
 * BibTeX labels are the items' own ids (stable keys), not labels made from author and year.
 */
import { Cite, plugins } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";

const bibtex = plugins.config.get("@bibtex");
bibtex.format.useIdAsLabel = true;

export { Cite };

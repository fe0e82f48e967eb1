import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import { datelinesLines, toCsl, type Citation } from './citation.ts';

// Citation.js formats the reference: its CSL plugin carries the APA style and the en-US locale, so nothing is fetched
// (the input is CSL-JSON already: no DOI or URL is looked up). The app imports this module on first use (it is large).

// BibTeX in UTF-8, as biblatex and every current reference manager read it, not LaTeX escapes ({\" u}).
(plugins.config.get('@bibtex') as { format: { asciiOnly: boolean } }).format.asciiOnly = false;

/** A citation in the three forms the Cite menu offers. */
export interface FormattedCitation {
  /** The APA reference, then the sentence, what Datelines made of it and the links, one a line. */
  text: string;
  /** A CSL-JSON array of one `article-newspaper` item. */
  csl: string;
  bibtex: string;
}

const HELD_LT = '\uE000';
const hold = (text: string) => text.replaceAll('<', HELD_LT);

export function formatCitation(c: Citation): FormattedCitation {
  const item = toCsl(c);
  // citeproc reads `<b>`, `<i>`… in a field as markup and Citation.js's text output tags the first `<…` it finds: the
  // reference is formatted with every `<` held as a private-use character, given back after, so the text stays text.
  const held = { ...item, title: hold(item.title), ...(item['container-title'] === undefined ? {} : { 'container-title': hold(item['container-title']) }) };
  const reference = String(new Cite([held]).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }))
    .trim()
    .replaceAll(HELD_LT, '<');
  const cite = new Cite([item]);
  return {
    text: [reference, ...datelinesLines(c)].join('\n'),
    csl: JSON.stringify([item], null, 2),
    bibtex: String(cite.format('bibtex', { format: 'text' })).trim(),
  };
}

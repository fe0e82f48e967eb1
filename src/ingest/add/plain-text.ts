import { readDatelineLine, WIRE_DATELINE_RULES } from '../text/datelines.ts';
import { splitHeader, headerKey } from './header.ts';
import { cleanText, dayOfIsoDate, dayOfWrittenDate, httpUrl, monthDayOf, type ArticleMeta, type ReadArticle } from './metadata.ts';

/** Agencies as datelines abbreviate them. */
const AGENCIES: Record<string, string> = { AP: 'Associated Press', AFP: 'Agence France-Presse', UPI: 'United Press International', DPA: 'Deutsche Presse-Agentur' };

/** Lines of a story's head that say when it was published ("Published: June 23, 2014", "23 June 2014 18:48 BST"). */
const UPDATED = /^\s*(?:last\s+)?(?:updated|modified|edited)\b/i;
const PUBLISHED_LABEL = /^\s*(?:published|posted|date|first published)\b/i;
const HEAD_LINES = 12; // how many non-empty lines at the top are read as the story's head
const MAX_HEAD_LINE = 120; // characters: a longer line is the story, not its head

/** Keys of a text's header block (see header.ts), as headerKey writes them, and the fields they fill. */
const HEADER_FIELDS: Record<string, 'headline' | 'outlet' | 'published' | 'url' | 'source'> = {
  title: 'headline', headline: 'headline', subject: 'headline',
  outlet: 'outlet', site: 'outlet', site_name: 'outlet', publisher: 'outlet', publication: 'outlet',
  published: 'published', date: 'published', published_time: 'published', published_at: 'published', publish_date: 'published', date_published: 'published', pubdate: 'published',
  url: 'url', link: 'url', canonical: 'url', canonical_url: 'url', permalink: 'url', original_url: 'url', source_url: 'url',
  source: 'source', // a URL, or the outlet's name
};

/**
 * A story kept as text (`.txt`, `.md`): the text is kept as it is, but for the header block it may open with (front
 * matter, `# key: value` lines, `Key: value` headers: see header.ts), which is read and never kept; the rest of
 * its record is read from its head: a first line that reads as a headline, a line that gives the date, and a
 * wire-service dateline (agency, and the day when it carries a year). Nothing is guessed: a dateline's "June 23"
 * without a year is not a publication date.
 */
export function readPlainText(source: string): ReadArticle {
  const meta: ArticleMeta = {};
  const notes: string[] = [];
  const { text, header } = splitHeader(source);
  for (const [field, value] of header?.fields ?? []) {
    const key = HEADER_FIELDS[headerKey(field)];
    const from = `${header!.form} "${field}"`;
    if (key === 'headline' && !meta.headline) meta.headline = { value, from };
    else if (key === 'outlet' && !meta.outlet) meta.outlet = { value, from };
    else if (key === 'published' && !meta.published) {
      const day = dayOfIsoDate(value) ?? dayOfWrittenDate(value);
      if (day) meta.published = { value: day, from };
      else notes.push(`the ${from} says "${value}", which is not a day with its year, month and day`);
    } else if ((key === 'url' || key === 'source') && !meta.url && httpUrl(value)) meta.url = { value: httpUrl(value)!, from };
    else if (key === 'source' && !meta.outlet && !/^[a-z][a-z0-9+.-]*:/i.test(value)) meta.outlet = { value, from };
  }

  const head = text.split(/\r\n|\r|\n|\u2028|\u2029/).map((line) => line.trim()).filter((line) => line !== '').slice(0, HEAD_LINES);
  // A wire story's dateline (datelines.ts): the first line of its head that opens with one that gives an agency or a day.
  const datelines = head.map((line) => readDatelineLine(line, WIRE_DATELINE_RULES));
  const datelineIndex = datelines.findIndex((d) => d !== null);
  const dateline = datelineIndex >= 0 ? datelines[datelineIndex]! : null;
  if (!meta.headline && head.length > 1 && datelineIndex !== 0 && readsAsHeadline(head[0])) {
    meta.headline = { value: cleanText(head[0].replace(/^#+\s*/, ''))!, from: 'the first line' };
  }
  if (dateline?.agency && !meta.outlet) meta.outlet = { value: AGENCIES[dateline.agency] ?? dateline.agency, from: 'the dateline' };
  if (!meta.published) {
    const lines = head.slice(0, datelineIndex >= 0 ? datelineIndex + 1 : head.length);
    const labelled = lines.find((line) => line.length <= MAX_HEAD_LINE && PUBLISHED_LABEL.test(line) && dayOfWrittenDate(line));
    const bare = lines.find((line, i) => line.length <= MAX_HEAD_LINE && !UPDATED.test(line) && i !== datelineIndex && isDateLine(line));
    if (labelled) meta.published = { value: dayOfWrittenDate(labelled)!, from: `the line "${labelled}"` };
    else if (bare) meta.published = { value: dayOfWrittenDate(bare)!, from: `the line "${bare}"` };
    else if (dateline?.day && dayOfWrittenDate(dateline.day)) meta.published = { value: dayOfWrittenDate(dateline.day)!, from: 'the dateline' };
  }
  if (dateline?.day) {
    const monthDay = monthDayOf(dateline.day);
    if (monthDay && meta.published) {
      const [, month, day] = meta.published.value.split('-').map(Number);
      if (month !== monthDay[0] || day !== monthDay[1]) notes.push(`the dateline says "${dateline.day}", the publication date read is ${meta.published.value} (${meta.published.from})`);
    } else if (monthDay) notes.push(`the dateline says "${dateline.day}" but gives no year`);
  }
  return { text, meta, notes };
}

/** A line without the dateline it opens with ("BAGHDAD, June 23 (Reuters) - Militants…" → "Militants…"). */
export function withoutDateline(line: string): string {
  const d = readDatelineLine(line, WIRE_DATELINE_RULES);
  return d ? line.slice(d.length).trim() : line;
}

/** A first line that reads as a headline: a few words, capitalised, not a sentence's end, not a date or a byline. */
export function readsAsHeadline(line: string): boolean {
  const words = line.replace(/^#+\s*/, '').trim().split(/\s+/);
  return line.length <= 200 && words.length >= 2 && !/[.,;:]$/.test(line) && /^(?:#+\s*)?[\p{Lu}\p{N}'"‘“]/u.test(line)
    && !/^by\s/i.test(line) && !isDateLine(line) && !/^https?:\/\//.test(line);
}

/** A short line that is mostly a date ("June 23, 2014 / 6:48 PM", "Monday 23 June 2014"). */
function isDateLine(line: string): boolean {
  if (line.length > 60 || !dayOfWrittenDate(line)) return false;
  const words = line.replace(/[^\p{L}\s]/gu, ' ').split(/\s+/).filter((w) => w.length > 3);
  return words.length <= 4;
}

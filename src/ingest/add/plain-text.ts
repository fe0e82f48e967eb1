import { MONTH_WORD_SOURCE } from '../../core/months.ts';
import { splitHeader, headerKey } from './header.ts';
import { cleanText, dayOfIsoDate, dayOfWrittenDate, httpUrl, monthDayOf, type ArticleMeta, type ReadArticle } from './metadata.ts';

/**
 * A wire-service dateline at the head of a story: "BAGHDAD, June 23 (Reuters) –", "KATMANDU, Nepal (AP) —",
 * "WASHINGTON, Jan. 22, 2015 (AP) -", "Baghdad (AFP) - June 23, 2014 -". Groups: the city, the day as written
 * before the agency, the agency, the day as written after it.
 */
const DATELINE = new RegExp(
  String.raw`^[ \t]*(\p{Lu}[\p{L} .'’-]*?\p{L}\.?)(?:,[ \t]*\p{Lu}[\p{L} .]*?)??(?:,?[ \t]+(${MONTH_WORD_SOURCE}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?))?[ \t]*\(([^()\n]{2,40})\)[ \t]*[-–—](?:[ \t]*(${MONTH_WORD_SOURCE}\.?[ \t]+\d{1,2},[ \t]*\d{4})[ \t]*[-–—])?`,
  'u',
);

/** A dateline that opens with its day, the city after it: "Feb 13, 2007 (KHARTOUM) —" (Sudan Tribune, some wires). */
const DATE_FIRST_DATELINE = new RegExp(String.raw`^[ \t]*(${MONTH_WORD_SOURCE}\.?[ \t]+\d{1,2},[ \t]*\d{4})[ \t]*\((\p{Lu}[\p{Lu} .'’-]+)\)[ \t]*[-–—]`, 'u');

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
  const datelineIndex = head.findIndex((line) => DATELINE.test(line));
  const dateline = datelineIndex >= 0 ? DATELINE.exec(head[datelineIndex])! : null;
  if (!meta.headline && head.length > 1 && datelineIndex !== 0 && !DATE_FIRST_DATELINE.test(head[0]) && readsAsHeadline(head[0])) {
    meta.headline = { value: cleanText(head[0].replace(/^#+\s*/, ''))!, from: 'the first line' };
  }
  if (dateline && !meta.outlet) {
    const agency = dateline[3].trim();
    meta.outlet = { value: AGENCIES[agency] ?? agency, from: 'the dateline' };
  }
  if (!meta.published) {
    const lines = head.slice(0, datelineIndex >= 0 ? datelineIndex + 1 : head.length);
    const labelled = lines.find((line) => line.length <= MAX_HEAD_LINE && PUBLISHED_LABEL.test(line) && dayOfWrittenDate(line));
    const bare = lines.find((line) => line.length <= MAX_HEAD_LINE && !UPDATED.test(line) && line !== dateline?.input && isDateLine(line));
    if (labelled) meta.published = { value: dayOfWrittenDate(labelled)!, from: `the line "${labelled}"` };
    else if (bare) meta.published = { value: dayOfWrittenDate(bare)!, from: `the line "${bare}"` };
    else if (dateline && dayOfWrittenDate(dateline[2] ?? dateline[4] ?? '')) meta.published = { value: dayOfWrittenDate(dateline[2] ?? dateline[4])!, from: 'the dateline' };
    else {
      const dated = head.map((line) => DATE_FIRST_DATELINE.exec(line)).find((m) => m !== null);
      const day = dated ? dayOfWrittenDate(dated[1]) : null;
      if (day) meta.published = { value: day, from: 'the dateline' };
    }
  }
  const datelineDay = dateline?.[2] ?? dateline?.[4];
  if (datelineDay) {
    const monthDay = monthDayOf(datelineDay);
    if (monthDay && meta.published) {
      const [, month, day] = meta.published.value.split('-').map(Number);
      if (month !== monthDay[0] || day !== monthDay[1]) notes.push(`the dateline says "${datelineDay}", the publication date read is ${meta.published.value} (${meta.published.from})`);
    } else if (monthDay) notes.push(`the dateline says "${datelineDay}" but gives no year`);
  }
  return { text, meta, notes };
}

/** A line without the dateline it opens with ("BAGHDAD, June 23 (Reuters) - Militants…" → "Militants…"). */
export function withoutDateline(line: string): string {
  const m = DATELINE.exec(line) ?? DATE_FIRST_DATELINE.exec(line);
  return m ? line.slice(m[0].length).trim() : line;
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

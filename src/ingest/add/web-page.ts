import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { cleanText, dayOfIsoDate, dayOfWrittenDate, httpUrl, type ArticleMeta, type Found, type ReadArticle } from './metadata.ts';
import { MAX_DEPTH, flattenDeepNesting } from './nesting.ts';
import { readPlainText } from './plain-text.ts';

/**
 * A saved web page read as a reader view reads it: the story's own text, by Mozilla's Readability (the library of
 * Firefox's reader view) over linkedom's DOM, with the page's furniture left out (navigation, advertisements,
 * captions, "read more" boxes); and its record, from the metadata outlets publish for search engines and social
 * sites (Open Graph, JSON-LD, `<time>`), each field with where it was found. Readability reads some of these too,
 * but does not say from where, and a person checking a publication date needs to know.
 */
export function readWebPage(html: string): ReadArticle {
  const document = parsePage(html);
  const error = errorPageSign(document);
  if (error) return { text: '', meta: {}, notes: [], refused: { field: error.field, message: `says "${error.text}": an error page saved in the article's place, not added (save the article's page again)` } };
  const meta = pageMetadata(document, html);
  const description = cleanText(document.querySelector('meta[property="og:description"], meta[name="description"]')?.getAttribute('content'));
  for (const element of [...document.querySelectorAll(FURNITURE)]) element.remove();
  const depth = flattenDeepNesting(document.documentElement);
  const story = new Readability(document, { keepClasses: false }).parse();
  const text = story?.content ? textOfContent(story.content) : '';
  // What the page's metadata lacks, the story's own head may give (a dateline, a "Published:" line).
  const head = readPlainText(text);
  const filled: ArticleMeta = { ...(head.meta.outlet && { outlet: head.meta.outlet }), ...(head.meta.published && { published: head.meta.published }), ...meta };
  if (!filled.headline && story?.title) {
    const title = cleanText(story.title);
    if (title) filled.headline = { value: filled.outlet ? withoutSiteName(title, filled.outlet.value) : title, from: '<title>' };
  }
  const notes = [...head.notes];
  if (depth !== null) notes.push(`the page's markup nests ${depth} levels deep: read flattened below ${MAX_DEPTH} levels (Readability would take minutes); check the text`);
  const lang = (document.documentElement.getAttribute('lang') ?? '').trim().toLowerCase();
  if (lang && !/^en\b/.test(lang)) notes.push(`the page says its language is "${lang}": the ingest reads English news, and will find little here`);
  if (text && description && !tells(text, description)) {
    notes.push(`the text read may not be the story: few words of the page's description ("${description.slice(0, 80)}…") are in it; check it, and add the story as a text file if it is wrong`);
  }
  return { text, meta: filled, notes };
}

/**
 * The page as a document with an `<html>` root. linkedom takes a source's first element for the root (none for an
 * empty file, whitespace, a comment or plain text, which Readability then throws on), where a browser makes the
 * missing `<html>`, `<head>` and `<body>` up: so does this, around what the file holds.
 */
export function parsePage(html: string): Document {
  const parsed = parseHTML(html).document as unknown as Document;
  if (parsed.documentElement?.tagName === 'HTML') return parsed;
  const wrapped = /<(?:head|body)[\s>]/i.test(html) ? `<!doctype html><html>${html}</html>` : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(wrapped).document as unknown as Document;
}

/**
 * The sign that a page is a server's error page, not an article: its title or main heading says "404", "Page not
 * found", "Not Found", "This page could not be found"… Only the whole title, or one part of it between the site's
 * separators ("404 | Reuters"), or words about a page not being found count: "Flight 404 lands in Lima" does not.
 */
export function errorPageSign(document: Document): { field: string; text: string } | null {
  const candidates: [string, string | null][] = [
    ['<title>', cleanText(document.querySelector('title')?.textContent)],
    ['<h1>', cleanText(document.querySelector('h1')?.textContent)],
  ];
  for (const [field, text] of candidates) {
    if (text && text.length <= 200 && saysNotFound(text)) return { field, text };
  }
  return null;
}

function saysNotFound(text: string): boolean {
  const parts = text.split(/\s+[|–—:·•-]\s+/).map((part) => part.trim().replace(/[.!]+$/, ''));
  if (parts.some((part) => /^(?:(?:error|http)\s*)?(?:404|410)(?:\s*(?:error|not found|gone))?$|^(?:page |file |article |content )?not found$|^error$/i.test(part))) return true;
  return /\b(?:error|http)\s*:?\s*404\b|\b404\b\s*[-–—:|]?\s*(?:error|not found|page)\b/i.test(text)
    || /\b(?:page|file|content|url)s?\b(?:[^.]{0,40})\b(?:not|no longer|cannot|can't|couldn't|could not)\b(?:\s+\w+){0,2}\s+(?:found|exists?|available)\b/i.test(text)
    || /\bpage not found\b/i.test(text);
}

const DESCRIPTION_WORDS = 0.5; // the share of the description's words the story's opening must hold

/** Whether a story's opening holds most of the words of the page's description (which outlets write from it). */
function tells(text: string, description: string): boolean {
  const words = (t: string) => t.toLowerCase().match(/\p{L}{4,}/gu) ?? [];
  const wanted = new Set(words(description));
  if (wanted.size < 4) return true; // too short to tell
  const opening = new Set(words(text.slice(0, 4000)));
  let found = 0;
  for (const w of wanted) if (opening.has(w)) found++;
  return found / wanted.size >= DESCRIPTION_WORDS;
}

/**
 * Page furniture outlets mark by name, removed before Readability reads the page: it scores blocks by their text
 * and links, and a one-word "Advertisement" slot inside the story's markup scores like a short paragraph.
 */
const FURNITURE = ['ad', 'ads', 'advert', 'advertisement', 'ad-slot', 'ad-container', 'promo', 'newsletter', 'related', 'read-more', 'more-stories', 'share', 'social', 'caption']
  .flatMap((name) => [`[class~="${name}"]`, `[class*="${name}-"]`, `[id="${name}"]`]).join(', ');

/** Paragraphs that are only a label of the page's furniture ("Advertisement", "Story continues below"). */
const FURNITURE_LABEL = /^(?:advertisement|advertising|sponsored|skip advertisement|story continues below(?: advertisement)?|continue reading(?: below)?|scroll to continue(?: with content)?|read more|related)\W*$/i;

/** The page's record as its metadata gives it; the first source in each list that has a value wins. */
export function pageMetadata(document: Document, html: string): ArticleMeta {
  const ld = jsonLdArticles(document);
  const metaContent = (attribute: 'property' | 'name' | 'itemprop', value: string) => {
    for (const element of document.querySelectorAll('meta')) {
      if ((element.getAttribute(attribute) ?? '').toLowerCase() === value.toLowerCase()) {
        const content = cleanText(element.getAttribute('content'));
        if (content) return content;
      }
    }
    return null;
  };
  const ldValue = (read: (item: Record<string, unknown>) => unknown) => {
    for (const item of ld) {
      const value = read(item);
      if (typeof value === 'string' && cleanText(value)) return cleanText(value);
    }
    return null;
  };
  const first = <T,>(candidates: [string, T | null][]): Found<T> | undefined => {
    for (const [from, value] of candidates) if (value !== null) return { value, from };
    return undefined;
  };

  const outlet = first([
    ['og:site_name', metaContent('property', 'og:site_name')],
    ['JSON-LD publisher.name', ldValue((item) => nameOf(item.publisher))],
    ['application-name', metaContent('name', 'application-name')],
  ]);
  const headline = first([
    ['JSON-LD headline', ldValue((item) => item.headline)],
    ['og:title', metaContent('property', 'og:title')],
    ['<h1>', cleanText(document.querySelector('h1')?.textContent)],
  ]);
  if (headline && outlet) headline.value = withoutSiteName(headline.value, outlet.value);
  const url = first([
    ['<link rel="canonical">', httpUrl(document.querySelector('link[rel~="canonical"]')?.getAttribute('href'))],
    ['og:url', httpUrl(metaContent('property', 'og:url'))],
    ['JSON-LD url', httpUrl(ldValue((item) => item.url))],
    ['the browser\'s "saved from" note', httpUrl(/<!-- saved from url=\(\d+\)(\S+?) ?-->/.exec(html)?.[1])],
  ]);
  // A <time> counts only when it says it is the publication's, or is the first inside the <article>: pages list
  // other stories with their times (France 24's "Live news" beside a story of the day before).
  const timeElement = document.querySelector('time[pubdate][datetime], time[itemprop="datePublished"][datetime]')
    ?? document.querySelector('article time[datetime]');
  const published = first([
    ['article:published_time', dayOf(metaContent('property', 'article:published_time'))],
    ['JSON-LD datePublished', dayOf(ldValue((item) => item.datePublished))],
    ['itemprop="datePublished"', dayOf(metaContent('itemprop', 'datePublished'))],
    ...PUBLISHED_META_NAMES.map((name): [string, string | null] => [`<meta name="${name}">`, dayOf(metaContent('name', name)) ?? writtenDayOf(metaContent('name', name))]),
    ['<time datetime>', dayOf(timeElement?.getAttribute('datetime'))],
  ]);
  return { ...(headline && { headline }), ...(outlet && { outlet }), ...(published && { published }), ...(url && { url }) };
}

/** Names of `<meta>` elements that hold a publication date on some outlets' pages. */
const PUBLISHED_META_NAMES = ['date', 'pubdate', 'publishdate', 'publish-date', 'article:publicationdate', 'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dcterms.created'];

/** Article types of schema.org (NewsArticle, ReportageNewsArticle, BlogPosting…), the news kinds first. */
function jsonLdArticles(document: Document): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 8 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach((v) => visit(v, depth + 1));
    const item = value as Record<string, unknown>;
    if (Array.isArray(item['@graph'])) visit(item['@graph'], depth + 1);
    const types = ([] as unknown[]).concat(item['@type'] ?? []).filter((t): t is string => typeof t === 'string');
    if (types.some((t) => /Article$|^BlogPosting$|^Report$/.test(t))) items.push(item);
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // an outlet's broken JSON-LD is its own affair: the other sources are read
    }
  }
  const rank = (item: Record<string, unknown>) => (([] as unknown[]).concat(item['@type']).some((t) => typeof t === 'string' && /News/.test(t)) ? 0 : 1);
  return items.map((item, i) => ({ item, i })).sort((a, b) => rank(a.item) - rank(b.item) || a.i - b.i).map(({ item }) => item);
}

function nameOf(value: unknown): unknown {
  const first = Array.isArray(value) ? value[0] : value;
  return first !== null && typeof first === 'object' ? (first as Record<string, unknown>).name : first;
}

function dayOf(value: string | null | undefined): string | null {
  return value ? dayOfIsoDate(value) : null;
}

/** A date written out ("Fri Mar 13 21:30:09 EST 2015"): the day as written, all of year, month and day given. */
function writtenDayOf(value: string | null): string | null {
  return value ? dayOfWrittenDate(value) : null;
}

/** "Kerry arrives in Baghdad | Reuters" → "Kerry arrives in Baghdad" when the outlet is Reuters. */
export function withoutSiteName(title: string, site: string): string {
  const escaped = site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const stripped = title.replace(new RegExp(`\\s+[|–—-]\\s+${escaped}\\s*$`, 'i'), '').replace(new RegExp(`^${escaped}\\s+[|–—-]\\s+`, 'i'), '');
  return stripped || title;
}

/** Elements whose text is not the story's even inside the story's markup. */
const NOT_STORY = 'figure, figcaption, aside, nav, script, style, noscript, template, button, form, iframe, [aria-hidden="true"], [hidden]';

/** Elements that break the text into paragraphs. */
const BLOCKS = new Set(['ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL']);

/** Readability's content (HTML) as plain text: one paragraph per block, separated by a blank line. */
export function textOfContent(content: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${content}</body></html>`);
  for (const element of [...document.querySelectorAll(NOT_STORY)]) element.remove();
  const paragraphs: string[] = [];
  let line = '';
  const breakParagraph = () => {
    const clean = line.replace(/[ \t\f\v\u00a0]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();
    if (clean && !FURNITURE_LABEL.test(clean)) paragraphs.push(clean);
    line = '';
  };
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) line += (child.textContent ?? '').replace(/\s+/g, ' ');
      else if (child.nodeType === 1) {
        const tag = (child as Element).tagName;
        if (tag === 'BR') line += '\n';
        else if (BLOCKS.has(tag)) {
          breakParagraph();
          walk(child);
          breakParagraph();
        } else walk(child);
      }
    }
  };
  walk(document.body);
  breakParagraph();
  return paragraphs.length ? `${paragraphs.join('\n\n')}\n` : '';
}

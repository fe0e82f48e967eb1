import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { ID_PATTERN } from '../../core/model.ts';
import { SUPPORTED_DAYS, formatDay, parseDay } from '../../core/day.ts';
import { InputError, MAX_ARTICLE_BYTES, parseArticles, type InputProblem } from '../../core/validate.ts';
import { removeStaleTemporaries, writeAtomically, writeFailure } from '../../io/atomic-write.ts';
import { LockTimeoutError, withFileLock } from '../../io/file-lock.ts';
import { readBytes, readText } from '../../io/read-files.ts';
import { editArticlesJson } from './articles-json.ts';
import { httpUrl, type ArticleMeta, type Found, type ReadArticle } from './metadata.ts';
import { readPlainText, withoutDateline } from './plain-text.ts';
import { decodeSource } from './source-text.ts';
import { readWebPage } from './web-page.ts';

/** An article record as `articles.json` holds it (see CONTRACT.md). */
export interface ArticleRecord {
  id: string;
  file: string;
  headline: string | null;
  outlet: string | null;
  published: string;
  url: string | null;
}

export interface AddOptions {
  /** The corpus's `articles.json`; created, with its folder, when missing. */
  articles: string;
  /** Fill or override what the sources give (`--outlet`, `--published`, `--url`, `--headline`). */
  outlet?: string;
  published?: string;
  url?: string;
  headline?: string;
  /** Replace the record of an article already in the corpus with what was read now. */
  force?: boolean;
  /** Told as the work goes: sources read of all found, then texts written of all to write. */
  onProgress?: (progress: AddProgress) => void;
}

export interface AddProgress {
  stage: 'reading' | 'writing';
  done: number;
  total: number;
}

/** What became of one source file. */
export interface AddOutcome {
  file: string;
  status: 'added' | 'replaced' | 'unchanged';
  record: ArticleRecord;
  /** Where each field of the record came from, e.g. `published: article:published_time`. */
  sources: string[];
  notes: string[];
}

export interface AddResult {
  outcomes: AddOutcome[];
  /** The places file made for a corpus created now (empty: the gazetteer finds the places), or null. */
  createdPlaces: string | null;
  /** Files that were not added, and why: "file: field: problem". */
  problems: InputProblem[];
  /** Files found in the folders named that are neither web pages nor texts (a PDF, an image, a CSV), not read. */
  skipped: SkippedFile[];
}

export interface SkippedFile {
  file: string;
  /** Its extension (".pdf"), "(no extension)" or "link to a folder" (links to folders are not followed). */
  kind: string;
}

const PAGE_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);
const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown']);
const EMPTY_PLACES = '{\n  "type": "FeatureCollection",\n  "features": []\n}\n';
const SLUG_WORDS = 6; // words of the headline in an id
const SLUG_CHARS = 48; // and at most this many characters of it

/** A source read, its record's fields checked, waiting to go into the corpus. */
interface SourceRead {
  source: SourceFile;
  read: ReadArticle;
  meta: ArticleMeta;
  hash: string;
}

/**
 * Adds articles to a corpus: each web page or text file (folders are walked) becomes a text under
 * `<corpus>/articles/` and a record in `articles.json`, read from the source and the options. The same text twice
 * is one article (whatever the file is called); an article without a readable publication date, or whose record
 * the ingest would refuse, is not added. The sources are read first; then, holding the corpus's lock (two runs at
 * once take turns, neither losing the other's records), `articles.json` is read again, the new records checked,
 * the texts written, then `articles.json` at once (atomically): the records already there are kept, byte for
 * byte, unless `force` replaces the record of an article added again. A corpus created now gets an empty
 * `places.geojson` beside its `articles.json`, for the places a person curates later; a text that a killed run
 * left under `articles/` without its record is taken back for its article. One bad file is a problem, and the rest
 * go in. Linear in the sources and the corpus: one pass over `articles.json`'s text, sets and maps for the ids,
 * files and texts.
 */
export function addArticles(paths: readonly string[], options: AddOptions): AddResult {
  const problems: InputProblem[] = [];
  const flags = checkFlags(options);
  if (flags.length) throw new InputError(flags);
  const reads: SourceRead[] = [];
  const skipped: SkippedFile[] = [];
  const files = sourceFiles(paths, problems, skipped);
  files.forEach((source, i) => {
    options.onProgress?.({ stage: 'reading', done: i, total: files.length });
    const read = readSource(source, problems);
    if (!read) return;
    const meta = withFlags(read.meta, options);
    const missing = missingField(source, read, meta) ?? invalidRecord(source, meta, read.text);
    if (missing) problems.push(missing);
    else reads.push({ source, read, meta, hash: hashOf(read.text) });
  });
  options.onProgress?.({ stage: 'reading', done: files.length, total: files.length });
  // The pages are read above, outside the lock; from reading articles.json to writing it, one run at a time.
  let written;
  try {
    mkdirSync(dirname(resolve(options.articles)), { recursive: true });
    written = withFileLock(options.articles, () => addToCorpus(reads, options));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError([{ file: options.articles, field: '(file)', message: error instanceof LockTimeoutError ? error.message : writeFailure(error) }]);
  }
  return { ...written, problems, skipped };
}

/** The records and texts of the sources read, added to the corpus as it is now: the caller holds its lock. */
function addToCorpus(reads: readonly SourceRead[], options: AddOptions): Omit<AddResult, 'problems' | 'skipped'> {
  const corpusFolder = dirname(options.articles);
  const textsFolder = join(corpusFolder, 'articles');
  const existingText = existsSync(options.articles) ? readText(options.articles) : null;
  const existing: ArticleRecord[] = existingText === null ? [] : parseArticles(existingText, options.articles).map((a) => ({ ...a, published: formatDay(a.published) }));
  const records = [...existing]; // and the new ones after them
  const byHash = new Map<string, number>(); // a text's hash → its record's index in records
  existing.forEach((record, i) => {
    try {
      byHash.set(hashOf(readText(join(corpusFolder, record.file), `${options.articles}: [${i}].file`, { within: corpusFolder, maxBytes: MAX_ARTICLE_BYTES })), i);
    } catch {
      // a record whose text is missing is the ingest's to report; it cannot be the same as a new one
    }
  });
  const present = new Set(namesIn(textsFolder));
  const ids = new Set(existing.map((r) => r.id));
  const files = new Set(existing.map((r) => r.file));
  const taken = (id: string) => ids.has(id) || files.has(`articles/${id}.txt`) || present.has(`${id}.txt`);
  const orphans = orphanTexts(textsFolder, present, ids, files);

  const outcomes: AddOutcome[] = [];
  const replaced = new Map<number, ArticleRecord>(); // index in existing → its new record
  const texts = new Map<string, string>(); // file in the corpus → text to write
  for (const { source, read, meta, hash } of reads) {
    const known = byHash.get(hash);
    const sources = Object.entries(meta).map(([field, found]) => `${field}: ${(found as Found<string>).from}`);
    const notes = [...read.notes];
    if (!meta.headline) notes.push('no headline found: the app shows the first sentence, marked as such (pass --headline to give one)');
    if (!meta.outlet) notes.push('no outlet found (pass --outlet to give one)');
    if (known !== undefined) {
      const old = records[known];
      const record = recordOf(meta, old.id, old.file);
      if (!options.force || sameRecord(old, record)) {
        outcomes.push({ file: source.file, status: 'unchanged', record: old, sources, notes: options.force ? notes : [...notes, `already in the corpus as ${old.id}: its record is kept (pass --force to replace it with what was read now)`] });
        continue;
      }
      records[known] = record;
      if (known < existing.length) replaced.set(known, record);
      outcomes.push({ file: source.file, status: 'replaced', record, sources, notes });
      continue;
    }
    const orphan = orphans.get(hash);
    orphans.delete(hash);
    const id = orphan ?? uniqueId(idOf(meta, read.text), taken);
    if (orphan) notes.push(`its text was in the corpus already, with no record (left by a run that was stopped): ${orphan} kept for it`);
    const record = recordOf(meta, id, `articles/${id}.txt`);
    ids.add(id);
    files.add(record.file);
    present.add(`${id}.txt`);
    byHash.set(hash, records.length);
    records.push(record);
    texts.set(record.file, read.text);
    outcomes.push({ file: source.file, status: 'added', record, sources, notes });
  }

  const placesFile = join(corpusFolder, 'places.geojson');
  let createdPlaces: string | null = null;
  if (texts.size || replaced.size) {
    const edited = editArticlesJson(existingText ?? '[]\n', replaced, records.slice(existing.length));
    parseArticles(edited, options.articles); // never write a file the ingest would refuse, nor a text for it
    mkdirSync(textsFolder, { recursive: true });
    removeStaleTemporaries(textsFolder); // once, not once a text
    let done = 0;
    for (const [file, text] of texts) {
      options.onProgress?.({ stage: 'writing', done: done++, total: texts.size });
      writeAtomically(join(corpusFolder, file), [text], 'article', { removeStale: false });
    }
    options.onProgress?.({ stage: 'writing', done: texts.size, total: texts.size });
    writeAtomically(options.articles, [edited], 'articles');
    if (existingText === null && !existsSync(placesFile)) {
      writeAtomically(placesFile, [EMPTY_PLACES], 'places');
      createdPlaces = placesFile;
    }
  }
  return { outcomes, createdPlaces };
}

/** The names in a folder; none when it is not there yet. */
function namesIn(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

/**
 * The texts under `articles/` that no record names, by their hash → their id: a run killed between writing its
 * texts and its `articles.json` leaves them, and the run again takes each one back for the article it holds
 * (rather than giving that article an id with "-2"). A text of another article stays, and keeps its name.
 */
function orphanTexts(textsFolder: string, names: ReadonlySet<string>, ids: ReadonlySet<string>, files: ReadonlySet<string>): Map<string, string> {
  const orphans = new Map<string, string>();
  for (const name of names) {
    const id = name.endsWith('.txt') ? name.slice(0, -4) : '';
    if (!ID_PATTERN.test(id) || ids.has(id) || files.has(`articles/${name}`)) continue;
    try {
      orphans.set(hashOf(readText(join(textsFolder, name), '(file)', { within: textsFolder, maxBytes: MAX_ARTICLE_BYTES })), id);
    } catch {
      // unreadable: not this run's text, and its name stays taken
    }
  }
  return orphans;
}

interface SourceFile {
  file: string;
  kind: 'page' | 'text';
  /** The folder it was found in, when walked: its real path must lie inside. */
  within?: string;
}

/** The files to read: those named, and the pages and texts inside the folders named (hidden ones aside). */
function sourceFiles(paths: readonly string[], problems: InputProblem[], skipped: SkippedFile[]): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (folder: string, root: string) => {
    let names: string[];
    try {
      names = readdirSync(folder).sort();
    } catch (error) {
      problems.push({ file: folder, field: '(folder)', message: `cannot read (${(error as NodeJS.ErrnoException).code})` });
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue; // .DS_Store, .git, our temporaries
      const path = join(folder, name);
      let stat;
      try {
        stat = lstatSync(path);
      } catch {
        continue; // gone since the folder was listed
      }
      if (stat.isDirectory()) walk(path, root);
      else {
        const kind = kindOf(path);
        if (kind) files.push({ file: path, kind, within: root });
        else skipped.push({ file: path, kind: stat.isSymbolicLink() && isFolder(path) ? 'link to a folder' : extname(name).toLowerCase() || '(no extension)' });
      }
    }
  };
  for (const path of paths) {
    let stat;
    try {
      stat = lstatSync(path);
    } catch {
      problems.push({ file: path, field: '(file)', message: 'no such file or folder' });
      continue;
    }
    if (stat.isDirectory()) {
      const before = files.length;
      const skippedBefore = skipped.length;
      walk(path, path);
      if (files.length === before) {
        const inside = skipped.length - skippedBefore;
        problems.push({ file: path, field: '(folder)', message: `holds no web page or text (${SOURCE_EXTENSIONS})${inside ? `: its ${inside === 1 ? 'one file was' : `${inside} files were`} skipped` : ''}; nothing to add` });
      }
      continue;
    }
    const kind = kindOf(path);
    if (kind) files.push({ file: path, kind });
    else problems.push({ file: path, field: '(file)', message: `is not a web page or a text (${SOURCE_EXTENSIONS})` });
  }
  return files;
}

const SOURCE_EXTENSIONS = [...PAGE_EXTENSIONS, ...TEXT_EXTENSIONS].join(', ');

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function kindOf(path: string): SourceFile['kind'] | null {
  const extension = extname(path).toLowerCase();
  return PAGE_EXTENSIONS.has(extension) ? 'page' : TEXT_EXTENSIONS.has(extension) ? 'text' : null;
}

/** One source read into its text and metadata; null (with a problem) when it cannot be. */
function readSource(source: SourceFile, problems: InputProblem[]): ReadArticle | null {
  let content: string;
  try {
    content = decodeSource(readBytes(source.file, '(file)', { within: source.within, maxBytes: MAX_ARTICLE_BYTES }), source.kind, source.file);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(...error.problems);
    return null;
  }
  let read: ReadArticle;
  try {
    read = source.kind === 'page' ? readWebPage(content) : readPlainText(content);
  } catch (error) {
    // a page the libraries cannot read is this file's problem, not the batch's
    problems.push({ file: source.file, field: source.kind === 'page' ? '(page)' : '(text)', message: `cannot be read: ${(error as Error).message}` });
    return null;
  }
  if (read.refused) {
    problems.push({ file: source.file, field: read.refused.field, message: read.refused.message });
    return null;
  }
  if (read.text.trim() === '') {
    problems.push({ file: source.file, field: '(text)', message: source.kind === 'page' ? 'no article text found in the page' : 'is empty' });
    return null;
  }
  return read;
}

/** The metadata with the command line's flags over it. */
function withFlags(meta: ArticleMeta, options: AddOptions): ArticleMeta {
  const merged = { ...meta };
  if (options.headline !== undefined) merged.headline = { value: options.headline, from: '--headline' };
  if (options.outlet !== undefined) merged.outlet = { value: options.outlet, from: '--outlet' };
  if (options.published !== undefined) merged.published = { value: options.published, from: '--published' };
  if (options.url !== undefined) merged.url = { value: options.url, from: '--url' };
  return merged;
}

/**
 * A record the ingest would refuse (a publication day outside the days it supports, a URL it cannot read), checked
 * by the ingest's own schema before the corpus is touched: the field and why, naming where the value was read.
 */
function invalidRecord(source: SourceFile, meta: ArticleMeta, text: string): InputProblem | null {
  const id = idOf(meta, text);
  try {
    parseArticles(JSON.stringify([recordOf(meta, id, `articles/${id}.txt`)]), source.file);
    return null;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const problem = error.problems[0];
    const field = problem.field.replace(/^\[0\]\.?/, '') || '(record)';
    const found = (meta as Record<string, Found<string> | undefined>)[field];
    return { file: source.file, field, message: `${found ? `"${found.value}" (${found.from}) ` : ''}${problem.message}: not added` };
  }
}

/** The publication date is the only field that must be read: it anchors every "on Monday" in the text. */
function missingField(source: SourceFile, read: ReadArticle, meta: ArticleMeta): InputProblem | null {
  if (meta.published) return null;
  const looked = source.kind === 'page'
    ? 'no article:published_time, JSON-LD datePublished or <time datetime> in the page'
    : 'no date line or dated dateline at the top of the text';
  const why = read.notes.find((n) => n.includes('no year'));
  return { file: source.file, field: 'published', message: `not found (${looked}${why ? `; ${why}` : ''}): not added; pass --published YYYY-MM-DD` };
}

function checkFlags(options: AddOptions): InputProblem[] {
  const problems: InputProblem[] = [];
  if (options.published !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(options.published) || parseDay(options.published) === null)) {
    problems.push({ file: '(command line)', field: '--published', message: `"${options.published}" is not a calendar day, YYYY-MM-DD` });
  } else if (options.published !== undefined && !supported(parseDay(options.published)!)) {
    problems.push({ file: '(command line)', field: '--published', message: `"${options.published}" must lie between ${formatDay(SUPPORTED_DAYS.start)} and ${formatDay(SUPPORTED_DAYS.end)}` });
  }
  if (options.url !== undefined && httpUrl(options.url) === null) problems.push({ file: '(command line)', field: '--url', message: `"${options.url}" is not an http(s) URL` });
  for (const flag of ['outlet', 'headline'] as const) {
    if (options[flag] !== undefined && options[flag]!.trim() === '') problems.push({ file: '(command line)', field: `--${flag}`, message: 'must not be empty' });
  }
  return problems;
}

function supported(day: number): boolean {
  return day >= SUPPORTED_DAYS.start && day <= SUPPORTED_DAYS.end;
}

function recordOf(meta: ArticleMeta, id: string, file: string): ArticleRecord {
  return { id, file, headline: meta.headline?.value ?? null, outlet: meta.outlet?.value ?? null, published: meta.published!.value, url: meta.url?.value ?? null };
}

function sameRecord(a: ArticleRecord, b: ArticleRecord): boolean {
  return a.headline === b.headline && a.outlet === b.outlet && a.published === b.published && a.url === b.url;
}

/** A readable, stable id: outlet-date-slug ("reuters-2014-06-23-kerry-arrives-in-baghdad"). */
export function idOf(meta: ArticleMeta, text: string): string {
  const outlet = slug(meta.outlet?.value ?? (meta.url ? new URL(meta.url.value).hostname.replace(/^www\./, '') : '')) || 'article';
  const words = slug(meta.headline?.value ?? withoutDateline(text.trim().split(/\n/)[0])).split('-').slice(0, SLUG_WORDS).join('-');
  const title = words.length > SLUG_CHARS ? words.slice(0, SLUG_CHARS).replace(/-[^-]*$/, '') : words;
  return [outlet.split('-').slice(0, 3).join('-'), meta.published!.value, title].filter((part) => part !== '').join('-');
}

/** Lowercase kebab-case of ASCII letters and digits ("Hürriyet Daily News" → "hurriyet-daily-news"). */
export function slug(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** The id, or the id with "-2", "-3"… when another article (or another file) has it. */
function uniqueId(id: string, taken: (candidate: string) => boolean): string {
  let candidate = id;
  for (let n = 2; taken(candidate); n++) candidate = `${id}-${n}`;
  return candidate;
}

/** The same text whatever its line ends, surrounding space and byte-order mark: one article. */
function hashOf(text: string): string {
  return createHash('sha256').update(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').trim()).digest('hex');
}

import { readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, sep } from 'node:path';
import { InputError, MAX_ARTICLE_BYTES, type InputProblem } from '../core/validate.ts';

// Reading the files a run is given: only regular files, up to a size, never binary, strictly UTF-8, inside the
// corpus folder when asked (no link or hard link out of it); and gathering every problem of several reads at once.

export const BINARY_SNIFF_BYTES = 8192; // a NUL byte among the first this many: a binary file (as git and grep tell them)

/** The largest articles or places file (bytes). */
export const MAX_INDEX_BYTES = 512 * 1024 * 1024;

/**
 * A file's text, strictly UTF-8; a byte-order mark is kept, as the text is kept verbatim. Only a regular file is
 * read (a FIFO would block, a link to /dev/zero never end), only up to `maxBytes`, never a binary one, and, when `within` is given,
 * only if its real path (links resolved) lies inside that folder: a link in a corpus to /proc/self/environ or
 * ~/.ssh is not an article.
 */
export function readText(file: string, field = '(file)', options: { within?: string; maxBytes?: number } = {}): string {
  const bytes = readBytes(file, field, options);
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) throw new InputError([{ file, field, message: 'is a binary file, not text' }]);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new InputError([{ file, field, message: 'is not valid UTF-8' }]);
  }
}

/** An article's text: `file` (as articles.json names it) within the corpus folder, up to MAX_ARTICLE_BYTES. */
export function readArticleText(folder: string, file: string, field = '(file)'): string {
  return readText(join(folder, file), field, { within: folder, maxBytes: MAX_ARTICLE_BYTES });
}

/** A file's bytes, read as readText reads them (a regular file, up to `maxBytes`, inside `within`), not decoded. */
export function readBytes(file: string, field = '(file)', options: { within?: string; maxBytes?: number } = {}): Buffer {
  const maxBytes = options.maxBytes ?? MAX_INDEX_BYTES;
  let bytes: Buffer;
  try {
    const stat = statRegularFile(file, field);
    if (options.within !== undefined) {
      const folder = realpathSync(options.within);
      if (!realpathSync(file).startsWith(folder + sep)) throw new InputError([{ file, field, message: `lies outside the corpus folder ${options.within} (through a link)` }]);
      // A hard link has no path to follow: the same file may be one outside the folder (~/.ssh/id_rsa linked in).
      if (stat.nlink > 1) throw new InputError([{ file, field, message: `has ${stat.nlink} hard links, so it may be a file outside the corpus folder: copy it in instead` }]);
    }
    if (stat.size > maxBytes) throw new InputError([{ file, field, message: `is ${stat.size} bytes, over the limit of ${maxBytes}` }]);
    bytes = readFileSync(file);
    if (bytes.length > maxBytes) throw new InputError([{ file, field, message: `is over the limit of ${maxBytes} bytes` }]);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError([{ file, field, message: readFailure(error) }]);
  }
  return bytes;
}

/** The stats of a file that is a regular file; an InputError saying what it is otherwise (missing, a folder, a FIFO…). */
export function statRegularFile(file: string, field = '(file)'): Stats {
  let stat: Stats;
  try {
    stat = statSync(file);
  } catch (error) {
    throw new InputError([{ file, field, message: readFailure(error) }]);
  }
  if (!stat.isFile()) throw new InputError([{ file, field, message: 'is not a regular file' }]);
  return stat;
}

function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file' : `cannot read (${code})`;
}

/** What `read` returns, or null with its InputError's problems added to `problems` (so that all are said at once). */
export function collect<T>(problems: InputProblem[], read: () => T): T | null {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(...error.problems);
    return null;
  }
}

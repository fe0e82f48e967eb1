import { closeSync, fchmodSync, lstatSync, openSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';

/** Our temporaries: `.<12 hex digits>.<what>.tmp`, beside the file they become (`.gitignore` ignores them). */
const TEMPORARY = /^\.[0-9a-f]{12}\.[a-z-]+\.tmp$/;
const STALE_MS = 60 * 60 * 1000; // a temporary this old belongs to a run that died: removed
const WRITE_CHUNK = 1 << 20; // characters written at a time

/**
 * Writes `file` whole or not at all: the chunks go to a temporary file created exclusively (`wx`, so a link
 * planted under its name is never followed) under a random name in the same folder, which is then renamed over
 * `file`. The file keeps its mode when it exists. Stale temporaries of our naming in that folder are removed first.
 * Only a regular file is written: a symbolic link to one is written through (the link stays, its target gets the
 * text), and a device, FIFO, socket, folder or link to anything else is refused with a NotRegularFileError before
 * anything is written. Throws the file system's error otherwise; the temporary is gone either way.
 * `removeStale: false` skips the sweep, for a caller writing many files to one folder that swept it once.
 */
export function writeAtomically(file: string, chunks: Iterable<string>, what: string, options: { removeStale?: boolean } = {}): void {
  const out = regularTarget(resolve(file));
  const folder = dirname(out);
  if (options.removeStale !== false) removeStaleTemporaries(folder);
  const mode = modeOf(out);
  const temporary = join(folder, `.${randomBytes(6).toString('hex')}.${what}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(temporary, 'wx', 0o666);
    if (mode !== null) fchmodSync(fd, mode);
    let pending = '';
    for (const chunk of chunks) {
      pending += chunk;
      if (pending.length >= WRITE_CHUNK) {
        writeSync(fd, pending);
        pending = '';
      }
    }
    writeSync(fd, pending);
    closeSync(fd);
    fd = null;
    renameSync(temporary, out);
  } catch (error) {
    if (fd !== null) closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** The target is not a regular file (nor a link to one): it is left as it is. */
export class NotRegularFileError extends Error {}

/**
 * The path to rename the temporary over: `out` when it is missing or a regular file, the real path of the regular
 * file a symbolic link leads to; anything else is refused (renaming over /dev/null or a FIFO would replace it).
 */
export function regularTarget(out: string): string {
  let stat;
  try {
    stat = lstatSync(out);
  } catch {
    return out; // missing: created
  }
  if (stat.isFile()) return out;
  if (stat.isSymbolicLink()) {
    let real: string;
    try {
      real = realpathSync(out);
    } catch {
      throw new NotRegularFileError('is a symbolic link to nothing: not written');
    }
    if (statSync(real).isFile()) return real;
    throw new NotRegularFileError(`is a symbolic link to ${describeKind(real)} (${real}), not a regular file: not written`);
  }
  throw new NotRegularFileError(`is ${describeKind(out)}, not a regular file: not written`);
}

function describeKind(path: string): string {
  const stat = statSync(path);
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** What to say of a failed write: the refusal as it is, the file system's error after "cannot write". */
export function writeFailure(error: unknown): string {
  return error instanceof NotRegularFileError ? error.message : `cannot write: ${(error as Error).message}`;
}

/** Whether a file name is one of our temporaries. */
export function isTemporary(name: string): boolean {
  return TEMPORARY.test(basename(name));
}

/** Removes regular files of our temporaries' naming older than STALE_MS (a run that died left them). */
export function removeStaleTemporaries(folder: string, now = Date.now()): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return; // the write itself will say what is wrong with the folder
  }
  for (const name of names) {
    if (!TEMPORARY.test(name)) continue;
    const path = join(folder, name);
    try {
      const stat = lstatSync(path);
      if (stat.isFile() && now - stat.mtimeMs > STALE_MS) rmSync(path, { force: true });
    } catch {
      // another run removed it first
    }
  }
}

function modeOf(file: string): number | null {
  try {
    return statSync(file).mode & 0o7777;
  } catch {
    return null;
  }
}

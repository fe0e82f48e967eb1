import { closeSync, fchmodSync, lstatSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
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
 * Throws the file system's error; the temporary is gone either way.
 */
export function writeAtomically(file: string, chunks: Iterable<string>, what: string): void {
  const out = resolve(file);
  const folder = dirname(out);
  removeStaleTemporaries(folder);
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

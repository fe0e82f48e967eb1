import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { regularTarget } from './atomic-write.ts';

const POLL_MS = 25; // how often a waiting run looks at the lock again
const WAIT_MS = 120_000; // how long a run waits for another before giving up, saying which run holds the lock

/** Another run held the lock for longer than the wait: nothing was written. */
export class LockTimeoutError extends Error {}

/**
 * Runs `work` while holding the lock of `file` (a corpus's `articles.json`, a curated places file): a file
 * `.<name>.lock` beside the file's real target, created exclusively and holding the holder's process id. Two runs
 * that read, change and write the same file therefore take turns, and neither loses the other's write. A lock left
 * by a run that died (its process is gone) is broken; one held by a live run is waited for, up to WAIT_MS.
 * The lock is removed when `work` returns or throws.
 */
export function withFileLock<T>(file: string, work: () => T, options: { waitMs?: number } = {}): T {
  const lock = lockPath(file);
  acquire(lock, options.waitMs ?? WAIT_MS);
  try {
    return work();
  } finally {
    rmSync(lock, { force: true });
  }
}

/** The lock's path: beside the file a symbolic link leads to, so that every run writing that file shares it. */
export function lockPath(file: string): string {
  let target = resolve(file);
  try {
    target = regularTarget(target);
  } catch {
    // not a regular file: the write itself refuses it, with its reason
  }
  return join(dirname(target), `.${basename(target)}.lock`);
}

function acquire(lock: string, waitMs: number): void {
  const deadline = Date.now() + waitMs;
  const tick = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      const fd = openSync(lock, 'wx', 0o644);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = holderOf(lock);
    if (holder !== null && !isAlive(holder.pid)) {
      breakStale(lock, holder.text);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new LockTimeoutError(`is being changed by another run${holder ? ` (process ${holder.pid})` : ''}; waited ${Math.round(waitMs / 1000)} s. Try again when it ends, or remove ${lock} if no such run exists`);
    }
    Atomics.wait(tick, 0, 0, POLL_MS); // a synchronous pause: the runs that take this lock are synchronous
  }
}

/** The process id written in the lock, or null while its holder has not written it yet (or it just went). */
function holderOf(lock: string): { pid: number; text: string } | null {
  let text: string;
  try {
    text = readFileSync(lock, 'utf8');
  } catch {
    return null;
  }
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? { pid, text } : null;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

/**
 * Removes a dead run's lock. It is first renamed away (only one of two runs breaking it at once succeeds); should the
 * file renamed turn out to be a live run's new lock, it is put back (link fails if a third run took the name since).
 */
function breakStale(lock: string, staleText: string): void {
  const aside = `${lock}.${randomBytes(6).toString('hex')}.stale`;
  try {
    renameSync(lock, aside);
  } catch {
    return; // another run broke it first
  }
  let moved = '';
  try {
    moved = readFileSync(aside, 'utf8');
  } catch {
    // gone already
  }
  if (moved !== staleText) {
    try {
      linkSync(aside, lock);
    } catch {
      // the name is taken again: that run holds the lock now
    }
  }
  rmSync(aside, { force: true });
}

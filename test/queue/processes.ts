import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const INGEST = join(process.cwd(), 'build/cli/ingest/cli/ingest-cli.js');
const WORKER = join(process.cwd(), 'build/cli/ingest/cli/worker-cli.js');

export interface Finished {
  status: number | null;
  stderr: string;
}

/** `npm run ingest -- ARGS`, as a process; resolves when it has ended. */
export function ingest(args: readonly string[]): Promise<Finished> {
  return finished(spawn(process.execPath, [INGEST, ...args], { stdio: ['ignore', 'ignore', 'pipe'] }));
}

export interface WorkerProcess {
  process: ChildProcess;
  /** Resolves once the worker has said it is reading from the queue. */
  ready: Promise<void>;
  /** SIGTERM, then its exit: how many articles it said it read. */
  stop(): Promise<number>;
}

/**
 * `npm run worker -- --queue URL --lock-ms MS`: a lock short enough for a killed worker's article to be taken over
 * within seconds (about twice `lockMs`), long enough for a busy machine to renew it in time.
 */
export function startWorker(url: string, lockMs = 5000): WorkerProcess {
  const child = spawn(process.execPath, [WORKER, '--queue', url, '--lock-ms', String(lockMs)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('reading articles from queue')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the worker ended (${code}) before it was ready: ${stderr}`)));
  });
  ready.catch(() => {});
  const exited = finished(child);
  return {
    process: child,
    ready,
    async stop() {
      child.kill('SIGTERM');
      const { status } = await exited;
      const read = /read (\d+) articles/.exec(stderr);
      if (status !== 0 || !read) throw new Error(`the worker ended (${status}) without saying what it read: ${stderr}`);
      return Number(read[1]);
    },
  };
}

function finished(child: ChildProcess): Promise<Finished> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (status) => resolve({ status, stderr })));
}

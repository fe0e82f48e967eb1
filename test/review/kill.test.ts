import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { TEST_APP } from '../browser/harness.ts';
import { readCorrections } from '../../src/ingest/corrections/corrections.ts';
import { TOKEN_HEADER } from '../../src/review/server.ts';
import { createReviewCorpus } from './review-corpus.ts';

const REVIEW = join(process.cwd(), 'build/cli/review/review-cli.js');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** `npm run review` on a corpus, on a free port, serving the tests' build; resolves with its address once it prints it. */
function startReview(corpus: ReturnType<typeof createReviewCorpus>) {
  const child = spawn(process.execPath, [REVIEW, '--articles', corpus.articles, '--places', corpus.places, '--port', '0', '--app', TEST_APP], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = /^(http:\/\/127\.0\.0\.1:\d+\/)\n/m.exec(out);
      if (line) resolve(line[1]);
    });
    child.once('exit', (code) => reject(new Error(`npm run review ended (${code})`)));
  });
  return { child, url };
}

it('leaves corrections.json and events.json whole when the server is killed while saving', async () => {
  for (const delayMs of [0, 15, 40, 90]) {
    const corpus = createReviewCorpus();
    dirs.push(corpus.dir);
    const { child, url } = startReview(corpus);
    const base = await url;
    const token = /content="([0-9a-f]+)"/.exec(await (await fetch(base)).text())![1];
    const headers = { 'content-type': 'application/json', [TOKEN_HEADER]: token };
    const { version } = (await (await fetch(`${base}api/version`, { headers })).json()) as { version: string };
    const events = corpus.readEvents().events;
    // Corrections one after another, each on the version the last answered, until the kill cuts one off.
    const writes = (async () => {
      let v = version;
      for (const event of events.slice(0, 8)) {
        const reply = await fetch(`${base}api/corrections`, { method: 'POST', headers, body: JSON.stringify({ version: v, event: event.id, action: 'right' }) }).catch(() => null);
        if (!reply?.ok) return;
        v = ((await reply.json()) as { version: string }).version;
      }
    })();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    setTimeout(() => child.kill('SIGKILL'), 60 + delayMs);
    await exited;
    await writes;
    if (existsSync(corpus.corrections)) {
      const file = readCorrections(corpus.articles); // throws on a file cut short
      expect(file.corrections.length).toBe(file.version);
    }
    const written = JSON.parse(readFileSync(corpus.events, 'utf8')) as { events: unknown[] };
    expect(written.events.length).toBe(events.length);
  }
});

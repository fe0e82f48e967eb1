import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_APP } from '../browser/harness.ts';
import { MAX_BODY_BYTES, TOKEN_HEADER, type ReviewServer } from '../../src/review/server.ts';
import { ask, createReviewServer } from './review-corpus.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function createServed() {
  const served = await createReviewServer(TEST_APP);
  cleanups.push(() => served.server.close(), () => rmSync(served.corpus.dir, { recursive: true, force: true }));
  return served;
}

/** A correction of the first event shown, on the version the session shows now. */
function firstCorrection(served: Awaited<ReturnType<typeof createServed>>, action: Record<string, unknown> = { action: 'right' }) {
  return { version: served.session.version(), event: served.corpus.readEvents().events[0].id, ...action };
}

describe('the review server refuses what is not its own page asking', () => {
  it('listens on 127.0.0.1 only', async () => {
    const { server } = await createServed();
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    const other = await ask(server, 'GET', '/', { headers: { host: 'localhost:1' } });
    expect(other.status).toBe(403);
  });

  it('refuses a Host that is not its own (DNS rebinding), writing nothing', async () => {
    const served = await createServed();
    const before = served.corpus.written();
    const port = new URL(served.server.url).port;
    for (const path of ['/', '/data/meta.json']) expect((await ask(served.server, 'GET', path, { headers: { host: `rebound.example:${port}` } })).status).toBe(403);
    const post = await ask(served.server, 'POST', '/api/corrections', { body: firstCorrection(served), headers: { host: `rebound.example:${port}` } });
    expect(post.status).toBe(403);
    expect(post.json().error).toMatch(/Host "rebound\.example/);
    expect(served.corpus.written()).toEqual(before);
  });

  it('refuses another origin (a form posted from another site), writing nothing', async () => {
    const served = await createServed();
    const before = served.corpus.written();
    const post = await ask(served.server, 'POST', '/api/corrections', { body: firstCorrection(served), headers: { origin: 'https://news.example' } });
    expect(post.status).toBe(403);
    const form = await ask(served.server, 'POST', '/api/corrections', { body: 'action=right', headers: { origin: 'null', 'content-type': 'application/x-www-form-urlencoded' }, token: null });
    expect(form.status).toBe(403);
    expect(served.corpus.written()).toEqual(before);
  });

  it('refuses a write without this run’s token, or with another', async () => {
    const served = await createServed();
    const before = served.corpus.written();
    expect((await ask(served.server, 'POST', '/api/corrections', { body: firstCorrection(served), token: null })).status).toBe(403);
    const wrong = await ask(served.server, 'POST', '/api/corrections', { body: firstCorrection(served), token: '0'.repeat(served.server.token.length) });
    expect(wrong.status).toBe(403);
    expect(wrong.json().error).toContain(TOKEN_HEADER);
    expect(served.corpus.written()).toEqual(before);
  });

  it('puts the token in the page it serves, and nowhere else', async () => {
    const { server } = await createServed();
    const page = await ask(server, 'GET', '/', { token: null });
    expect(page.text).toContain(`<meta name="datelines-review" content="${server.token}">`);
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect((await ask(server, 'GET', '/data/meta.json', { token: null })).text).not.toContain(server.token);
  });

  it('takes JSON bodies only', async () => {
    const served = await createServed();
    const before = served.corpus.written();
    const reply = await ask(served.server, 'POST', '/api/corrections', { body: JSON.stringify(firstCorrection(served)), headers: { 'content-type': 'text/plain' } });
    expect(reply.status).toBe(415);
    expect(served.corpus.written()).toEqual(before);
  });

  it('refuses a 10 MB body without reading it all', async () => {
    const served = await createServed();
    const before = served.corpus.written();
    const { status, sent } = await sendHuge(served.server, 10 * 1024 * 1024);
    expect(status).toBe(413);
    expect(sent).toBeLessThan(10 * 1024 * 1024);
    expect(served.corpus.written()).toEqual(before);
  });

  it('refuses a body that grows past the limit without saying its length', async () => {
    const served = await createServed();
    const { status } = await sendHuge(served.server, 4 * MAX_BODY_BYTES, { chunked: true });
    expect(status).toBe(413);
  });

  it('answers a malformed request with a 4xx and a JSON error, never a stack, writing nothing', async () => {
    const served = await createServed();
    const before = served.corpus.written();
    const cases: [unknown, RegExp][] = [
      ['{"action": "right"', /not valid JSON/],
      [[1, 2], /action/],
      [{ ...firstCorrection(served), action: 'shrug' }, /action: must be one of right, wrong, move, date/],
      [{ ...firstCorrection(served), action: 'wrong', reason: 'boring' }, /reason: must be one of not-an-event/],
      [{ ...firstCorrection(served), action: 'date', start: '2014-06-31', end: '2014-07-01' }, /start/],
      [{ ...firstCorrection(served), action: 'date', start: '2014-06-20', end: '2014-06-10' }, /end: is before start/],
      [{ ...firstCorrection(served), action: 'move', to: 'atlantis-upon-sea' }, /no place of this corpus nor a gazetteer entry/],
      [{ ...firstCorrection(served), event: 'no-such-article#1' }, /no event "no-such-article#1"/],
    ];
    for (const [body, message] of cases) {
      const reply = await ask(served.server, 'POST', '/api/corrections', { body });
      expect(reply.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
      expect(reply.json().error).toMatch(message);
      expect(reply.text).not.toMatch(/at .*\.(ts|js):\d+/);
    }
    expect(served.corpus.written()).toEqual(before);
  });

  it('reads nothing outside the built app and the corpus', async () => {
    const served = await createServed();
    symlinkSync('/etc/passwd', join(TEST_APP, 'assets', '.review-test-link'));
    cleanups.push(() => rmSync(join(TEST_APP, 'assets', '.review-test-link'), { force: true }));
    for (const path of ['/../package.json', '/assets/../../package.json', '/%2e%2e/package.json', '/assets/%2e%2e%2f%2e%2e%2fpackage.json', '/data/../../../etc/passwd', '/assets/.review-test-link', '/data/%2e%2e%2farticles.json']) {
      const reply = await ask(served.server, 'GET', path);
      expect([400, 404], path).toContain(reply.status);
      expect(reply.text).not.toMatch(/"devDependencies"|root:x:0/);
    }
    expect((await ask(served.server, 'GET', '/%E0%A4%A')).status).toBe(400);
  });
});

describe('the review server writes corrections', () => {
  it('appends a correction, raises the version, and answers with what changed', async () => {
    const served = await createServed();
    const before = served.corpus.readEvents();
    const event = before.events[0];
    const version = served.session.version();
    const reply = await ask(served.server, 'POST', '/api/corrections', { body: { version, event: event.id, action: 'wrong', reason: 'not-an-event' } });
    expect(reply.status).toBe(200);
    const answer = reply.json() as { version: string; changes: { gone: number }; counts: { events: number; removed: number } };
    expect(answer.version).not.toBe(version);
    expect(answer.version).toBe(served.session.version());
    expect(answer.changes.gone).toBe(1);
    expect(answer.counts).toMatchObject({ events: before.events.length - 1, removed: 1 });
    const after = served.corpus.readEvents();
    expect(after.events.some((e) => e.quote === event.quote && e.place === event.place)).toBe(false);
    const file = JSON.parse(served.corpus.written()['corrections.json']!) as { version: number; corrections: { action: string; article: string }[] };
    expect(file.version).toBe(1);
    expect(file.corrections).toMatchObject([{ action: 'wrong', article: event.article }]);
    expect((await ask(served.server, 'GET', '/data/meta.json')).json().events).toBe(after.events.length);
  });

  it('merges a stale write that touches another event, and tells a stale write on the same event to reload', async () => {
    const served = await createServed();
    const [a, b] = served.corpus.readEvents().events;
    const stale = served.session.version();
    expect((await ask(served.server, 'POST', '/api/corrections', { body: { version: stale, event: a.id, action: 'right' } })).status).toBe(200);
    const merged = await ask(served.server, 'POST', '/api/corrections', { body: { version: stale, event: b.id, action: 'right' } });
    expect(merged.status).toBe(200);
    const conflict = await ask(served.server, 'POST', '/api/corrections', { body: { version: stale, event: a.id, action: 'wrong', reason: 'wrong-place' } });
    expect(conflict.status).toBe(409);
    expect(conflict.json()).toMatchObject({ reload: true });
    const file = JSON.parse(served.corpus.written()['corrections.json']!) as { version: number; corrections: unknown[] };
    expect(file).toMatchObject({ version: 2 });
    expect(file.corrections).toHaveLength(2);
    expect(served.corpus.readEvents().events.filter((e) => e.checked)).toHaveLength(2);
  });

  it('takes the last correction back with Undo, one by one', async () => {
    const served = await createServed();
    const [a, b] = served.corpus.readEvents().events;
    await ask(served.server, 'POST', '/api/corrections', { body: { version: served.session.version(), event: a.id, action: 'right' } });
    await ask(served.server, 'POST', '/api/corrections', { body: { version: served.session.version(), event: b.id, action: 'date', start: '2014-01-01', end: '2014-01-02' } });
    const undone = await ask(served.server, 'POST', '/api/undo', { body: { version: served.session.version() } });
    expect(undone.status).toBe(200);
    expect(served.corpus.readEvents().events.find((e) => e.quote === b.quote && e.place === b.place)).toMatchObject({ start: b.start, end: b.end });
    await ask(served.server, 'POST', '/api/undo', { body: { version: served.session.version() } });
    expect(served.corpus.readEvents().events.filter((e) => e.checked)).toHaveLength(0);
    const nothing = await ask(served.server, 'POST', '/api/undo', { body: { version: served.session.version() } });
    expect(nothing.status).toBe(400);
    expect(nothing.json().error).toMatch(/Nothing to take back/);
  });

  it('writes nothing but corrections.json, the places file and events.json, and nothing into the built app', async () => {
    const served = await createServed();
    const appBefore = listFiles(TEST_APP);
    const [a, b] = served.corpus.readEvents().events;
    await ask(served.server, 'POST', '/api/corrections', { body: { version: served.session.version(), event: a.id, action: 'right' } });
    await ask(served.server, 'POST', '/api/corrections', { body: { version: served.session.version(), event: b.id, action: 'move', to: 'tal-afar' } });
    await ask(served.server, 'POST', '/api/undo', { body: { version: served.session.version() } });
    const unreviewed = served.corpus.readEvents().places[0];
    if (unreviewed) expect((await ask(served.server, 'POST', '/api/places', { body: { version: served.session.version(), place: unreviewed.id, decision: 'reject' } })).status).toBe(200);
    expect(readdirSync(served.corpus.dir).sort()).toEqual(['articles', 'articles.json', 'corrections.json', 'events.json', 'places.geojson']);
    expect(listFiles(TEST_APP)).toEqual(appBefore);
  });

  it('refuses an Undo from a page that is out of date', async () => {
    const served = await createServed();
    const stale = served.session.version();
    await ask(served.server, 'POST', '/api/corrections', { body: firstCorrection(served) });
    expect((await ask(served.server, 'POST', '/api/undo', { body: { version: stale } })).status).toBe(409);
  });
});

/** POSTs `bytes` of JSON-looking text, a MiB at a time, until the server answers; how many bytes went before it did. */
function sendHuge(server: ReviewServer, bytes: number, options: { chunked?: boolean } = {}): Promise<{ status: number; sent: number }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const headers: Record<string, string> = { 'content-type': 'application/json', [TOKEN_HEADER]: server.token, ...(options.chunked ? {} : { 'content-length': String(bytes) }) };
    const req = request({ host: url.hostname, port: url.port, method: 'POST', path: '/api/corrections', headers }, (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode!, sent });
    });
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(Math.min(bytes, 1 << 16), 'x');
    const pump = () => {
      while (!answered && sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

/** Every file under a folder with its size and time: what a test compares before and after. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const path = join(e.parentPath, e.name);
      const stat = statSync(path);
      return `${path} ${stat.size} ${stat.mtimeMs}`;
    })
    .sort();
}

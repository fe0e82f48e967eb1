import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readJudgeFile } from '../../src/ingest/judge/model-file.ts';
import { TOKEN_HEADER, startReviewServer, type ReviewServer } from '../../src/review/server.ts';
import { openSession, type ReviewSession } from '../../src/review/session.ts';
import { createTextCorpus } from '../text-corpus.ts';

/** A copy of the seed corpus (data/'s articles and texts) with its own curated places file, in a fresh folder. */
export function createReviewCorpus() {
  const dir = mkdtempSync(join(tmpdir(), 'datelines-review-'));
  cpSync('data/articles', join(dir, 'articles'), { recursive: true });
  cpSync('data/articles.json', join(dir, 'articles.json'));
  cpSync('geo/places.geojson', join(dir, 'places.geojson'));
  const articles = join(dir, 'articles.json');
  const places = join(dir, 'places.geojson');
  return {
    dir,
    articles,
    places,
    corrections: join(dir, 'corrections.json'),
    events: join(dir, 'events.json'),
    /** The files the review may write, as they are now (null: absent). */
    written: () => Object.fromEntries(['corrections.json', 'places.geojson', 'events.json'].map((f) => [f, existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8') : null])),
    readEvents: () => JSON.parse(readFileSync(join(dir, 'events.json'), 'utf8')) as { threshold?: number; events: { id: string; article: string; place: string; quote: string; start: string; end: string; checked?: true; confidence?: number }[]; places: { id: string; properties: { candidates?: { ref: string }[] } }[] },
  };
}

/** The corpus reviewed (judged, as `npm run review` ingests) and served from the tests' build of the app. */
export async function createReviewServer(appDir: string): Promise<{ corpus: ReturnType<typeof createReviewCorpus>; session: ReviewSession; server: ReviewServer }> {
  const corpus = createReviewCorpus();
  const session = openSession({ articles: corpus.articles, places: corpus.places }, readJudgeFile());
  const server = await startReviewServer(session, appDir, 0, { log: () => {} });
  return { corpus, session, server };
}

/**
 * Two short reports and no curated place, reviewed and served: "Lalitpur" (a city in India, and as Pātan one in
 * Nepal: a close choice with a runner-up), then Kherson and Kyiv, all found in the gazetteer.
 */
export async function createPlacesReviewServer(appDir: string): Promise<{ corpus: ReturnType<typeof createTextCorpus>; session: ReviewSession; server: ReviewServer }> {
  const corpus = createTextCorpus([
    { id: 'bus-attack', text: 'Gunmen attacked a bus in Lalitpur on Monday, police said.\n', published: '2015-05-05', headline: 'Bus attacked', outlet: 'Test wire' },
    { id: 'kherson-march', text: 'Protesters marched in Kherson on Tuesday, officials said. Ministers met in Kyiv on Wednesday.\n', published: '2022-03-02', headline: 'March', outlet: 'Test wire' },
  ]);
  const session = openSession({ articles: corpus.articles, places: corpus.places }, readJudgeFile());
  const server = await startReviewServer(session, appDir, 0, { log: () => {} });
  return { corpus, session, server };
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): Record<string, unknown>;
}

/**
 * One raw HTTP request (the path sent as given, `..` and all), with the server's token and a JSON body unless the
 * options say otherwise.
 */
export function ask(server: ReviewServer, method: string, path: string, options: { body?: unknown; headers?: Record<string, string>; token?: string | null } = {}): Promise<Reply> {
  const url = new URL(server.url);
  const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const headers: Record<string, string> = { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(options.token !== null ? { [TOKEN_HEADER]: options.token ?? server.token } : {}), ...options.headers };
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode!, headers: res.headers, text, json: () => JSON.parse(text) as Record<string, unknown> });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

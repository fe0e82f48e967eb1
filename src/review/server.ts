import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import * as v from 'valibot';
import { CONTENT_SECURITY_POLICY } from '../csp.ts';
import { InputError, formatProblem } from '../core/validate.ts';
import { CorrectionRequest, PlaceRequest, RequestError, UndoRequest, type ReviewSession } from './session.ts';

/**
 * The review's web server: the built app, its `data/` compiled in memory from the corpus under review, and the API
 * that changes the corpus (session.ts). It is a server that writes files, so:
 * - it listens on 127.0.0.1 only, and answers only requests whose Host is its own address (no DNS rebinding) and
 *   whose Origin, when sent, is its own (no other page posting to it);
 * - every API request carries the run's random token in the X-Datelines-Token header (the page reads it from the
 *   `datelines-review` meta tag the server puts into index.html; another origin can neither read that page nor send
 *   the header without a CORS preflight, which is never granted);
 * - a write's body is JSON (Content-Type application/json), at most MAX_BODY_BYTES, refused unread when it says it
 *   is larger and cut off when it grows larger;
 * - files are read only from the built app's folder (a path that leaves it, through `..` or a link, is not found),
 *   the data only from memory; the session writes only corrections.json, the curated places file and events.json;
 * - a bad request is answered with a 4xx and a JSON `{ "error": "…" }`, never a stack trace, and writes nothing.
 */
export const MAX_BODY_BYTES = 64 * 1024;
export const TOKEN_HEADER = 'x-datelines-token';
export const TOKEN_META = 'datelines-review';

/** The headers of every answer: the app's CSP, never framed (the page acts on a person's behalf), no caching. */
const HEADERS: Record<string, string> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff', '.bin': 'application/octet-stream', '.pbf': 'application/x-protobuf' };

export interface ReviewServer {
  url: string;
  token: string;
  close(): Promise<void>;
}

/** Serves `appDir` (a built app) and the session's data and API on 127.0.0.1:`port` (0: a free port). */
export async function startReviewServer(session: ReviewSession, appDir: string, port: number, options: { token?: string; log?: (line: string) => void } = {}): Promise<ReviewServer> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const root = realpathSync(resolve(appDir));
  const index = readFileSync(join(root, 'index.html'), 'utf8').replace(/<head>/i, `<head>\n    <meta name="${TOKEN_META}" content="${token}">`);
  let own: string[] = [];

  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(HEADERS)) res.setHeader(name, value);
    try {
      handle(req, res);
    } catch (error) {
      fail(res, error, log);
    }
  });

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const host = req.headers.host ?? '';
    if (!own.includes(host)) return json(res, 403, { error: `Host "${host}" is not this server's (${own[0]}): refused` });
    const origin = req.headers.origin;
    if (origin !== undefined && !own.some((h) => origin === `http://${h}`)) return json(res, 403, { error: `Origin "${origin}" is not this server's: refused` });
    if (req.headers['sec-fetch-site'] === 'cross-site') return json(res, 403, { error: 'a request from another site: refused' });
    const path = (req.url ?? '/').split('?')[0];
    if (path.startsWith('/api/')) return api(req, res, path);
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: `${req.method} is not allowed here` });
    if (path === '/' || path === '/index.html') return send(res, req, 200, TYPES['.html'], index);
    let name: string;
    try {
      name = decodeURIComponent(path);
    } catch {
      return json(res, 400, { error: 'malformed percent-encoding in the path' });
    }
    if (name.startsWith('/data/')) {
      const file = session.compiled().get(name.slice('/data/'.length));
      if (file === undefined) return json(res, 404, { error: `not found: ${name}` });
      return send(res, req, 200, TYPES[extname(name)] ?? 'application/octet-stream', file);
    }
    const file = inside(root, name);
    if (file === null) return json(res, 404, { error: `not found: ${name}` });
    return send(res, req, 200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
  };

  const api = (req: IncomingMessage, res: ServerResponse, path: string) => {
    const given = req.headers[TOKEN_HEADER];
    if (typeof given !== 'string' || !sameToken(given, token)) {
      return json(res, 403, { error: `the ${TOKEN_HEADER} header is missing or wrong: only the page this server serves may ask` });
    }
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    if (req.method === 'GET') {
      const version = query.get('version') ?? '';
      if (path === '/api/version') return json(res, 200, { version: session.version(), undoable: session.undoable() });
      if (path === '/api/places') return json(res, 200, { results: session.search(version, query.get('event') ?? '', query.get('q') ?? '', lngLatOf(query.get('near'))) });
      if (path === '/api/event') return json(res, 200, { event: session.event(version, query.get('id') ?? '') });
      return json(res, 404, { error: `no such API: GET ${path}` });
    }
    if (req.method !== 'POST') {
      return json(res, 405, { error: `${req.method} is not allowed here` });
    }
    const routes: Record<string, (body: unknown) => unknown> = {
      '/api/corrections': (body) => session.correct(parse(CorrectionRequest, body)),
      '/api/places': (body) => session.settle(parse(PlaceRequest, body)),
      '/api/undo': (body) => session.undo(parse(UndoRequest, body)),
    };
    const route = routes[path];
    if (!route) {
      return json(res, 404, { error: `no such API: POST ${path}` });
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') {
      return json(res, 415, { error: 'the body must be JSON (Content-Type: application/json)' });
    }
    const length = Number(req.headers['content-length'] ?? NaN);
    if (length > MAX_BODY_BYTES) {
      return json(res, 413, { error: `the body is ${length} bytes, over the limit of ${MAX_BODY_BYTES}` });
    }
    readBody(req, MAX_BODY_BYTES).then(
      (text) => {
        try {
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            throw new RequestError(400, 'the body is not valid JSON');
          }
          json(res, 200, route(body));
        } catch (error) {
          fail(res, error, log);
        }
      },
      () => {
          json(res, 413, { error: `the body is over the limit of ${MAX_BODY_BYTES} bytes` });
      },
    );
  };

  await new Promise<void>((done, failed) => {
    server.once('error', failed);
    server.listen(port, '127.0.0.1', () => done());
  });
  const bound = (server.address() as AddressInfo).port;
  own = [`127.0.0.1:${bound}`, `localhost:${bound}`];
  return {
    url: `http://127.0.0.1:${bound}/`,
    token,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** The file under `root` that a URL path names, or null when there is none or it lies outside (by `..` or a link). */
export function inside(root: string, name: string): string | null {
  const file = resolve(join(root, name));
  if (!file.startsWith(root + sep) || !existsSync(file)) return null;
  const real = realpathSync(file);
  if (!real.startsWith(root + sep) || !statSync(real).isFile()) return null;
  return real;
}

/** "lng,lat" of a point clicked on the map, or null (absent); a RequestError when it is no point. */
function lngLatOf(text: string | null): [number, number] | null {
  if (text === null) return null;
  const [lng, lat] = text.split(',').map(Number);
  if (!Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lng) > 180 || Math.abs(lat) > 90) throw new RequestError(400, `near: "${text}" must be lng,lat in degrees`);
  return [lng, lat];
}

function parse<T extends v.GenericSchema>(schema: T, body: unknown): v.InferOutput<T> {
  const read = v.safeParse(schema, body);
  if (read.success) return read.output;
  const issue = read.issues[0];
  const field = issue.path?.map((p) => String(p.key)).join('.') ?? '(body)';
  throw new RequestError(400, `${field}: ${issue.message}`);
}

/** The body as text, at most `limit` bytes; rejects (and stops reading) past it. */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((done, failed) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        failed(new Error('too large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    req.on('error', failed);
  });
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: ServerResponse, req: IncomingMessage, status: number, type: string, body: string | Uint8Array): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.end(req.method === 'HEAD' ? undefined : body);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  // A body not read whole (a refusal, one too large) is never read: the connection is closed once this is sent.
  const refused = !res.req.complete;
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  if (refused) res.setHeader('Connection', 'close');
  res.end(`${JSON.stringify(body)}\n`, () => {
    if (refused) res.req.socket.destroy();
  });
}

/** A refusal as its 4xx; anything else as a 500 that says only where to look (the terminal has the message). */
function fail(res: ServerResponse, error: unknown, log: (line: string) => void): void {
  if (error instanceof RequestError) return json(res, error.status, { error: error.message, ...(error.reload ? { reload: true } : {}) });
  if (error instanceof InputError) return json(res, 400, { error: error.problems.map(formatProblem).join('\n') });
  log(`review: ${(error as Error).message ?? String(error)}`);
  json(res, 500, { error: 'the server could not do that: the terminal running npm run review says why' });
}

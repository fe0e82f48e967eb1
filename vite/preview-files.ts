import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { Connect, Plugin } from 'vite';

/**
 * What `vite preview` serves of the built app's own folders (data/, basemap/, assets/) before Vite's static server
 * sees the request: a file that is not there is a 404 (Vite's fallback answered it with index.html and 200, and the
 * app then showed a JSON parse error for a missing data file), and a Range is read as RFC 9110 says (Vite's answered
 * `bytes=-10` with the wrong bytes, a nonsense range with 206, a huge one with a stack trace).
 */
export function datelinesPreviewFiles(): Plugin {
  return {
    name: 'datelines-preview-files',
    configurePreviewServer(server) {
      server.middlewares.use(servePreviewFile(resolve(server.config.root, server.config.build.outDir)));
    },
  };
}

const FOLDERS = ['/data/', '/basemap/', '/assets/'];
const TYPES: Record<string, string> = { '.json': 'application/json', '.txt': 'text/plain; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff' };

export function servePreviewFile(outDir: string): Connect.NextHandleFunction {
  return (req, res, next) => {
    const url = req.url ?? '/';
    const pathname = url.split('?')[0];
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !FOLDERS.some((f) => pathname.startsWith(f))) return next();
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return next(); // a malformed path: Vite's own 400
    }
    const file = resolve(join(outDir, decoded));
    if (!file.startsWith(outDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      return res.end(`not found: ${decoded}\n`);
    }
    const header = req.headers.range;
    if (header === undefined) return next();
    const size = statSync(file).size;
    const range = byteRange(header, size);
    if (range === 'ignore') {
      delete req.headers.range; // not one range of bytes: the whole file, as RFC 9110 allows (Vite's server would try)
      return next();
    }
    res.setHeader('Accept-Ranges', 'bytes');
    if (range === 'unsatisfiable') {
      res.statusCode = 416;
      res.setHeader('Content-Range', `bytes */${size}`);
      return res.end();
    }
    const [start, end] = range;
    res.statusCode = 206;
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
    res.setHeader('Content-Length', String(end - start + 1));
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file).subarray(start, end + 1));
  };
}

/**
 * One `bytes=` range of a file of `size` bytes, inclusive, as RFC 9110 §14.1.2 reads it: "a-b" (b clipped to the
 * end), "a-", "-n" (the last n). 'ignore' for what is not one range of bytes (several, another unit, malformed),
 * 'unsatisfiable' for one that starts past the end or asks for no bytes.
 */
export function byteRange(header: string, size: number): [number, number] | 'ignore' | 'unsatisfiable' {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'ignore';
  if (m[1] === '') {
    const last = Number(m[2]);
    if (last === 0 || size === 0) return 'unsatisfiable';
    return [Math.max(0, size - last), size - 1];
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (m[2] !== '' && Number(m[2]) < start) return 'ignore';
  if (!Number.isSafeInteger(start) || start >= size) return 'unsatisfiable';
  return [start, end];
}

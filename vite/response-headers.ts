import type { Connect, Plugin } from 'vite';
import { DEV_HEADERS, PREVIEW_HEADERS } from '../src/csp.ts';

/**
 * Sets the security headers of src/csp.ts on every response of `vite` and `vite preview`: those of Vite's own
 * middlewares, the data and basemap plugins' and a 404 alike (Vite's `server.headers` and `preview.headers` reach
 * only the files Vite serves itself). Put it first among the plugins, so its middleware runs first.
 */
export function datelinesResponseHeaders(): Plugin {
  return {
    name: 'datelines-response-headers',
    configureServer(server) {
      server.middlewares.use(setHeaders(DEV_HEADERS));
    },
    configurePreviewServer(server) {
      server.middlewares.use(setHeaders(PREVIEW_HEADERS));
    },
  };
}

function setHeaders(headers: Readonly<Record<string, string>>): Connect.NextHandleFunction {
  return (_req, res, next) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    next();
  };
}

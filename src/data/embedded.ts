/**
 * A standalone copy (`npm run standalone`, vite/standalone-plugin.ts) is one HTML page that carries its files inside
 * it: the compiled data and the basemap, in a `<script type="application/json" id="datelines-files">` mapping each
 * file's path under the app's folder ("data/meta.json", "basemap/land.json") to its bytes in base64. Opened from
 * disk, Chromium refuses `fetch()` of `file://` URLs; the app asks for its files through `fetchAppFile`, which answers
 * from the page where it carries them and from the network (the app's own server) otherwise.
 */
export const EMBEDDED_FILES_ID = 'datelines-files';

let files: Map<string, string> | null | undefined;

/** The files the page carries, by path; null in the app as built for a server. */
function embedded(): Map<string, string> | null {
  if (files === undefined) {
    const text = typeof document === 'undefined' ? null : document.getElementById(EMBEDDED_FILES_ID)?.textContent;
    files = text ? new Map(Object.entries(JSON.parse(text) as Record<string, string>)) : null;
  }
  return files;
}

/** Whether this page is a standalone copy. */
export function isStandalone(): boolean {
  return embedded() !== null;
}

/** A carried file's bytes by its path under the app's folder ("basemap/land.json"), or null if the page lacks it. */
export function embeddedFile(path: string): Uint8Array<ArrayBuffer> | null {
  const base64 = embedded()?.get(path);
  if (base64 === undefined) return null;
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A file of the app, from the page where it carries it (a 404 for one it lacks), else fetched. */
export function fetchAppFile(url: URL): Promise<Response> {
  if (!isStandalone()) return fetch(url);
  const folder = new URL('./', document.baseURI).href;
  const bytes = url.href.startsWith(folder) ? embeddedFile(decodeURIComponent(url.href.slice(folder.length))) : null;
  return Promise.resolve(bytes ? new Response(bytes) : new Response(null, { status: 404 }));
}

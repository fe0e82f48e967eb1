import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';
import { EMBEDDED_FILES_ID } from '../src/data/embedded.ts';

/** The folders of the built app whose files a standalone copy carries inside its page. */
const CARRIED = ['data', 'basemap'];

/**
 * `npm run standalone` (`vite build --mode standalone`): the app as one HTML file that opens from disk or any static
 * host, with no server and no network. The build inlines every asset it can (the font, MapLibre's worker) as data
 * URLs and makes one script; once it is written, this plugin folds the output folder into its index.html: the
 * script and the styles inline, the compiled data and the basemap as base64 in a JSON block the app reads instead
 * of fetching (src/data/embedded.ts, src/map/embedded-basemap.ts), and a Content-Security-Policy that allows exactly
 * those inline parts (by hash) and nothing from anywhere. Everything else in the folder is removed.
 */
export function datelinesStandalone(): Plugin {
  let outDir = 'standalone';
  return {
    name: 'datelines-standalone',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle: {
      order: 'post',
      handler() {
        const html = readFileSync(join(outDir, 'index.html'), 'utf8');
        writeFileSync(join(outDir, 'index.html'), foldIntoPage(html, outDir));
        for (const entry of readdirSync(outDir)) if (entry !== 'index.html') rmSync(join(outDir, entry), { recursive: true, force: true });
        const size = statSync(join(outDir, 'index.html')).size;
        process.stdout.write(`standalone: wrote ${join(outDir, 'index.html')} (${(size / 1e6).toFixed(1)} MB), the map in one file: open it from disk or put it on any static host\n`);
      },
    },
  };
}

/** The built page with everything it links to inside it. Throws on a link it cannot fold in. */
export function foldIntoPage(html: string, outDir: string): string {
  const read = (href: string) => readFileSync(join(outDir, href.replace(/^\.\//, '')), 'utf8');
  const scripts: string[] = [];
  const styles: string[] = [];
  let page = html
    .replace(/<link rel="(?:preload|modulepreload)"[^>]*>\s*/g, '')
    .replace(/<!--[^]*?-->\s*/g, '')
    .replace(/<link rel="icon"[^>]*>/, '')
    .replace(/<script type="module" crossorigin src="([^"]+)"><\/script>/g, (_, src: string) => {
      const code = read(src).replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');
      if (/["'`(]\.?\/?assets\//.test(code)) throw new Error(`standalone: ${src} still links to a file in assets/; inline it (build.assetsInlineLimit)`);
      scripts.push(code);
      return `\u0000script ${scripts.length - 1}\u0000`;
    })
    .replace(/<link rel="stylesheet" crossorigin href="([^"]+)">/g, (_, href: string) => {
      const css = read(href);
      if (/url\((?!["']?data:)/.test(css)) throw new Error(`standalone: ${href} still links to a file by url(); inline it`);
      styles.push(css);
      return `\u0000style ${styles.length - 1}\u0000`;
    });
  const left = /<(?:script|link)\b[^>]*\b(?:src|href)="(?!data:)[^"]*"/.exec(page);
  if (left) throw new Error(`standalone: index.html still links to a file: ${left[0]}`);
  page = page.replace(/\u0000(script|style) (\d+)\u0000/g, (_, kind: string, i: string) => (kind === 'script' ? `<script type="module">${scripts[Number(i)]}</script>` : `<style>${styles[Number(i)]}</style>`));
  const files: Record<string, string> = {};
  for (const folder of CARRIED) for (const file of filesUnder(join(outDir, folder))) files[relative(outDir, file).split(sep).join('/')] = readFileSync(file).toString('base64');
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  const policy = [
    "default-src 'none'",
    `script-src ${scripts.map(hash).join(' ')}`,
    'worker-src blob: data:',
    'connect-src data: blob:',
    'img-src data: blob:',
    'font-src data:',
    `style-src ${styles.map(hash).join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  page = page.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}">`);
  return page.replace('</body>', `  <script type="application/json" id="${EMBEDDED_FILES_ID}">${JSON.stringify(files)}</script>\n  </body>`);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)])).sort();
}

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addArticles } from '../src/ingest/add/add-articles.ts';
import { createSyntheticArticles } from './synthetic-articles.ts';

// npm run add's intake: 1,000 and 10,000 text files of about 4 kB (a header block, a date line, a wire story),
// written to disk, then added in process to an empty corpus (read, checked, ids given, texts and articles.json
// written under the corpus's lock). Its time must grow with the files, not their square (2,000 took 60 s once).

export interface AddFigures {
  oneKMs: number;
  tenKMs: number;
  /** Files added a second, at 1,000 and at 10,000. */
  oneKPerSec: number;
  tenKPerSec: number;
  /** 10k time / 1k time: ≈ 10 when linear. */
  linearity: number;
}

const SEED = 20240505;
const PLACES = ['Mosul', 'Tal Afar', 'Baghdad', 'Kherson', 'Porto Alegre', 'Canoas', 'Khartoum', 'Sylhet'];

export function measureAddFigures(): AddFigures {
  const dir = mkdtempSync(join(tmpdir(), 'datelines-bench-add-'));
  try {
    const time = (count: number) => {
      const input = join(dir, `in-${count}`);
      mkdirSync(input);
      createSyntheticArticles(count, PLACES, SEED + count).forEach(({ id, text }, i) => {
        writeFileSync(join(input, `${id}.txt`), `# title: Wire report ${i}\n# outlet: Bench Wire\n---\n\nPublished: 2014-06-${String(1 + (i % 28)).padStart(2, '0')}\n\n${text}`);
      });
      const started = performance.now();
      const result = addArticles([input], { articles: join(dir, `corpus-${count}`, 'articles.json') });
      const ms = performance.now() - started;
      const added = result.outcomes.filter((o) => o.status === 'added').length;
      if (added !== count || result.problems.length) throw new Error(`add took ${added} of ${count} files (${result.problems.length} problems)`);
      return ms;
    };
    time(200); // warm-up, so that the 1,000-file run is not the JIT's
    const oneKMs = time(1_000);
    const tenKMs = time(10_000);
    return {
      oneKMs: Math.round(oneKMs),
      tenKMs: Math.round(tenKMs),
      oneKPerSec: Math.round(1_000 / (oneKMs / 1000)),
      tenKPerSec: Math.round(10_000 / (tenKMs / 1000)),
      linearity: Math.round((tenKMs / oneKMs) * 100) / 100,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** An article a test writes: its text, its publication day, and a headline and outlet when it has them. */
export interface TextArticle {
  id: string;
  text: string;
  published: string;
  headline?: string | null;
  outlet?: string | null;
}

/** A places file with no place in it: everything the ingest finds comes from the gazetteer. */
export const NO_PLACES = '{\n  "type": "FeatureCollection",\n  "features": []\n}\n';

/**
 * A corpus of short texts written by a test, laid out like `data/`: `articles.json`, `articles/<id>.txt` and a
 * `places.geojson` (none curated unless given), side by side in a fresh folder.
 */
export function createTextCorpus(articles: readonly TextArticle[], places = NO_PLACES): { dir: string; articles: string; places: string } {
  const dir = mkdtempSync(join(tmpdir(), 'datelines-texts-'));
  mkdirSync(join(dir, 'articles'));
  const records = articles.map(({ id, text, published, headline = null, outlet = null }) => {
    writeFileSync(join(dir, 'articles', `${id}.txt`), text);
    return { id, file: `articles/${id}.txt`, headline, outlet, published, url: null };
  });
  writeFileSync(join(dir, 'articles.json'), JSON.stringify(records, null, 2));
  writeFileSync(join(dir, 'places.geojson'), places);
  return { dir, articles: join(dir, 'articles.json'), places: join(dir, 'places.geojson') };
}

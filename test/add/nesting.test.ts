import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { addArticles } from '../../src/ingest/add/add-articles.ts';
import { MAX_DEPTH, flattenDeepNesting } from '../../src/ingest/add/nesting.ts';

/** A dated page whose two paragraphs sit `depth` `<div>`s deep. */
function createNestedPage(depth: number): string {
  return `<html><head><title>Shelling in Kherson</title><meta property="article:published_time" content="2022-04-04"></head><body>${'<div>'.repeat(depth)}`
    + '<p>Russian troops shelled Kherson on Sunday, officials said, in the heaviest attack on the city this month.</p>'
    + '<p>Ukrainian forces struck <b>positions near <i>Mykolaiv</i></b> on Monday, according to the general staff.</p>'
    + `${'</div>'.repeat(depth)}</body></html>`;
}

describe('pages nested deeper than a reader view can bear', () => {
  it('leaves a page of ordinary depth exactly as it was', () => {
    const { document } = parseHTML(createNestedPage(30));
    const before = document.toString();
    expect(flattenDeepNesting(document.documentElement as unknown as Element)).toBeNull();
    expect(document.toString()).toBe(before);
  });

  it('flattens a page 5,000 deep below the cap, keeping every paragraph in order with its text', () => {
    const { document } = parseHTML(createNestedPage(5000));
    expect(flattenDeepNesting(document.documentElement as unknown as Element)).toBeGreaterThan(5000);
    const paragraphs = [...document.querySelectorAll('p')].map((p) => p.textContent);
    expect(paragraphs).toEqual([
      'Russian troops shelled Kherson on Sunday, officials said, in the heaviest attack on the city this month.',
      'Ukrainian forces struck positions near Mykolaiv on Monday, according to the general staff.',
    ]);
    let depth = 0;
    for (let e: Element | null = document.querySelector('p'); e; e = e.parentElement) depth++;
    expect(depth).toBeLessThanOrEqual(MAX_DEPTH + 2);
  });

  it('npm run add reads a page of 2,000 nested <div>s in a batch, says it was flattened, and adds the rest of the batch', () => {
    const dir = mkdtempSync(join(tmpdir(), 'datelines-nesting-'));
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'deep.html'), createNestedPage(2000));
    writeFileSync(join(dir, 'in', 'plain.txt'), 'Floods in Porto Alegre\nPublished: 2024-05-05\n\nFloods hit Porto Alegre on Sunday.\n');
    const result = addArticles([join(dir, 'in')], { articles: join(dir, 'corpus', 'articles.json') });
    expect(result.outcomes.map((o) => o.status)).toEqual(['added', 'added']);
    const deep = result.outcomes.find((o) => o.file.endsWith('deep.html'))!;
    expect(deep.notes.join('\n')).toMatch(/nests 200\d levels deep: read flattened below 80 levels/);
    expect(readFileSync(join(dir, 'corpus', deep.record.file), 'utf8')).toContain('Ukrainian forces struck positions near Mykolaiv on Monday');
  });
});

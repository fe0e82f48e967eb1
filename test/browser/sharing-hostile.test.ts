import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAYLOADS, createHostileCorpus } from '../hostile-corpus.ts';
import { buildAppOn, launchChromium, openApp, serveBuiltApp, type Served, shareItem } from './harness.ts';

// Citing and exporting on the hostile corpus (test/hostile-corpus.ts), its second article's headline and outlet made
// spreadsheet formulas with a line break: everything stays text, in the page and in the file.

const FORMULA_HEADLINE = "=cmd|' /C calc'!A0";
const FORMULA_OUTLET = '@SUM(1,2)\r\n"Wire", "Co"';

let served: Served;
let browser: Browser;
let corpus: ReturnType<typeof createHostileCorpus>;

beforeAll(async () => {
  corpus = createHostileCorpus();
  const articlesFile = join(corpus.data, 'articles.json');
  const articles = JSON.parse(readFileSync(articlesFile, 'utf8'));
  articles[1] = { ...articles[1], headline: FORMULA_HEADLINE, outlet: FORMULA_OUTLET };
  writeFileSync(articlesFile, JSON.stringify(articles, null, 2));
  served = await serveBuiltApp(await buildAppOn(corpus, 'dist'));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('sharing a hostile corpus', () => {
  it('exports every payload as text, formulas defused, and runs none of it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const { page, foreignRequests } = await openApp(context, served.url);
    const events = JSON.parse(readFileSync(join(corpus.data, 'events.json'), 'utf8')).events as { quote: string; place: string; article: string }[];
    const count = Number((await page.locator('p.status[role="status"]').textContent())!.match(/^(\d+) of/)![1]);
    await shareItem(page, 'Export').then((item) => item.click());
    const dialog = page.getByRole('dialog', { name: 'Export what you see' });
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download CSV' }).click()]);
    const rows = parse(readFileSync(await download.path(), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(count);
    const known = new Set(events.map((e) => e.quote));
    for (const row of rows) expect(known.has(row.quote)).toBe(true); // verbatim, markup, bidi controls and all
    expect(rows.some((r) => r.quote.includes(PAYLOADS.script) && r.quote.includes(PAYLOADS.bidi))).toBe(true);
    const markup = rows.find((r) => r.article === 'hostile-markup')!;
    expect([markup.headline, markup.outlet, markup.url]).toEqual([PAYLOADS.headline, PAYLOADS.outlet, '']); // a javascript: URL is no URL
    const crlf = rows.find((r) => r.article === 'hostile-crlf')!;
    expect([crlf.headline, crlf.outlet]).toEqual([`'${FORMULA_HEADLINE}`, `'${FORMULA_OUTLET}`]);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('cites a quote whose text carries script as text', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const { page } = await openApp(context, `${served.url}#place=tal-afar`);
    const sources = page.getByRole('complementary', { name: 'Sources' });
    await sources.locator('li.event', { hasText: 'overran Tal Afar' }).getByRole('button', { name: /^Cite: / }).click();
    const dialog = page.getByRole('dialog', { name: 'Cite this sentence' });
    const text = await dialog.getByRole('textbox', { name: 'Plain text' }).inputValue();
    expect(text.split('\n')[0]).toMatch(/^<img src=x onerror="window\.pwned=1">Kerry in <b>Baghdad<\/b>\. \(2014, June 24\)\. <script>/); // APA's title case aside, verbatim
    expect(text).toContain(`Militants ${PAYLOADS.script} overran Tal Afar`);
    expect(text).toContain('The source has no address.'); // its javascript: URL is dropped
    expect(JSON.parse(await dialog.getByRole('textbox', { name: 'CSL-JSON' }).inputValue())[0]).toMatchObject({ title: PAYLOADS.headline, 'container-title': PAYLOADS.outlet });
    expect(await dialog.locator('script, img, b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await context.close();
  });
});

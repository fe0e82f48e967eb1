import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/core/day.ts';
import { today } from '../../src/core/permalink.ts';
import { EXPORT_COLUMNS } from '../../src/core/export/export-row.ts';
import { axeViolations, ownSeedApp, shownByDefault, shareItem } from './harness.ts';

// Citing a sentence and exporting what is shown, driven as a person would in Chromium on the seed corpus: the Cite
// dialog's copied text read back from the clipboard, the CSV taken from the download and parsed.

const app = ownSeedApp('sharing');
const seed: { threshold?: number; events: { id: string; place: string; start: string; end: string; quote: string; confidence?: number }[] } = JSON.parse(readFileSync('data/events.json', 'utf8'));
const shown = shownByDefault(seed);
const DESKTOP = { viewport: { width: 1280, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true };

const sources = (page: Page) => page.getByRole('complementary', { name: 'Sources' });
const status = (page: Page) => page.locator('p.status[role="status"]');

describe('sharing what is on the map', () => {
  it('cites a quote of an open place: the copied plain text names the sentence, the place, the view and today', async () => {
    const { page, consoleErrors, foreignRequests, cspViolations, close } = await app.open(DESKTOP, '#from=2014-06-20&to=2014-06-30&place=al-waleed');
    const first = shown.find((e) => e.place === 'al-waleed' && e.start <= '2014-06-30' && e.end >= '2014-06-20')!;
    await expect.poll(() => sources(page).locator('blockquote').first().textContent()).toBe(first.quote);
    const viewed = page.url();
    await sources(page).getByRole('button', { name: /^Cite: / }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Cite this sentence' });
    await dialog.getByRole('button', { name: 'Copy plain text' }).click();
    await expect.poll(() => dialog.locator('[aria-live]').textContent()).toBe('Plain text copied.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.split('\n').slice(1)).toEqual([
      `“${first.quote}”`,
      expect.stringMatching(/^Datelines: Al-Waleed border crossing \(33\.4332, 38\.9374\), 2014-06-22\/2014-06-23 \(/),
      expect.stringMatching(/^Not checked by a person; the ingest's confidence: 0\.\d\d\.$/),
      'The source has no address.',
      `View: ${viewed} (accessed ${formatDay(today())}).`,
    ]);
    const shownCsl = JSON.parse(await dialog.getByRole('textbox', { name: 'CSL-JSON' }).inputValue());
    expect(shownCsl[0]).toMatchObject({ id: first.id, type: 'article-newspaper' });
    expect(await dialog.getByRole('textbox', { name: 'BibTeX' }).inputValue()).toMatch(/^@article\{/);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => sources(page).count()).toBe(1); // Escape closed the dialog, not the panel
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Cite: “The militants/); // the focus is back on Cite
    expect(foreignRequests).toEqual([]);
    expect(await cspViolations()).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('exports the events the count counts as a CSV download that parses back to them', async () => {
    const { page, consoleErrors, foreignRequests, close } = await app.open(DESKTOP, '#from=2014-06-20&to=2014-06-25');
    const inWindow = shown.filter((e) => e.start <= '2014-06-25' && e.end >= '2014-06-20');
    await expect.poll(() => status(page).textContent()).toMatch(new RegExp(`^${inWindow.length} of `));
    await shareItem(page, 'Export').then((item) => item.click());
    const dialog = page.getByRole('dialog', { name: 'Export what you see' });
    await expect.poll(() => dialog.textContent()).toContain(`The ${inWindow.length} events of the time window (20–25 Jun 2014)`);
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('datelines-2014-06-20-2014-06-25.csv');
    const rows = parse(readFileSync(await download.path(), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([...EXPORT_COLUMNS]);
    const tuple = (t: { start: string; end: string; place: string; quote: string }) => [t.start, t.end, t.place, t.quote].join(' | ');
    // A quote a spreadsheet could run (none in the seed) would carry a leading ' (see csvCell).
    expect(rows.map((r) => tuple({ start: r.start, end: r.end, place: r.placeId, quote: r.quote })).sort()).toEqual(inWindow.map(tuple).sort());
    expect(rows.map((r) => r.permalink)).toEqual(rows.map((r) => expect.stringContaining(`from=2014-06-20&to=2014-06-25&place=${r.placeId}`)));
    await expect.poll(() => dialog.locator('[aria-live]').textContent()).toBe(`CSV of ${inWindow.length} events downloaded.`);
    // The Share menu is not drawn behind the dialog's backdrop; closed, the dialog gives the focus back to Export.
    expect(await page.getByRole('button', { name: 'Save picture', exact: true }).isVisible()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Export');
    expect(await page.getByRole('button', { name: 'Save picture', exact: true }).isVisible()).toBe(true);
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('exports only what a category filter keeps, as GeoJSON and as Web Annotations', async () => {
    const { page, close } = await app.open(DESKTOP, '#from=2014-06-20&to=2014-06-25&cat=capture');
    const kept = JSON.parse(readFileSync('data/events.json', 'utf8')).events.filter((e: { category: string }) => e.category === 'capture');
    const inWindow = shownByDefault({ threshold: seed.threshold, events: kept as typeof seed.events }).filter((e) => e.start <= '2014-06-25' && e.end >= '2014-06-20');
    await expect.poll(() => status(page).textContent()).toMatch(new RegExp(`^${inWindow.length} of .*\\(filtered\\)$`));
    await shareItem(page, 'Export').then((item) => item.click());
    const dialog = page.getByRole('dialog', { name: 'Export what you see' });
    const [geo] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download GeoJSON' }).click()]);
    const collection = JSON.parse(readFileSync(await geo.path(), 'utf8'));
    expect(collection.features.map((f: { id: string }) => f.id).sort()).toEqual(inWindow.map((e) => e.id).sort());
    await expect.poll(() => dialog.getByRole('button', { name: 'Download Web Annotations' }).isEnabled()).toBe(true);
    const [annotations] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download Web Annotations' }).click()]);
    const anno = JSON.parse(readFileSync(await annotations.path(), 'utf8'));
    expect(anno.total).toBe(inWindow.length);
    for (const item of anno.first.items) {
      const [quote, position] = item.target.selector;
      expect(quote.prefix.length).toBeGreaterThan(0); // the article's text was fetched
      expect(position.type).toBe('TextPositionSelector');
    }
    await close();
  });

  it('shows its progress when the export takes more than a moment (a slow network), then downloads', async () => {
    const { page, close } = await app.open(DESKTOP, '#from=2014-06-01&to=2016-07-31');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 500, downloadThroughput: 50_000, uploadThroughput: 50_000 });
    await shareItem(page, 'Export').then((item) => item.click());
    const dialog = page.getByRole('dialog', { name: 'Export what you see' });
    const downloaded = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download CSV' }).click();
    const bar = dialog.getByRole('progressbar', { name: 'Export progress' });
    await bar.waitFor();
    expect(await dialog.textContent()).toMatch(/Fetching the events of \d+ of \d+ places…/);
    expect(await dialog.getByRole('button', { name: 'Download GeoJSON' }).isDisabled()).toBe(true); // one export at a time
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    const rows = parse(readFileSync(await (await downloaded).path(), 'utf8'), { columns: true }) as unknown[];
    expect(rows).toHaveLength(shown.filter((e) => e.start <= '2016-07-31' && e.end >= '2014-06-01').length);
    await bar.waitFor({ state: 'detached' });
    await close();
  });
});

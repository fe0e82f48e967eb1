import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTextCorpus } from '../text-corpus.ts';
import { axeViolations, buildAppOn, launchChromium, openApp, serveBuiltApp, type Served } from './harness.ts';

// A corpus whose events.json holds no event (issue 27): one article in which the ingest found nothing. The app must
// say so and how to add some, not open on a map of nothing under a time axis of 1 Jan 1970.

let served: Served;
let browser: Browser;

beforeAll(async () => {
  const corpus = createTextCorpus([{ id: 'quiet-day', text: 'Nothing happened anywhere today.\n', published: '2020-05-01', headline: 'A quiet day' }]);
  writeFileSync(join(corpus.dir, 'events.json'), '{ "events": [], "places": [] }\n');
  served = await serveBuiltApp(await buildAppOn({ dir: corpus.dir, data: corpus.dir, places: corpus.places }, 'dist'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('a corpus with no events', () => {
  it('says there are no events yet and how to add some, with no time axis and no date', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const { page, consoleErrors } = await openApp(context, served.url, { waitForMap: false });
    const notice = page.getByRole('status').filter({ hasText: 'No events yet' });
    await notice.waitFor();
    const text = (await notice.textContent())!;
    expect(text).toContain('Its one article gives no event to map.');
    expect(text).toContain('npm run add -- FILES…');
    expect(text).toContain('npm run ingest');
    // no time bar, no handles, no map, and no day written anywhere (the epoch least of all)
    expect(await page.getByRole('slider').count()).toBe(0);
    expect(await page.locator('.map, .timebar').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toMatch(/1970|\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}/);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/screens/empty-corpus.png' });
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAYLOADS, createHostileCorpus } from '../hostile-corpus.ts';
import { buildAppOn, launchChromium, openApp, serveBuiltApp, type Served } from './harness.ts';
import { COMPILED_FORMAT } from '../../src/data/compiled-format.ts';

// The app built on a corpus whose every text field carries markup or script: all of it must show as text.

let served: Served;
let unreadable: Served;
let browser: Browser;

beforeAll(async () => {
  const out = await buildAppOn(createHostileCorpus(), 'dist');
  served = await serveBuiltApp(out);
  // A corpus that cannot be used does not build (the build fails loudly); a published dataset that went bad
  // afterwards (its meta.json says why) shows the app's error page.
  const broken = createHostileCorpus();
  writeFileSync(join(broken.data, 'events.json'), '{"events": [');
  await expect(buildAppOn(broken, 'dist')).rejects.toThrow(/events\.json: \(json\): invalid JSON: line 1, column \d+: /);
  cpSync(out, `${out}-broken`, { recursive: true });
  writeFileSync(join(`${out}-broken`, 'data', 'meta.json'), JSON.stringify({ format: COMPILED_FORMAT, fatal: [{ file: 'events.json', field: '(json)', message: 'invalid JSON: line 1, column 13: CloseBracketExpected' }] }));
  unreadable = await serveBuiltApp(`${out}-broken`);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
  await unreadable?.close();
});

describe('a corpus of hostile text', () => {
  it('shows headlines, outlets and quotes as text, runs none of it, and links nothing but http(s)', async () => {
    const context = await browser.newContext({ viewport: { width: 1300, height: 850 } });
    const { page, cspViolations, foreignRequests } = await openApp(context, `${served.url}#place=tal-afar`);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const panel = page.getByRole('complementary', { name: 'Sources' });
    await expect.poll(() => panel.locator('cite').first().textContent()).toBe(PAYLOADS.headline);
    expect(await panel.locator('.citation').first().textContent()).toContain(PAYLOADS.outlet);
    expect(await panel.locator('blockquote').first().textContent()).toContain(PAYLOADS.script);
    expect(await panel.locator('img, script, b').count()).toBe(0);
    expect(await panel.getByRole('link').count()).toBe(0); // the javascript: URL gets no link

    await panel.getByRole('button', { name: 'Read in article' }).click();
    const reader = page.getByRole('dialog');
    await expect.poll(() => reader.locator('mark.quoted').textContent()).toContain(PAYLOADS.bidi);
    expect(await reader.locator('img, script').count()).toBe(0);
    expect(await reader.locator('.article-text').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true); // the 100 kB line wraps

    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await cspViolations()).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it("shows a gazetteer place's name, source and alternatives as text", async () => {
    const context = await browser.newContext({ viewport: { width: 1300, height: 850 } });
    const { page } = await openApp(context, served.url);
    const list = page.getByRole('navigation', { name: 'Places' });
    expect(await list.textContent()).toContain(PAYLOADS.placeName);
    await list.getByRole('button', { name: /Hostile Town/ }).click();
    const panel = page.getByRole('complementary', { name: 'Sources' });
    await expect.poll(() => panel.getByRole('heading', { level: 2 }).textContent()).toContain(PAYLOADS.placeName);
    expect(await panel.textContent()).toContain(PAYLOADS.headline); // the candidate's name
    expect(await page.locator('.side img, .side script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await context.close();
  });

  it('shows the good records and says, visibly, how many were left out and why', async () => {
    const context = await browser.newContext({ viewport: { width: 1300, height: 850 } });
    const { page } = await openApp(context, served.url);
    await expect.poll(() => page.getByRole('status').textContent()).toBe('5 of 5 events');
    const warning = page.locator('.warning');
    expect(await warning.textContent()).toBe('1 record was left out: events[5].place: unknown place "atlantis"');
    expect(await warning.isVisible()).toBe(true);
    await context.close();
  });

  it('links an http(s) URL to the original article', async () => {
    const context = await browser.newContext({ viewport: { width: 1300, height: 850 } });
    const { page } = await openApp(context, `${served.url}#place=mosul`);
    const link = page.getByRole('complementary', { name: 'Sources' }).getByRole('link', { name: 'Original' });
    await expect.poll(() => link.getAttribute('href')).toBe('https://example.org/crlf');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    await context.close();
  });

  it('shows an error naming the file, not a blank page, when the data cannot be read at all', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    const { page } = await openApp(context, unreadable.url, { waitForMap: false });
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.locator('h1').textContent()).toBe('Datelines cannot read its data');
    expect(await alert.locator('li').textContent()).toMatch(/^events\.json: \(json\): invalid JSON: line 1, column \d+: /);
    await context.close();
  });
});

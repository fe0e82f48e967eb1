import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBidiCorpus } from '../hand-corpus.ts';
import { buildAppOn, launchChromium, openApp, serveBuiltApp, type Served } from './harness.ts';

// Bidirectional controls that a quote, a headline or an outlet opens and never closes (issue 27): each must stay
// inside its own text, so that what follows it on the page (the date, the outlet, the rest of a row) reads as
// written. Checked by where Chromium draws the words, not by the markup.

let served: Served;
let browser: Browser;

beforeAll(async () => {
  const corpus = createBidiCorpus();
  served = await serveBuiltApp(await buildAppOn(corpus, 'dist'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/**
 * Whether the words of `text`, found in that order in the text of the element `scope`, are drawn left to right as
 * written: each word's box starts right of the one before on its line, or on a line below it.
 */
function drawnInOrder(page: Page, scope: string, text: string): Promise<boolean | string> {
  return page.evaluate(
    ({ scope, text }) => {
      const root = document.querySelector(scope);
      if (!root) return `no ${scope}`;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const words = text.split(' ');
      const lefts: { left: number; top: number }[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const content = node.textContent ?? '';
        for (const word of words) {
          const at = content.indexOf(word);
          if (at < 0 || lefts.length !== words.indexOf(word)) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + word.length);
          const box = range.getBoundingClientRect();
          lefts.push({ left: box.left, top: box.top });
        }
      }
      if (lefts.length !== words.length) return `found ${lefts.length} of ${words.length} words of “${text}”`;
      const after = (a: { left: number; top: number }, b: { left: number; top: number }) => (Math.abs(a.top - b.top) < 2 ? a.left > b.left : a.top > b.top);
      return lefts.every((at, i) => i === 0 || after(at, lefts[i - 1])) ? true : `drawn at ${lefts.map((at) => `${Math.round(at.left)},${Math.round(at.top)}`).join(' ')}`;
    },
    { scope, text },
  );
}

describe('a bidirectional control left open in a quote, a headline or an outlet', () => {
  it('stays inside it in the Sources panel: the mention, the outlet and the date after it read left to right', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const { page, consoleErrors } = await openApp(context, `${served.url}#place=mosul`);
    const panel = page.getByRole('complementary', { name: 'Sources' });
    await expect.poll(() => panel.locator('blockquote').count()).toBe(1);
    expect(await drawnInOrder(page, 'aside.sources blockquote', 'Mosul on Monday.')).toBe(true);
    expect(await drawnInOrder(page, 'aside.sources .citation', '— 24 Jun 2014')).toBe(true);
    expect(await drawnInOrder(page, 'aside.sources .citation', 'Read in article')).toBe(true);
    await page.screenshot({ path: 'test-results/screens/bidi-sources.png' });
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('stays inside the quote in the article reader: the article after it reads left to right', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const { page } = await openApp(context, `${served.url}#place=mosul`);
    await page.getByRole('button', { name: /^Read in article/ }).click();
    await expect.poll(() => page.locator('mark.quoted').count()).toBe(1);
    expect(await drawnInOrder(page, '.article-text', 'Officials in Baghdad said')).toBe(true);
    await page.screenshot({ path: 'test-results/screens/bidi-reader.png' });
    await context.close();
  });

  it('stays inside it in the list of events by date: the rest of each row reads left to right', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const { page } = await openApp(context, `${served.url}#list=events`);
    const rows = page.getByRole('list', { name: 'Events in the window, by date' }).getByRole('button');
    await expect.poll(() => rows.count()).toBe(2);
    await expect.poll(() => page.locator('.event-row .row-quote bdi').count()).toBe(2);
    expect(await drawnInOrder(page, '.event-row:nth-child(1) .row-head', '23 Jun 2014')).toBe(true);
    await page.screenshot({ path: 'test-results/screens/bidi-list.png' });
    // and a row still opens its place
    await rows.first().click();
    await expect.poll(() => page.getByRole('complementary', { name: 'Sources' }).getByRole('heading', { level: 2 }).textContent()).toMatch(/^(Mosul|Baghdad)$/);
    await context.close();
  });
});

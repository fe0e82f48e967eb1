import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations, openApp, windowHandles, servedTestApp, shareItem } from './harness.ts';

// Embed mode and printing, driven as a person would: the Embed button's snippet, the embedded page it names, and
// the page as it prints.

const app = servedTestApp();

const VIEW = '#from=2014-06-20&to=2014-06-26&place=baghdad';

describe('embedding the map', () => {
  it('gives an <iframe> of the view as it is, and the embedded page shows that view without the page around it', { timeout: 120_000 }, async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const { page } = await openApp(context, app.served.url + VIEW);
    await shareItem(page, 'Embed').then((item) => item.click());
    const dialog = page.getByRole('dialog', { name: 'Embed this view' });
    const code = await dialog.getByRole('textbox', { name: 'Embed code' }).inputValue();
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('Copied to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    await page.screenshot({ path: 'test-results/screens/embed-dialog.png' });

    // The snippet is one well-formed iframe whose address is this view in embed mode.
    const parsed = await page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const frames = doc.body.querySelectorAll('iframe');
      return { count: doc.body.children.length, frames: frames.length, src: frames[0]?.getAttribute('src'), title: frames[0]?.getAttribute('title') };
    }, code);
    expect(parsed).toMatchObject({ count: 1, frames: 1 });
    expect(parsed.title).toBe('Map of events: Baghdad · Datelines');
    const src = new URL(parsed.src!);
    expect(src.hash).toContain('from=2014-06-20&to=2014-06-26&place=baghdad');
    expect(src.hash).toMatch(/&embed=1$/);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);

    // The embedded page: the same window and place, the map and the sources, no top bar or lists.
    const embedded = await openApp(context, parsed.src!);
    const ep = embedded.page;
    expect(await windowHandles(ep).window()).toEqual(['2014-06-20', '2014-06-26']);
    expect(await ep.getByRole('complementary', { name: 'Sources' }).getByRole('heading').first().textContent()).toContain('Baghdad');
    expect(await ep.locator('.topbar').isVisible()).toBe(false);
    expect(await ep.getByRole('button', { name: 'Embed' }).isVisible()).toBe(false);
    const open = ep.getByRole('link', { name: 'Open in Datelines' });
    expect(await open.isVisible()).toBe(true);
    expect(new URL((await open.getAttribute('href'))!).hash).not.toContain('embed');
    expect(await ep.locator('.embed-link').textContent()).toMatch(/\d+ of \d+ events/);
    expect(await axeViolations(ep)).toEqual([]);
    await ep.screenshot({ path: 'test-results/screens/embed-view.png' });

    // Closing the place leaves the map alone, the lists still hidden.
    await ep.getByRole('button', { name: /close/i }).first().click();
    await expect.poll(() => ep.locator('.side').isVisible()).toBe(false);
    await context.close();
  });
});

describe('printing', () => {
  it('prints the view, the sources and their links, without the controls', { timeout: 60_000 }, async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const { page } = await openApp(context, app.served.url + VIEW);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Show all places' }).isVisible()).toBe(false);
    expect(await page.getByRole('slider', { name: 'Start date' }).isVisible()).toBe(false);
    const sources = page.getByRole('complementary', { name: 'Sources' });
    await sources.locator('blockquote').first().waitFor();
    expect(await sources.locator('blockquote').first().isVisible()).toBe(true);
    expect(await page.getByRole('status').first().isVisible()).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'datelines-print-'));
    const pdf = join(dir, 'view.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    if (existsSync('/usr/bin/pdftoppm')) execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, 'test-results/screens/print']);
    await page.screenshot({ path: 'test-results/screens/print-media.png', fullPage: true });
    await context.close();
  });

  it('selects the snippet for the keys to copy where the page may not write the clipboard, and says so', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
    const { page } = await openApp(context, app.served.url + VIEW);
    await shareItem(page, 'Embed').then((item) => item.click());
    const dialog = page.getByRole('dialog', { name: 'Embed this view' });
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('The code is selected: copy it with Ctrl+C (⌘C).');
    const field = dialog.getByRole('textbox', { name: 'Embed code' });
    const selected = await field.evaluate((t: HTMLTextAreaElement) => (document.activeElement === t ? t.value.slice(t.selectionStart, t.selectionEnd) : ''));
    expect(selected).toBe(await field.inputValue());
    expect(selected).toMatch(/^<iframe /);
    await context.close();
  });
});

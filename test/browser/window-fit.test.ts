import { describe, expect, it } from 'vitest';
import { openApp, ownSeedApp, waitForMapIdle } from './harness.ts';

// The window's events kept in sight, on the seed corpus built into a folder of its own (a build of dist/ running
// beside these tests cannot change what they drive).

const app = ownSeedApp('window-fit');

describe("the window's events on the map", () => {
  it('says how many of the window\'s events lie off the map, and "Fit to window" brings them all into view', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const { page, consoleErrors } = await openApp(context, `${app.served.url}#from=2014-12-01&to=2014-12-31`);
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^4 of \d+ events/);
    const hints = page.locator('.offscreen');
    await expect.poll(() => hints.count()).toBeGreaterThan(0);
    const label = (await hints.first().getAttribute('aria-label'))!;
    expect(label).toMatch(/^\d+ events? of the window at \d+ places? (above the map|below the map|to the left|to the right): fit the map to the window$/);
    await page.screenshot({ path: 'test-results/screens/window-offscreen.png' });
    await page.getByRole('button', { name: 'Fit to window' }).click();
    await expect.poll(async () => {
      await waitForMapIdle(page);
      return hints.count();
    }, { timeout: 15_000 }).toBe(0);
    await page.screenshot({ path: 'test-results/screens/window-fitted.png' });
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('follows the window when asked: a new window\'s places are framed without a click', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const { page } = await openApp(context, `${app.served.url}#from=2014-06-20&to=2014-06-26`);
    await page.getByRole('checkbox', { name: /^Follow/ }).check();
    const start = page.getByRole('slider', { name: 'Start date' });
    const end = page.getByRole('slider', { name: 'End date' });
    await end.focus();
    await page.keyboard.press('End');
    await start.focus();
    await page.keyboard.press('PageDown'); // a month later: December's places come into the window
    await expect.poll(async () => {
      await waitForMapIdle(page);
      return page.locator('.offscreen').count();
    }, { timeout: 15_000 }).toBe(0);
    await context.close();
  });
});

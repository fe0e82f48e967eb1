import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, ownSeedApp, shownByDefault, waitForMapIdle } from './harness.ts';

// A story read as a person reads it: opened from the Stories menu, stepped through from the keyboard, the window
// and the place checked against the story file at each step; a link to a step opens there.

interface StoryFile {
  title: string;
  steps: { from: string; to: string; place?: string; title?: string; caption: string }[];
}
const story: StoryFile = JSON.parse(readFileSync('data/stories/kerry-week.json', 'utf8'));
const places: { id: string; properties: { name: string } }[] = JSON.parse(readFileSync('geo/places.geojson', 'utf8')).features;
const extra: { id: string; properties: { name: string } }[] = JSON.parse(readFileSync('data/events.json', 'utf8')).places;
const nameOf = (id: string) => [...places, ...extra].find((p) => p.id === id)!.properties.name;
const seed = JSON.parse(readFileSync('data/events.json', 'utf8'));
const shown = shownByDefault(seed) as { place: string; start: string; end: string }[];
const SHOTS = '.tmp/shots/stories';

const app = ownSeedApp('stories');
const LONG = 60_000; // ms: a story's steps each wait for the panel and the map

const card = (page: Page) => page.getByRole('region', { name: `Story: ${story.title}` });
const sources = (page: Page) => page.getByRole('complementary', { name: 'Sources' });

/** Checks that the page shows step k (1-based) of the story: the card's words, the window, the place, the hash. */
async function expectStep(page: Page, k: number): Promise<void> {
  const step = story.steps[k - 1];
  await expect.poll(() => card(page).locator('.story-count').textContent()).toMatch(new RegExp(`^Step ${k} of ${story.steps.length} · `));
  expect(await card(page).locator('.story-caption').textContent()).toBe(step.caption);
  // Read by attribute: on a phone the open Sources sheet takes the time bar out of the accessibility tree.
  const handle = (name: string) => page.locator(`[role="slider"][aria-label="${name}"]`).getAttribute('aria-valuetext');
  await expect.poll(async () => [await handle('Start date'), await handle('End date')]).toEqual([step.from, step.to]);
  await expect.poll(() => sources(page).getByRole('heading', { level: 2 }).first().textContent()).toBe(nameOf(step.place!));
  await expect.poll(() => new URL(page.url()).hash).toContain(`story=kerry-week&step=${k}`);
  // The place's quotes in the step's window show in the panel (counted from the file, not by the app's code).
  const inWindow = shown.filter((e) => e.place === step.place && e.start <= step.to && e.end >= step.from).length;
  expect(inWindow).toBeGreaterThan(0);
  await expect.poll(() => sources(page).locator('blockquote').count()).toBeGreaterThanOrEqual(inWindow);
}

describe('a story', () => {
  it('is opened from the Stories menu and stepped through from the keyboard, the map and timeline following', async () => {
    const { page, consoleErrors, close } = await app.open({ viewport: { width: 1280, height: 800 } });
    await page.getByRole('button', { name: 'Stories' }).click();
    await page.getByRole('button', { name: new RegExp(`^${story.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
    await expectStep(page, 1);
    expect(await axeViolations(page)).toEqual([]);
    // Previous is off at the first step; the card holds the focus, so the keys step.
    expect(await card(page).getByRole('button', { name: '← Previous' }).isDisabled()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('story-card'))).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expectStep(page, 2);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('story-card'))).toBe(true);
    await page.keyboard.press('PageDown');
    await expectStep(page, 3);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('story-card'))).toBe(true);
    await page.keyboard.press('ArrowLeft');
    await expectStep(page, 2);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('story-card'))).toBe(true);
    await page.keyboard.press('PageDown');
    await page.keyboard.press('ArrowRight');
    await expectStep(page, story.steps.length);
    expect(await card(page).getByRole('button', { name: 'Next →' }).isDisabled()).toBe(true);
    await waitForMapIdle(page);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/step-desktop.png` });
    // Escape closes the story, not the place; the hash forgets the story.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('story-card'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => card(page).count()).toBe(0);
    await expect.poll(() => new URL(page.url()).hash).not.toContain('story=');
    expect(await sources(page).count()).toBe(1);
    expect(consoleErrors).toEqual([]);
    await close();
  }, LONG);

  it('opens at step 2 from a link, its caption announced in a live region', async () => {
    const { page, consoleErrors, close } = await app.open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }, '#story=kerry-week&step=2');
    page.setDefaultTimeout(5000);
    await expectStep(page, 2);
    expect(await card(page).locator('[aria-live="polite"]').textContent()).toContain(story.steps[1].caption);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/step-phone.png` });
    await card(page).getByRole('button', { name: 'Next →' }).tap({ timeout: 5000 });
    await expectStep(page, 3);
    expect(consoleErrors).toEqual([]);
    await close();
  }, LONG);

  it('ignores a link to a story the corpus lacks, opening the map as it is', async () => {
    const { page, consoleErrors, close } = await app.open({ viewport: { width: 1280, height: 800 } }, '#story=no-such-story&step=3');
    await expect.poll(() => new URL(page.url()).hash).not.toContain('story=');
    expect(await page.getByRole('region', { name: /^Story:/ }).count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await close();
  }, LONG);
});

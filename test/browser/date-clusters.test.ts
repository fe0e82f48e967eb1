import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTwoStoriesCorpus } from '../hand-corpus.ts';
import { axeViolations, buildAppOn, launchChromium, openApp, serveBuiltApp, windowHandles, type Served } from './harness.ts';

// Two stories eight years apart (issue 27): on the whole timeline each story's bars are a sliver, so the time bar
// offers a jump to each cluster of dates, which puts the window and the axis on it.

const EARLY = 12; // events at Mosul, every other day from 10 June 2014
const LATE = 5; // events at Baghdad, every other day from 24 February 2022

let served: Served;
let browser: Browser;

beforeAll(async () => {
  served = await serveBuiltApp(await buildAppOn(createTwoStoriesCorpus(EARLY, LATE), 'dist'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe('two stories years apart', () => {
  it('offers a jump to each cluster of dates, by keyboard, that puts the window and the axis on it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const { page, consoleErrors } = await openApp(context, served.url);
    const jump = page.getByRole('combobox', { name: 'Jump to a cluster of dates' });
    expect(await jump.locator('option').allTextContents()).toEqual(['Jump to dates…', `2014 · ${EARLY} events`, `2022 · ${LATE} events`]);
    // on the whole timeline a story's bars take a sliver of the chart
    const band = page.locator('svg.chart .window-band');
    const chart = (await page.locator('svg.chart').boundingBox())!;
    // when a person chooses 2022 with the keyboard
    await jump.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => windowHandles(page).window()).toEqual(['2022-02-24', '2022-03-04']);
    await expect.poll(() => page.getByRole('status').textContent()).toBe(`${LATE} of ${EARLY + LATE} events`);
    expect(await jump.inputValue()).toBe('1');
    // then the axis shows the cluster: its window takes most of the chart, not a sliver
    await expect.poll(async () => (await band.boundingBox())!.width / chart.width).toBeGreaterThan(0.5);
    expect(await page.getByRole('img', { name: /^Events per day, / }).getAttribute('aria-label')).toMatch(/2022/);
    await page.screenshot({ path: 'test-results/screens/date-clusters-2022.png' });
    // and 2014 the same way, with the mouse
    await jump.selectOption({ label: `2014 · ${EARLY} events` });
    await expect.poll(() => windowHandles(page).window()).toEqual(['2014-06-10', '2014-07-02']);
    await expect.poll(async () => (await band.boundingBox())!.width / chart.width).toBeGreaterThan(0.5);
    // a window set by other means is no cluster: the select says so
    await page.getByRole('button', { name: 'All dates' }).click();
    await expect.poll(() => jump.inputValue()).toBe('');
    // and the time bar, with the jump and the date fields open, has no serious or critical axe-core violation
    await page.getByRole('button', { name: 'Set dates' }).click();
    expect(await axeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('names each day of a week-long axis once (a one-day window zoomed to)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const { page } = await openApp(context, `${served.url}#from=2022-02-26&to=2022-02-26`);
    await page.getByRole('button', { name: 'Zoom chart to window' }).click();
    const ticks = page.locator('.ticks .tick');
    await expect.poll(() => ticks.count()).toBeGreaterThan(3);
    const labels = await ticks.allTextContents();
    expect(new Set(labels).size).toBe(labels.length);
    await context.close();
  });
});

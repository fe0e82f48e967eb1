import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { openApp, waitForMapIdle, servedTestApp, shareItem } from './harness.ts';

// "Save picture", as a person uses it: the PNG it downloads is the map with its dates, count, kinds and attribution
// drawn in, and the same state gives the same picture (the reference: test/expected/picture.png; UPDATE_SNAPSHOTS=1
// rewrites it).

const REFERENCE = 'test/expected/picture.png';
const STATE = '#from=2014-06-20&to=2014-06-26&map=4.5/32.5/41';

const app = servedTestApp();

/** The picture Save picture downloads, decoded. */
async function savePicture(): Promise<{ png: PNG; name: string }> {
  const context = await app.browser.newContext({ viewport: { width: 1100, height: 700 }, deviceScaleFactor: 1, acceptDownloads: true });
  const { page } = await openApp(context, app.served.url + STATE);
  await waitForMapIdle(page);
  const [download] = await Promise.all([page.waitForEvent('download'), shareItem(page, 'Save picture').then((item) => item.click())]);
  const png = PNG.sync.read(readFileSync((await download.path())!));
  const name = download.suggestedFilename();
  await context.close();
  return { png, name };
}

describe('a picture of the map', () => {
  it('is the map with its window, count, kinds and attribution drawn under it, the same for the same state', { timeout: 120_000 }, async () => {
    const first = await savePicture();
    expect(first.name).toBe('datelines-2014-06-20-2014-06-26.png');
    const { png } = first;
    // The map's own width, and a band under it that is not the map: mostly white, with dark text in it.
    const mapWidth = png.width;
    expect(mapWidth).toBeGreaterThan(500);
    const band = (y: number) => [...Array(png.width).keys()].map((x) => png.data[(y * png.width + x) * 4]);
    const bottomRows = [...Array(40).keys()].map((k) => band(png.height - 1 - k));
    const white = bottomRows.flat().filter((v) => v === 255).length / bottomRows.flat().length;
    const dark = bottomRows.flat().filter((v) => v < 120).length;
    expect(white).toBeGreaterThan(0.8);
    expect(dark).toBeGreaterThan(20);
    // Drawn twice from the same state: the same pixels, but for software rendering's noise.
    const second = (await savePicture()).png;
    expect([second.width, second.height]).toEqual([png.width, png.height]);
    const differ = pixelmatch(png.data, second.data, undefined, png.width, png.height, { threshold: 0.1 });
    expect(differ / (png.width * png.height)).toBeLessThan(0.002);
    writeFileSync('test-results/screens/picture.png', PNG.sync.write(png));
    if (process.env.UPDATE_SNAPSHOTS) writeFileSync(REFERENCE, PNG.sync.write(png));
    const reference = PNG.sync.read(readFileSync(REFERENCE));
    expect([reference.width, reference.height]).toEqual([png.width, png.height]);
    const fromReference = pixelmatch(png.data, reference.data, undefined, png.width, png.height, { threshold: 0.1 });
    expect(fromReference / (png.width * png.height)).toBeLessThan(0.01);
  });
});

import { describe, expect, it } from 'vitest';
import { whyNotLocation } from '../../src/ingest/locative.ts';
import type { Mention } from '../../src/ingest/mentions.ts';

/** Why `name` (its first occurrence, or the n-th) is not a location in `sentence`; null when it is one. */
function frameOf(sentence: string, name: string, others: string[] = [], occurrence = 0): string | null {
  const at = (n: string, k = 0) => {
    let i = -1;
    for (let j = 0; j <= k; j++) i = sentence.indexOf(n, i + 1);
    if (i < 0) throw new Error(`${n} not in sentence`);
    return { place: n.toLowerCase(), start: i, end: i + n.length } satisfies Mention;
  };
  return whyNotLocation(sentence, at(name, occurrence), others.map((o) => at(o)), false);
}

describe('places where something happened', () => {
  it('accepts a place after in, at, into', () => {
    expect(frameOf('Kerry told journalists in Baghdad.', 'Baghdad')).toBeNull();
    expect(frameOf('Diplomats gathered at NATO headquarters.', 'NATO headquarters')).toBeNull();
    expect(frameOf('Insurgents swept into the towns of Rawa and Ana.', 'Rawa')).toBeNull();
  });

  it('accepts the object of a capture, several words away', () => {
    expect(frameOf("Insurgents overran the strategic Shi'ite-majority northern town of Tal Afar.", 'Tal Afar')).toBeNull();
    expect(frameOf('Militants seized control of Mosul, the second city.', 'Mosul')).toBeNull();
  });

  it('lets a place joined by "and" share the frame of the one before', () => {
    expect(frameOf('Insurgents swept into the towns of Rawa and Ana.', 'Ana', ['Rawa'])).toBeNull();
    expect(frameOf('Aid was sent to Rawa and Ana.', 'Ana', ['Rawa'])).toBe('no-locative-frame');
  });

  it("accepts a city's outskirts", () => {
    expect(frameOf("A family of six was killed on Baghdad's northern outskirts.", 'Baghdad')).toBeNull();
  });

  it('accepts "tweeted from" as where the words were written', () => {
    expect(frameOf('“Progress must be paired with security,” Obeidi tweeted from Washington.', 'Washington')).toBeNull();
  });

  it('accepts a future meeting that has a date', () => {
    const sentence = 'Kerry will meet Abadi in Baghdad on Friday.';
    const start = sentence.indexOf('Baghdad');
    expect(whyNotLocation(sentence, { place: 'baghdad', start, end: start + 7 }, [], true)).toBeNull();
  });
});

describe('names that are not where something happened', () => {
  it('rejects a capital standing for its government', () => {
    expect(frameOf('Washington wants Arab states to bring pressure.', 'Washington')).toBe('government');
    expect(frameOf('U.S. President Obama has not backed air strikes as requested by Baghdad.', 'Baghdad')).toBe('government');
    expect(frameOf("Abadi informed Stoltenberg of Baghdad's plan to request aid.", 'Baghdad')).toBe('government');
    expect(frameOf('Iran did not notify officials in Baghdad.', 'Baghdad')).toBe('government');
  });

  it('rejects where someone came from or is heading', () => {
    expect(frameOf('A convoy from Ankara reached the border.', 'Ankara')).toBe('origin');
    expect(frameOf('A top official from Ankara assured the group.', 'Ankara')).toBe('government');
    expect(frameOf('An offensive is pushing toward Baghdad from the north.', 'Baghdad')).toBe('direction');
    expect(frameOf('Kerry pledged support to Baghdad.', 'Baghdad')).toBe('direction');
  });

  it('rejects a relative position ("west of Baghdad")', () => {
    expect(frameOf('Insurgents took towns in Anbar province, west of Baghdad.', 'Baghdad')).toBe('relative-position');
  });

  it('rejects a name used as an adjective', () => {
    expect(frameOf('He spoke to the Beirut-based Al Mayadeen TV.', 'Beirut')).toBe('compound');
  });

  it('rejects a name that qualifies the one before it ("Mosul, Iraq")', () => {
    expect(frameOf('Strongholds in Mosul, Iraq fell.', 'Iraq', ['Mosul'])).toBe('qualifier');
  });

  it('rejects a name inside an aside about someone else', () => {
    expect(frameOf('Kerry, who is expected to attend the talks in Brussels, met Maliki on Monday.', 'Brussels')).toBe('aside');
    expect(frameOf('The US, which has had no relations with Iran since the 1979 revolution in Tehran, did not invite it.', 'Tehran')).toBe('aside');
  });

  it('rejects talk of what may yet happen', () => {
    expect(frameOf('Officials suggested that wresting control of strongholds in Mosul is “only a matter of time.”', 'Mosul')).toBe('prospective');
    expect(frameOf('McGurk told the meeting that the liberation of Mosul “is now in sight.”', 'Mosul')).toBe('prospective');
  });

  it('rejects a name with no locative frame at all', () => {
    expect(frameOf('Raqqa remains the group’s capital, officials say.', 'Raqqa')).toBe('no-locative-frame');
  });

  it('keeps a quote that mentions the future from hiding where it was said', () => {
    expect(frameOf('“Support will be intense,” Kerry told journalists in Baghdad.', 'Baghdad')).toBeNull();
  });
});

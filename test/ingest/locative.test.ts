import { describe, expect, it } from 'vitest';
import { createSentenceJudge, whyNotLocation } from '../../src/ingest/rules/locative.ts';
import { verdictOf } from '../../src/ingest/rules/locative-rules.ts';
import type { Mention } from '../../src/ingest/places/mentions.ts';

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

  it('judges a sentence listing 4,000 names in one pass, each sharing the frame of the list', () => {
    // Cubic before: each name re-judged the whole chain before it (4,000 names took about a minute).
    const names = Array.from({ length: 4000 }, (_, i) => `Town${String.fromCharCode(65 + (i % 26))}${i}`);
    for (const [opening, first, rest] of [['Fighting was reported in ', null, null], ['Aid was sent to ', 'direction', 'no-locative-frame']] as const) {
      const sentence = `${opening}${names.join(', ')} and Mosul on Sunday.`;
      const mentions: Mention[] = [];
      for (const name of [...names, 'Mosul']) {
        const start = sentence.indexOf(name, mentions.at(-1)?.end ?? 0);
        mentions.push({ place: name.toLowerCase(), start, end: start + name.length });
      }
      const judge = createSentenceJudge(sentence, mentions, false, () => false);
      const verdicts = [...mentions].reverse().map((m) => verdictOf(judge.rule(m))).reverse(); // the last asked first: no recursion down the list
      expect(verdicts[0]).toBe(first);
      expect(new Set(verdicts.slice(1))).toEqual(new Set([rest]));
    }
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

describe('frames read over tags and lemmas (wink-nlp)', () => {
  it('accepts a place fronted before the clause that reports the event', () => {
    expect(frameOf('In Baghdad on June 23, militants attacked a checkpoint, police said.', 'Baghdad')).toBeNull();
  });

  it('accepts the object of any verb that acts on a place, not only a listed one', () => {
    expect(frameOf('Ukrainian troops entered the city of Kherson on Friday.', 'Kherson')).toBeNull();
    expect(frameOf('Police raided homes across Molenbeek overnight.', 'Molenbeek')).toBeNull();
    expect(frameOf('Gunmen hit six targets, including the Bataclan.', 'Bataclan')).toBeNull();
  });

  it('accepts a name set off by commas after a place noun: "the provincial capital, Tikrit,"', () => {
    expect(frameOf('Militants swept south, capturing the provincial capital, Tikrit, in April.', 'Tikrit')).toBeNull();
  });

  it('accepts "from" where something was taken away from the place, not where someone came from', () => {
    expect(frameOf('Russian forces withdrew from Bucha on March 30.', 'Bucha')).toBeNull();
    expect(frameOf('Buses evacuated hundreds of civilians from the besieged Old City of Homs.', 'Homs')).toBeNull();
    expect(frameOf('Refugees from Aleppo arrived in Turkey.', 'Aleppo')).toBe('origin');
  });

  it('accepts a place as the subject of a passive or a state, and of what befell it', () => {
    expect(frameOf('Witnesses said the Westgate Mall was raided by gunmen.', 'Westgate Mall')).toBeNull();
    expect(frameOf('Much of Biloxi was underwater Monday night.', 'Biloxi')).toBeNull();
    expect(frameOf('Pensacola seemed to avoid serious damage.', 'Pensacola')).toBeNull();
    expect(frameOf('Moscow has sent more troops to the border.', 'Moscow')).toBe('government');
  });

  it('accepts a name that locates the noun after it, unless that noun is a government', () => {
    expect(frameOf('Biloxi police said they knew of fatalities along the beach.', 'Biloxi')).toBeNull();
    expect(frameOf('Explosions were heard in a Brussels neighborhood.', 'Brussels')).toBeNull();
    expect(frameOf('Kyiv officials said nothing.', 'Kyiv')).toBe('government');
  });

  it("reads a possessive by what is owned: a part of the place or what happened there, else a government's", () => {
    expect(frameOf("Shells hit Kharkiv's residential Kyiv District.", 'Kharkiv')).toBeNull();
    expect(frameOf("Survivors wandered in Port-au-Prince's rubble-strewn streets.", 'Port-au-Prince')).toBeNull();
    expect(frameOf("Mosul's fall stunned the region.", 'Mosul')).toBeNull();
    expect(frameOf("Abadi informed Stoltenberg of Baghdad's plan to request aid.", 'Baghdad')).toBe('government');
  });

  it('reads "on" as locative for streets, squares and islands, and after a verb or an attack', () => {
    expect(frameOf('Protesters rebuilt their camp on Independence Square.', 'Independence Square')).toBeNull();
    expect(frameOf('Police converged on Maidan at dawn.', 'Maidan')).toBeNull();
    expect(frameOf('The West imposed sanctions on Moscow.', 'Moscow')).not.toBeNull();
  });

  it('rejects what a place is, rather than what happened there', () => {
    expect(frameOf('Raqqa remains the group’s capital.', 'Raqqa')).toBe('no-locative-frame');
    expect(frameOf('The mall is located in an upscale part of Nairobi.', 'Nairobi')).toBe('description');
    expect(frameOf('Born in Kirkuk, the commander led the assault.', 'Kirkuk')).toBe('description');
  });

  it('rejects a place only compared with', () => {
    expect(frameOf('It was the worst attack in Europe since the Madrid train bombings of 2004.', 'Madrid')).toBe('comparison');
  });

  it('rejects plans and threats read from verbs of intent, but not a noun "plan"', () => {
    expect(frameOf('Militants threaten to capture Kherson.', 'Kherson')).toBe('prospective');
    expect(frameOf('The army plans to retake Mosul.', 'Mosul')).toBe('prospective');
    expect(frameOf('The plan to rebuild was discussed at a meeting in Brussels on Monday.', 'Brussels')).toBeNull();
  });

  it('rejects a failure or refusal: "refused to allow aid into Venezuela", "not to fall"', () => {
    expect(frameOf('Maduro has refused to allow international aid into Venezuela.', 'Venezuela')).toBe('not-happened');
    expect(frameOf('It was the largest town in Nineveh not to fall to militants.', 'Nineveh')).toBe('not-happened');
  });

  it('rejects a capitalised common word at the start of a sentence that a gazetteer also knows as a town', () => {
    expect(frameOf('Many thought the floodwaters were coming.', 'Many')).toBe('not-a-name');
  });

  it('places an event at a country only when it happens in it', () => {
    const sentence = 'The abduction has shocked Nigeria, and troops deployed in Nigeria on Monday.';
    const at = (k: number) => { const i = k === 0 ? sentence.indexOf('Nigeria') : sentence.lastIndexOf('Nigeria'); return { place: 'nigeria', start: i, end: i + 7 }; };
    expect(whyNotLocation(sentence, at(0), [], false, () => true, () => true)).toBe('no-locative-frame');
    expect(whyNotLocation(sentence, at(1), [], false, () => true, () => true)).toBeNull();
  });
});

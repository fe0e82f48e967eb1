import { describe, expect, it } from 'vitest';
import { createMentionFinder } from '../../src/ingest/places/mentions.ts';
import { createPlace } from './helpers.ts';

function mentionsIn(text: string, places = [createPlace('tal-afar', { name: 'Tal Afar', aliases: ['Tal Afar', 'Tel Afar'] }), createPlace('ana', { name: 'Ana', aliases: ['Ana', 'Anah'] }), createPlace('afar', { name: 'Afar' })]) {
  return createMentionFinder(places)(text).map((m) => `${m.place}:${text.slice(m.start, m.end)}`);
}

describe('place mentions', () => {
  it('prefers the longest alias, so "Tal Afar" is not also "Afar"', () => {
    expect(mentionsIn('Insurgents overran Tal Afar.')).toEqual(['tal-afar:Tal Afar']);
  });

  it('knows the spellings news uses', () => {
    expect(mentionsIn('Fighting in Tel Afar and Anah.')).toEqual(['tal-afar:Tel Afar', 'ana:Anah']);
  });

  it('matches whole words only', () => {
    expect(mentionsIn('Banana farmers in Anaheim and Anbar.')).toEqual([]);
  });

  it('is case-aware: "ana" in lowercase prose is not the town, but a capitalised dateline is', () => {
    expect(mentionsIn('an ana-lysis of ana')).toEqual([]);
    expect(mentionsIn('TAL AFAR - Reuters')).toEqual(['tal-afar:TAL AFAR']);
  });

  it('finds a possessive and a hyphenated compound as mentions (the frame decides what they mean)', () => {
    expect(mentionsIn("Ana's outskirts and Tal Afar-based units")).toEqual(["ana:Ana", 'tal-afar:Tal Afar']);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { busiestPlaces, rankByName } from '../../src/core/place-ranking.ts';

/** Places given as name → events in the window, numbered in the order given. */
function createPlaces(list: [string, number][]) {
  const names = list.map(([name]) => name);
  return { names, nameRanks: rankByName(names), count: (place: number) => list[place][1] };
}

describe('rankByName', () => {
  it('ranks places in alphabetical order, whatever their numbers', () => {
    expect([...rankByName(['Mosul', 'Aleppo', 'Raqqa', 'Baghdad'])]).toEqual([2, 0, 3, 1]);
  });

  it('keeps places of one name in the order of their numbers', () => {
    expect([...rankByName(['Tripoli', 'Beirut', 'Tripoli'])]).toEqual([1, 0, 2]);
  });

  it('ranks nothing for no places', () => {
    expect([...rankByName([])]).toEqual([]);
  });
});

describe('busiestPlaces', () => {
  it('puts the busiest place first, and places with as many events in name order', () => {
    const { count, nameRanks } = createPlaces([
      ['Mosul', 3],
      ['Aleppo', 1],
      ['Raqqa', 7],
      ['Baghdad', 3],
      ['Kirkuk', 0],
    ]);
    expect(busiestPlaces(count, nameRanks, 100)).toEqual([2, 3, 0, 1, 4]);
  });

  it('keeps only the `limit` busiest, the name deciding the last place between equals', () => {
    const { count, nameRanks } = createPlaces([
      ['Tikrit', 2],
      ['Mosul', 5],
      ['Fallujah', 2],
      ['Ramadi', 2],
      ['Baiji', 9],
    ]);
    expect(busiestPlaces(count, nameRanks, 3)).toEqual([4, 1, 2]);
  });

  it('ranks only the candidates when some are given (the places a search found)', () => {
    const { count, nameRanks } = createPlaces([
      ['Mosul', 3],
      ['Aleppo', 1],
      ['Raqqa', 7],
      ['Baghdad', 3],
    ]);
    expect(busiestPlaces(count, nameRanks, 100, [1, 3, 0])).toEqual([3, 0, 1]);
  });

  it('gives nothing for no places, no candidates or a limit of 0', () => {
    const { count, nameRanks } = createPlaces([['Mosul', 3]]);
    expect(busiestPlaces(() => 0, rankByName([]), 100)).toEqual([]);
    expect(busiestPlaces(count, nameRanks, 100, [])).toEqual([]);
    expect(busiestPlaces(count, nameRanks, 0)).toEqual([]);
  });

  it('lists places with no events in the window after the others, by name', () => {
    const { count, nameRanks } = createPlaces([
      ['Raqqa', 0],
      ['Aleppo', 0],
      ['Mosul', 1],
    ]);
    expect(busiestPlaces(count, nameRanks, 100)).toEqual([2, 1, 0]);
  });

  it('gives what sorting every candidate by count, then name, and keeping the first `limit` gives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('Aleppo', 'Baghdad', 'Mosul', 'Raqqa', 'Tripoli'), fc.integer({ min: 0, max: 4 })), { maxLength: 40 }),
        fc.integer({ min: 0, max: 12 }),
        fc.boolean(),
        (list, limit, searched) => {
          const { count, nameRanks } = createPlaces(list);
          const candidates = searched ? list.map((_, p) => p).filter((p) => p % 3 !== 1) : undefined;
          const sorted = [...(candidates ?? list.map((_, p) => p))].sort((p, q) => count(q) - count(p) || nameRanks[p] - nameRanks[q]);
          expect(busiestPlaces(count, nameRanks, limit, candidates)).toEqual(sorted.slice(0, limit));
        },
      ),
      { numRuns: 500 },
    );
  });
});

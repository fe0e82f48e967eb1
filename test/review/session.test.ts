import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../../src/core/model.ts';
import { compare, correctionKey, versionOf } from '../../src/review/session.ts';

function createEvent(overrides: Partial<EventRecord> = {}): EventRecord {
  return { id: 'a#1', article: 'a', place: 'mosul', start: '2014-06-10', end: '2014-06-10', category: 'capture', quote: 'Militants took Mosul on June 10.', quoteStart: 0, mentionStart: 15, mentionEnd: 20, dateBasis: 'stated', dateText: 'on June 10', ...overrides };
}

describe('what a change did to the events', () => {
  it('counts an event gone, one moved, one re-dated and one newly checked, pairing them by where their place is named', () => {
    const before = [createEvent(), createEvent({ id: 'a#2', quoteStart: 40, mentionStart: 50, mentionEnd: 55 }), createEvent({ id: 'b#1', article: 'b' }), createEvent({ id: 'c#1', article: 'c' })];
    const after = [createEvent({ place: 'tal-afar', checked: true }), createEvent({ id: 'b#1', article: 'b', start: '2014-06-01', checked: true }), createEvent({ id: 'c#1', article: 'c', checked: true })];
    expect(compare(before, after)).toEqual({ gone: 1, came: 0, moved: 1, redated: 1, checked: 3 });
  });

  it('pairs events with no mention (a dateline place) by their place: a move is one gone and one new', () => {
    const before = [createEvent({ mentionStart: null, mentionEnd: null })];
    const after = [createEvent({ mentionStart: null, mentionEnd: null, place: 'tal-afar' })];
    expect(compare(before, after)).toEqual({ gone: 1, came: 1, moved: 0, redated: 0, checked: 0 });
  });

  it('says nothing changed between the same events', () => {
    expect(compare([createEvent()], [createEvent()])).toEqual({ gone: 0, came: 0, moved: 0, redated: 0, checked: 0 });
  });
});

describe('versions and keys', () => {
  it('gives another version when either file changes, and the same for the same files', () => {
    expect(versionOf('{}', 'places')).toBe(versionOf('{}', 'places'));
    expect(versionOf('{}', 'places')).not.toBe(versionOf('{ }', 'places'));
    expect(versionOf('{}', 'places')).not.toBe(versionOf('{}', 'places '));
    expect(versionOf('ab', 'c')).not.toBe(versionOf('a', 'bc'));
  });

  it('names an event as corrections.json does: white space in the sentence aside', () => {
    expect(correctionKey('a', 'Militants  took\nMosul.', 'mosul')).toBe(correctionKey('a', 'Militants took Mosul.', 'mosul'));
    expect(correctionKey('a', 'Militants took Mosul.', 'mosul')).not.toBe(correctionKey('a', 'Militants took Mosul.', 'tal-afar'));
  });
});

import { describe, expect, it } from 'vitest';
import { WindowCounts } from '../../src/core/event-columns.ts';
import { CATEGORIES, type Category, type PlaceSummary } from '../../src/core/model.ts';
import { eventDataOf } from '../../src/data/dataset.ts';
import { PlaceMarks, areaOutlines, outlinedAreas } from '../../src/map/marks.ts';
import { createEvent, createPlace } from '../ingest/helpers.ts';
import { columnsOf } from '../reference-counts.ts';

const look = { radius: (n: number) => n * 10, color: (c: Category) => (c === 'attack' ? 'red' : 'blue') };

function setUp() {
  const events = [createEvent({ place: 'a', start: 1, category: 'attack' }), createEvent({ place: 'a', start: 2, category: 'attack' }), createEvent({ place: 'b', start: 5, end: 8, category: 'meeting' })];
  const { columns, places } = columnsOf(events);
  const counts = new WindowCounts(columns);
  return { counts, marks: new PlaceMarks(places.map((id) => createPlace(id)), look) };
}

describe('place marks', () => {
  it('keep every place, faded at 0 when it has no event in the window, so nothing jumps', () => {
    const { counts, marks } = setUp();
    counts.moveTo({ from: 0, to: 3 });
    expect(marks.all(counts).features.map((f) => [f.id, f.properties.id, f.properties.count, f.properties.radius, f.properties.color])).toEqual([
      [0, 'a', 2, 20, 'red'],
      [1, 'b', 0, 4, '#9a948a'],
    ]);
  });

  it('mark a place whose events all have date ranges as uncertain', () => {
    const { counts, marks } = setUp();
    counts.moveTo({ from: 0, to: 10 });
    expect(marks.all(counts).features.map((f) => f.properties.uncertain)).toEqual([0, 1]);
  });

  it('mark a place as unsure when every event it shows is under the default threshold, and send the change', () => {
    // a: 0.3 (day 1) and 0.8 (day 2); b: 0.2 (days 5–8); the default threshold 0.47.
    const events = [
      createEvent({ place: 'a', start: 1, category: 'attack', confidence: 0.3 }),
      createEvent({ place: 'a', start: 2, category: 'attack', confidence: 0.8 }),
      createEvent({ place: 'b', start: 5, end: 8, category: 'meeting', confidence: 0.2 }),
    ];
    const { columns, places } = columnsOf(events);
    const counts = new WindowCounts(columns, 47);
    const marks = new PlaceMarks(places.map((id) => createPlace(id)), look);
    counts.moveTo({ from: 0, to: 10 });
    expect(marks.all(counts).features.map((f) => f.properties.unsure)).toEqual([0, 1]);
    const changes = marks.changes(counts, counts.moveTo({ from: 1, to: 1 })); // a shows only its 0.3 event
    expect(changes?.update.map((u) => [u.id, Object.fromEntries(u.addOrUpdateProperties.map((p) => [p.key, p.value])).unsure])).toEqual([[0, 1], [1, 0]]);
  });

  it('draw no point for a place none of whose events is sure enough to show, and send it no change', () => {
    const events = [
      createEvent({ place: 'a', start: 1, category: 'attack', confidence: 0.8 }),
      createEvent({ place: 'b', start: 5, category: 'meeting', confidence: 0.2 }),
    ];
    const { columns, places } = columnsOf(events);
    const data = eventDataOf(columns, 0.47);
    const counts = data.createWindowCounts();
    const sure = data.confidenceMask(0.47);
    counts.setMask(sure);
    counts.moveTo({ from: 0, to: 10 });
    const marks = new PlaceMarks(places.map((id) => createPlace(id)), look);
    expect(marks.all(counts, data.totalsOf(sure)).features.map((f) => f.properties.id)).toEqual(['a']);
    expect(marks.changes(counts, counts.moveTo({ from: 4, to: 6 }))?.update.map((u) => u.id)).toEqual([0]); // a fades; b has no point
    // The reader lowers the minimum: b is drawn, as unsure.
    const all = data.confidenceMask(0.1);
    counts.setMask(all);
    counts.moveTo({ from: 0, to: 10 });
    expect(marks.all(counts, data.totalsOf(all)).features.map((f) => [f.properties.id, f.properties.unsure])).toEqual([['a', 0], ['b', 1]]);
  });

  it('send only the marks whose look changed since last sent', () => {
    const { counts, marks } = setUp();
    counts.moveTo({ from: 0, to: 3 });
    marks.all(counts);
    expect(marks.changes(counts, counts.moveTo({ from: 0, to: 3 }))).toBeNull();
    const changes = marks.changes(counts, counts.moveTo({ from: 2, to: 6 }));
    expect(changes?.update.map((u) => [u.id, Object.fromEntries(u.addOrUpdateProperties.map((p) => [p.key, p.value]))]).sort()).toEqual([
      [0, { count: 1, radius: 10, color: 'red', uncertain: 0, unsure: 0 }],
      [1, { count: 1, radius: 10, color: 'blue', uncertain: 1, unsure: 0 }],
    ]);
    // A jump that recounts from nothing (touched = null) still sends only what changed.
    expect(marks.changes(counts, null)).toBeNull();
    expect(CATEGORIES.length).toBeLessThanOrEqual(16); // the category fits the 4 bits of an event's code
  });

  it('outline provinces with events, and a country only when selected', () => {
    const places = [createPlace('babil', { kind: 'province', radiusKm: 60 }), createPlace('turkey', { kind: 'country', radiusKm: 800 }), createPlace('baghdad')];
    const outlined = (hasEvents: (p: PlaceSummary) => boolean, selected: string | null) => areaOutlines(outlinedAreas(places, hasEvents, selected)).features.map((f) => f.properties.id);
    expect(outlined(() => true, null)).toEqual(['babil']);
    expect(outlined(() => true, 'turkey')).toEqual(['babil', 'turkey']);
    expect(outlined((p) => p.id !== 'babil', 'turkey')).toEqual(['turkey']);
  });
});

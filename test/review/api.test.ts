import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_APP } from '../browser/harness.ts';
import { createTextCorpus } from '../text-corpus.ts';
import { readJudgeFile } from '../../src/ingest/judge/model-file.ts';
import { startReviewServer } from '../../src/review/server.ts';
import { openSession } from '../../src/review/session.ts';
import { ask, createPlacesReviewServer } from './review-corpus.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** The places review (see review-corpus.ts), with readers of what it wrote. */
async function createPlacesReview() {
  const { corpus, session, server } = await createPlacesReviewServer(TEST_APP);
  cleanups.push(() => server.close(), () => rmSync(corpus.dir, { recursive: true, force: true }));
  const events = () => JSON.parse(readFileSync(join(corpus.dir, 'events.json'), 'utf8')) as { events: { id: string; place: string; article: string }[]; places: { id: string; geometry: { coordinates: number[] }; properties: { name: string; candidates?: { ref: string; name: string }[] } }[] };
  const curated = () => JSON.parse(readFileSync(corpus.places, 'utf8')) as { features: { id: string; properties: { source: string; reviewed?: boolean } }[]; notPlaces?: { name: string }[] };
  const found = (name: string) => events().places.find((p) => p.properties.name === name)!;
  return { corpus, session, server, events, curated, found };
}

describe('settling a place on the map', () => {
  it('accepts a place the gazetteer found: it joins the curated file and is no longer under review', async () => {
    const review = await createPlacesReview();
    const kherson = review.found('Kherson');
    const reply = await ask(review.server, 'POST', '/api/places', { body: { version: review.session.version(), place: kherson.id, decision: 'accept' } });
    expect(reply.status).toBe(200);
    expect(review.curated().features.map((f) => f.id)).toContain(kherson.id);
    expect(review.events().places.map((p) => p.id)).not.toContain(kherson.id);
    expect(review.events().events.some((e) => e.place === kherson.id)).toBe(true);
  });

  it('chooses another candidate: the place is curated at the runner-up', async () => {
    const review = await createPlacesReview();
    const lalitpur = review.found('Lalitpur');
    const runnerUp = lalitpur.properties.candidates![0];
    const reply = await ask(review.server, 'POST', '/api/places', { body: { version: review.session.version(), place: lalitpur.id, decision: 'choose', ref: runnerUp.ref } });
    expect(reply.status).toBe(200);
    const feature = review.curated().features.find((f) => f.id === lalitpur.id)!;
    expect(feature.properties.source).toContain(`(${runnerUp.name}), chosen over`);
  });

  it('refuses a ref that is not one of the place’s candidates', async () => {
    const review = await createPlacesReview();
    const before = readFileSync(review.corpus.places, 'utf8');
    const reply = await ask(review.server, 'POST', '/api/places', { body: { version: review.session.version(), place: review.found('Kherson').id, decision: 'choose', ref: 'geonames:1' } });
    expect(reply.status).toBe(400);
    expect(readFileSync(review.corpus.places, 'utf8')).toBe(before);
  });

  it('rejects a place: its name is recorded as no place and its events leave the map; Undo brings them back', async () => {
    const review = await createPlacesReview();
    const before = readFileSync(review.corpus.places, 'utf8');
    const kherson = review.found('Kherson');
    const reply = await ask(review.server, 'POST', '/api/places', { body: { version: review.session.version(), place: kherson.id, decision: 'reject' } });
    expect(reply.status).toBe(200);
    expect((reply.json() as { changes: { gone: number } }).changes.gone).toBeGreaterThan(0);
    expect(review.curated().notPlaces?.map((n) => n.name)).toContain('Kherson');
    expect(review.events().events.some((e) => e.place === kherson.id)).toBe(false);
    expect((await ask(review.server, 'POST', '/api/undo', { body: { version: review.session.version() } })).status).toBe(200);
    expect(readFileSync(review.corpus.places, 'utf8')).toBe(before);
    expect(review.events().events.some((e) => e.place === kherson.id)).toBe(true);
  });
});

describe('moving an event', () => {
  it('finds places by name: the corpus’s and the gazetteer’s, with country, population and distance from the article’s other places', async () => {
    const review = await createPlacesReview();
    const event = review.events().events.find((e) => e.place === review.found('Kherson').id)!;
    const reply = await ask(review.server, 'GET', `/api/places?version=${review.session.version()}&event=${encodeURIComponent(event.id)}&q=Odesa`);
    expect(reply.status).toBe(200);
    const results = (reply.json() as { results: { to: string; country: string; population: number | null; from: string; nearest: { name: string; km: number } | null }[] }).results;
    const odesa = results.find((r) => r.country === 'UA' && r.from === 'gazetteer')!;
    expect(odesa.population).toBeGreaterThan(500_000);
    expect(odesa.nearest?.name).toBe('Kyiv');
    expect(odesa.nearest!.km).toBeGreaterThan(300);
    expect(odesa.nearest!.km).toBeLessThan(600);
    const corpusHit = await ask(review.server, 'GET', `/api/places?version=${review.session.version()}&event=${encodeURIComponent(event.id)}&q=ky`);
    expect((corpusHit.json() as { results: { from: string; name: string }[] }).results[0]).toMatchObject({ from: 'found', name: 'Kyiv' });
  });

  it('finds the places near a point clicked on the map, nearest first', async () => {
    const review = await createPlacesReview();
    const event = review.events().events.find((e) => e.place === review.found('Kherson').id)!;
    const odesa = [30.7326, 46.4775]; // the centre of Odesa, [lng, lat]
    const reply = await ask(review.server, 'GET', `/api/places?version=${review.session.version()}&event=${encodeURIComponent(event.id)}&near=${odesa.join(',')}`);
    expect(reply.status).toBe(200);
    const results = (reply.json() as { results: { name: string; fromPoint: number }[] }).results;
    expect(results[0].name).toBe('Odesa');
    expect(results[0].fromPoint).toBeLessThan(3);
    expect(results.map((r) => r.fromPoint)).toEqual([...results.map((r) => r.fromPoint)].sort((a, b) => a - b));
    expect(results.every((r) => r.fromPoint <= 60)).toBe(true);
    expect((await ask(review.server, 'GET', `/api/places?version=${review.session.version()}&event=${encodeURIComponent(event.id)}&near=200,1`)).status).toBe(400);
  });

  it('offers first, of the gazetteer’s places of a name, those in the article’s frame: Sāmarrā’ in a story of Baghdad, before the larger Samara', async () => {
    const corpus = createTextCorpus([
      { id: 'tikrit-push', text: 'Troops advanced on Tikrit on Monday, officials said. Ministers met in Baghdad on Tuesday.\n', published: '2014-06-20', headline: 'Push', outlet: 'Test wire' },
    ]);
    const session = openSession({ articles: corpus.articles, places: corpus.places }, readJudgeFile());
    const server = await startReviewServer(session, TEST_APP, 0, { log: () => {} });
    cleanups.push(() => server.close(), () => rmSync(corpus.dir, { recursive: true, force: true }));
    const events = JSON.parse(readFileSync(join(corpus.dir, 'events.json'), 'utf8')) as { events: { id: string; place: string }[]; places: { id: string; properties: { name: string } }[] };
    const baghdad = events.places.find((p) => p.properties.name === 'Baghdad')!;
    const event = events.events.find((e) => e.place !== baghdad.id)!;
    const search = async (version: string, q = 'Samara') => (await ask(server, 'GET', `/api/places?version=${version}&event=${encodeURIComponent(event.id)}&q=${q}`)).json() as { results: { name: string; country: string; population: number | null; nearest: { name: string } | null }[] };
    const results = (await search(session.version())).results;
    expect(results[0]).toMatchObject({ country: 'IQ', nearest: { name: 'Baghdad' } });
    expect(results.find((r) => r.country === 'RU' && r.population !== null)!.population).toBeGreaterThan(results[0].population!);
    // Half the name typed: the names it begins are offered too, in the same order.
    const typing = (await search(session.version(), 'Samar')).results;
    expect(typing[0]).toMatchObject({ name: results[0].name, country: 'IQ' });
    expect(typing.some((r) => r.country === 'RU')).toBe(true);
    expect((await search(session.version(), 'Sa')).results.some((r) => r.country === 'IQ')).toBe(false); // two letters: the name typed only
  });

  it('moves an event to a gazetteer entry: the place is added to the curated file, the event goes there and is checked', async () => {
    const review = await createPlacesReview();
    const event = review.events().events.find((e) => e.place === review.found('Kherson').id)!;
    const search = await ask(review.server, 'GET', `/api/places?version=${review.session.version()}&event=${encodeURIComponent(event.id)}&q=Odesa`);
    const odesa = (search.json() as { results: { to: string; country: string }[] }).results.find((r) => r.country === 'UA')!;
    const reply = await ask(review.server, 'POST', '/api/corrections', { body: { version: review.session.version(), event: event.id, action: 'move', to: odesa.to } });
    expect(reply.status).toBe(200);
    expect((reply.json() as { changes: { moved: number } }).changes.moved).toBe(1);
    const added = review.curated().features.at(-1)!;
    expect(added.properties.source).toContain(odesa.to.split(':')[1]);
    const moved = review.events().events.find((e) => e.article === 'kherson-march' && e.place === added.id) as { checked?: true } | undefined;
    expect(moved?.checked).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../../src/ingest/gazetteer/gazetteer.ts';
import { nameKey } from '../../../src/ingest/gazetteer/normalize.ts';

describe('the gazetteer by the start of a name', () => {
  const gazetteer = loadGazetteer();

  it('finds the entries of every name that begins so, the whole name included, each once', () => {
    const found = gazetteer.withPrefix(nameKey('Samar').key, 2000);
    const names = found.map((i) => gazetteer.entry(i).name);
    expect(names).toEqual(expect.arrayContaining(['Samara']));
    expect(found.some((i) => gazetteer.entry(i).country === 'IQ')).toBe(true);
    expect(new Set(found).size).toBe(found.length);
    for (const i of gazetteer.lookup(nameKey('Samara').key)!) expect(found).toContain(i);
  });

  it('reads no more keys than asked, and finds nothing for a start no name has', () => {
    const one = gazetteer.withPrefix(nameKey('Sam').key, 1);
    const many = gazetteer.withPrefix(nameKey('Sam').key, 500);
    expect(one.length).toBeGreaterThan(0);
    expect(many.length).toBeGreaterThan(one.length);
    for (const i of one) expect(many).toContain(i);
    expect(gazetteer.withPrefix('zzzzqx', 100)).toEqual([]);
  });
});

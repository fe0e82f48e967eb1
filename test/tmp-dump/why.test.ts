import { it } from 'vitest';
import { whyNotLocation } from '../../src/ingest/locative.ts';
import { tag } from '../../src/ingest/language.ts';
it('why', () => {
  const s = process.env.S!; const n = process.env.N!;
  const i = s.indexOf(n);
  console.log(tag(s).map((t) => `${t.text}/${t.pos}/${t.lemma}`).join(' '));
  console.log('WHY', whyNotLocation(s, { place: 'x', start: i, end: i + n.length }, [], false, () => true, () => process.env.C === '1'));
});

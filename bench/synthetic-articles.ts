import { createRandom } from './synthetic-corpus.ts';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const TEMPLATES = [
  (p: string, r: () => number) => `Militants overran ${p} on ${pick(WEEKDAYS, r)}, officials said.`,
  (p: string, r: () => number) => `The minister told reporters in ${p} on ${pick(MONTHS, r)} ${1 + Math.floor(r() * 28)} that talks would continue.`,
  (p: string) => `At the weekend, insurgents swept into the town of ${p} after days of heavy fighting.`,
  (p: string) => `Security forces regained control of ${p} earlier this month, a police captain said.`,
  (p: string, r: () => number) => `A car bomb exploded in central ${p} on ${pick(WEEKDAYS, r)}, killing at least ${2 + Math.floor(r() * 40)} people.`,
  (p: string) => `Washington wants regional leaders to bring pressure on officials in ${p}.`,
  () => 'The government said the situation remained tense but under control.',
  () => 'U.S. officials have stopped short of calling for new elections, but there is little doubt about their concern.',
  () => '"This is a critical moment for the country," the envoy said.',
];

function pick<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)];
}

/** `count` wire-style articles of about `bytes` characters each, naming the given places, from a seed. */
export function createSyntheticArticles(count: number, placeNames: readonly string[], seed: number, bytes = 4000) {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    let text = `Wire report ${i}\n\n`;
    while (text.length < bytes) text += `${pick(TEMPLATES, random)(pick(placeNames, random), random)} `.repeat(1) + (random() < 0.3 ? '\n' : '');
    return { id: `wire-${i}`, text };
  });
}

#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { InputError, formatProblem } from '../core/validate.ts';
import { evaluate } from './evaluate.ts';
import { f1, precision, recall } from './score.ts';

const USAGE = 'usage: npm run eval -- [--corpus test/corpus] [--half tune|test|all] [--no-gazetteer] [--verbose] [--json]';

function main(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { corpus: { type: 'string', default: 'test/corpus' }, half: { type: 'string', default: 'all' }, verbose: { type: 'boolean', default: false }, 'no-gazetteer': { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 1;
  }
  if (values.help) return process.stdout.write(`${USAGE}\n`), 0;
  const halves = values.half === 'all' ? ['tune', 'test'] : [values.half];
  try {
    const { figures, details, placeMisses } = evaluate(values.corpus, halves, { gazetteer: !values['no-gazetteer'] });
    if (values.json) return process.stdout.write(`${JSON.stringify(figures)}\n`), 0;
    for (const [setting, byHalf] of details) {
      for (const [half, perStory] of byHalf) {
        process.stdout.write(`\n${setting} — ${half} half\n${'story'.padEnd(18)} precision  recall   F1     (right/false, found/required)\n`);
        for (const [story, s] of perStory) process.stdout.write(`${story.padEnd(18)} ${fmt(precision(s))}      ${fmt(recall(s))}    ${fmt(f1(s))}  (${s.truePositives}/${s.falsePositives}, ${s.found}/${s.required})\n`);
        const f = figures[setting][half];
        process.stdout.write(`places: ${fmt(f.placesFound)} of the required events' places named in their sentence are found there\n`);
        if (values.verbose) {
          for (const m of placeMisses.get(setting)!.get(half)!) process.stdout.write(`  PLACE ${m.gold.article} ${m.gold.place}: found ${m.found.length ? m.found.join(', ') : 'nothing'} — ${m.gold.quote.slice(0, 100)}\n`);
          const all = perStory.get('(all)')!;
          for (const m of all.misses) process.stdout.write(`  MISS  ${m.gold.article} ${m.gold.place} ${m.gold.start}: ${m.cause} — ${m.gold.quote.slice(0, 110)}\n`);
          for (const f of all.falseEvents) process.stdout.write(`  FALSE ${f.event.article} ${f.event.place} ${f.event.start}..${f.event.end}: ${f.cause} — ${f.event.quote.slice(0, 110)}\n`);
        }
      }
    }
    return 0;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    return 1;
  }
}

function fmt(x: number): string {
  return x.toFixed(2);
}


process.exitCode = main(process.argv.slice(2));

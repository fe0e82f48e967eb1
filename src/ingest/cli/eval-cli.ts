#!/usr/bin/env node
import { inputErrorStatus, readCommandLine } from './command-line.ts';
import { evaluate, readDevCorpus } from '../eval/evaluate.ts';
import { f1, precision, recall } from '../eval/score.ts';
import { loadGazetteer } from '../gazetteer/gazetteer.ts';
import { readModelFile } from '../geoparse/model-file.ts';
import { evaluateCategory, type CategoryEvaluation } from '../judge/category.ts';
import { evaluateJudge, type JudgeEvaluation } from '../judge/train.ts';
import { BENCHMARKS, BENCHMARK_FOLDER, evaluateBenchmarks, publishedRows, type BenchmarkResult, type PublishedRow } from '../geoparse/benchmarks.ts';

const USAGE = 'usage: npm run eval -- [--corpus test/corpus] [--half tune|test|all] [--no-gazetteer] [--geoparse ../shared/geoparse] [--verbose] [--json]';

function main(argv: string[]): number {
  const values = readCommandLine(argv, { corpus: { type: 'string', default: 'test/corpus' }, half: { type: 'string', default: 'all' }, verbose: { type: 'boolean', default: false }, 'no-gazetteer': { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, geoparse: { type: 'string', default: BENCHMARK_FOLDER } } as const, USAGE);
  if (typeof values === 'number') return values;
  const halves = values.half === 'all' ? ['tune', 'test'] : [values.half];
  try {
    const { figures, details, placeMisses, placesByStory } = evaluate(values.corpus, halves, { gazetteer: !values['no-gazetteer'] });
    const geoparsing = values['no-gazetteer'] ? [] : evaluateBenchmarks(values.geoparse, loadGazetteer(), readModelFile());
    const dev = readDevCorpus(values.corpus);
    const judged = evaluateJudge(dev, values['no-gazetteer'] ? null : loadGazetteer());
    const kinds = evaluateCategory(dev);
    if (values.json) return process.stdout.write(`${JSON.stringify({ ...figures, judge: judgeFigures(judged), category: { examples: kinds.examples, rules: round3(kinds.rules), model: round3(kinds.model), used: round3(kinds.used) }, geoparsing: Object.fromEntries(BENCHMARKS.filter((b) => geoparsing.some((r) => r.id === b.id)).map((b) => [b.id, Object.fromEntries(geoparsing.filter((r) => r.id === b.id).map((r) => [r.system, r.figures]))])) })}\n`), 0;
    for (const [setting, byHalf] of details) {
      for (const [half, perStory] of byHalf) {
        process.stdout.write(`\n${setting} — ${half} half\n${'story'.padEnd(18)} precision  recall   F1     (right/false, found/required)  places found in their sentence (with the learned geoparser)\n`);
        const placed = placesByStory.get(setting)!.get(half)!;
        for (const [story, s] of perStory) {
          const p = placed.get(story);
          const places = p && p.named ? `${fmt(p.found / p.named)} (${p.found}/${p.named})  (${fmt(p.learned / p.named)})` : '—';
          const counts = `(${s.truePositives}/${s.falsePositives}, ${s.found}/${s.required})`;
          process.stdout.write(`${story.padEnd(18)} ${fmt(precision(s))}      ${fmt(recall(s))}    ${fmt(f1(s))}  ${counts.padEnd(30)}${places}\n`);
        }
        const f = figures[setting][half];
        process.stdout.write(`places: ${fmt(f.placesFound)} of the required events' places named in their sentence are found there (${fmt(f.placesFoundLearned)} with the learned geoparser reading the rules' places)\n`);
        if (values.verbose) {
          for (const m of placeMisses.get(setting)!.get(half)!) process.stdout.write(`  PLACE ${m.gold.article} ${m.gold.place}: found ${m.found.length ? m.found.join(', ') : 'nothing'} — ${m.gold.quote.slice(0, 100)}\n`);
          const all = perStory.get('(all)')!;
          for (const m of all.misses) process.stdout.write(`  MISS  ${m.gold.article} ${m.gold.place} ${m.gold.start}: ${m.cause} — ${m.gold.quote.slice(0, 110)}\n`);
          for (const f of all.falseEvents) process.stdout.write(`  FALSE ${f.event.article} ${f.event.place} ${f.event.start}..${f.event.end}: ${f.cause} — ${f.event.quote.slice(0, 110)}\n`);
        }
      }
    }
    process.stdout.write(judgeReport(judged, values.verbose));
    process.stdout.write(categoryReport(kinds));
    process.stdout.write(geoparsingReport(geoparsing, publishedRows(values.geoparse), values.geoparse, values.verbose));
    return 0;
  } catch (error) {
    return inputErrorStatus(error);
  }
}

/**
 * The geoparser on the public benchmarks, by the field's protocol (see geoparse/score.ts), each beside the systems
 * published on it; or a line saying the benchmarks are not there.
 */
function geoparsingReport(results: readonly BenchmarkResult[], published: Map<string, PublishedRow[]>, folder: string, verbose: boolean): string {
  if (results.length === 0) return `\ngeoparsing: no benchmarks in ${folder} (lgl.json, trnews.json): not measured\n`;
  const lines = ['', 'geoparsing — public benchmarks, end to end (every name, countries included; see docs/geoparse.md)'];
  lines.push(`${'corpus / system'.padEnd(46)} P      R      F1     acc@161  AUC    median km  (tp/fp/fn)`);
  for (const b of BENCHMARKS) {
    const rows = results.filter((r) => r.id === b.id);
    for (const r of rows) {
      const f = r.figures;
      lines.push(`${`${r.label}: Datelines (${r.system})`.padEnd(46)} ${fmt3(f.precision)}  ${fmt3(f.recall)}  ${fmt3(f.f1)}  ${fmt3(f.acc161)}    ${fmt3(f.auc)}  ${f.medianKm.toFixed(0).padStart(9)}  (${f.tp}/${f.fp}/${f.fn})`);
    }
    for (const row of published.get(b.id) ?? []) if (rows.length) lines.push(`${`${b.label}: ${row.system}`.padEnd(46)} ${'—'.padEnd(5)}  ${'—'.padEnd(5)}  ${fmt3(row.f1)}  ${fmt3(row.acc161)}    (published)`);
  }
  for (const r of results) {
    if (verbose) {
      const missed = new Map<string, number>();
      const spurious = new Map<string, number>();
      for (const { score } of r.scores) {
        for (const m of score.missed) missed.set(m.name, (missed.get(m.name) ?? 0) + 1);
        for (const p of score.spurious) spurious.set(p.name, (spurious.get(p.name) ?? 0) + 1);
      }
      const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([name, n]) => `${name} ${n}`).join(', ');
      lines.push(`${r.label}, ${r.system}:`, `  most missed: ${top(missed)}`, `  most spurious: ${top(spurious)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The judge's held-out figures, by setting: the whole corpus's P, R, F1 and counts at the default threshold. */
function judgeFigures(j: JudgeEvaluation) {
  return { threshold: j.threshold, thresholdRule: j.thresholdRule, ...Object.fromEntries([...j.scores].map(([setting, perStory]) => {
    const all = perStory.get('(all)')!;
    return [setting, { precision: round3(precision(all)), recall: round3(recall(all)), f1: round3(f1(all)), tp: all.truePositives, fp: all.falsePositives, found: all.found, required: all.required }];
  })), calibration: j.calibration, rules: j.rules };
}

/**
 * The judge, leave-one-story-out (each story scored by a model trained on the others), at the default threshold
 * (the lowest with precision ≥ 0.85 held out, out of the box): per story and setting; the calibration table; the
 * most confident false events and the least confident true ones.
 */
function judgeReport(j: JudgeEvaluation, verbose: boolean): string {
  const lines = ['', `judge — leave one story out (every story scored by a model trained on the others), at the default threshold ${j.threshold}: ${j.thresholdRule}`];
  for (const [setting, perStory] of j.scores) {
    lines.push(`${setting}`, `${'story'.padEnd(18)} precision  recall   F1     (right/false, found/required)`);
    for (const [story, s] of perStory) lines.push(`${story.padEnd(18)} ${fmt(precision(s))}      ${fmt(recall(s))}    ${fmt(f1(s))}  (${s.truePositives}/${s.falsePositives}, ${s.found}/${s.required})`);
  }
  lines.push('the locative rules, out of the box: each sentence × place by the rule that decided it, and how many a reader marks as an event (for frame, the rules\' precision; for a rule that sets a place aside, how often it was wrong to)');
  for (const r of j.rules) lines.push(`  ${r.rule.padEnd(30)} ${r.verdict.padEnd(22)} ${String(r.candidates).padStart(5)}  ${String(r.marked).padStart(4)} marked  ${fmt(r.marked / r.candidates)}`);
  lines.push('calibration, out of the box (events the judge keeps, held out): band, events, predicted, observed precision');
  for (const b of j.calibration) if (b.count) lines.push(`  ${b.from.toFixed(1)}–${b.to.toFixed(1)}  ${String(b.count).padStart(4)}  ${fmt(b.predicted)}  ${fmt(b.observed)}${b.count >= 20 && Math.abs(b.predicted - b.observed) > 0.1 ? '  (off by more than 0.10)' : ''}`);
  const show = (h: JudgeEvaluation['kept'][number]) => `  ${h.p.toFixed(2)} ${h.candidate.article} ${h.candidate.place} ${h.candidate.start}..${h.candidate.end}: ${h.candidate.quote.replace(/\s+/g, ' ').slice(0, 110)}`;
  const n = verbose ? 30 : 10;
  lines.push(`the ${n} most confident false events (held out, out of the box):`, ...[...j.kept].filter((h) => !h.label).sort((a, b) => b.p - a.p).slice(0, n).map(show));
  lines.push(`the ${n} least confident true events (held out, out of the box):`, ...[...j.kept].filter((h) => h.label).sort((a, b) => a.p - b.p).slice(0, n).map(show));
  return `${lines.join('\n')}\n`;
}

/** The kind of event, leave one story out: the share of gold events given their gold category, by the rules and by the model. */
function categoryReport(k: CategoryEvaluation): string {
  const lines = [
    '',
    `category — leave one story out, on the ${k.examples} gold events (share given their gold kind): the rules' verb lists ${fmt(k.rules)}, the model alone ${fmt(k.model)}, as the ingest gives it (the model where the rules fall back or hear speech) ${fmt(k.used)}`,
    `${'story'.padEnd(18)} rules  model  used`,
  ];
  for (const [story, [rules, model, used]] of k.byStory) lines.push(`${story.padEnd(18)} ${fmt(rules)}   ${fmt(model)}   ${fmt(used)}`);
  return `${lines.join('\n')}\n`;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function fmt3(x: number): string {
  return x.toFixed(3);
}

function fmt(x: number): string {
  return x.toFixed(2);
}


process.exitCode = main(process.argv.slice(2));

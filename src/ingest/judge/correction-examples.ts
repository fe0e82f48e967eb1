import { formatDay, parseDay } from '../../core/day.ts';
import type { Candidate } from '../rules/extract.ts';
import { readInputs, type IngestPaths } from '../run/files.ts';
import type { Gazetteer } from '../gazetteer/gazetteer.ts';
import { runIngest } from '../run/pipeline.ts';
import { correctionKey, latestCorrections, readCorrections, type Correction } from '../corrections/corrections.ts';
import { confidenceOf, type JudgeModel } from './judge.ts';
import type { JudgeExample } from './train.ts';

/**
 * A newsroom's corrections as the judge's examples (`npm run train -- --with-corrections`): the corpus's candidates
 * (every sentence × place × date reading the rules and the gazetteer propose), labelled where a person decided.
 * Of a sentence × place's readings, the one the ingest showed is the likeliest by the judge the person reviewed with.
 * - right: the shown reading is an event; wrong (not an event, wrong place, repeats another): none of its readings is;
 *   wrong date: the shown reading is not;
 * - move: no reading at the old place is, the likeliest at the new place (when the rules proposed it there) is;
 * - date: a reading of the new day or range is, the shown one (if another) is not.
 * Candidates no correction names are not examples: nobody said.
 */
export const CORRECTIONS_STORY = 'corrections';

export interface CorrectionExamples {
  examples: JudgeExample[];
  /** Corrections that labelled at least one candidate, and those whose sentence × place the rules no longer propose. */
  used: number;
  unmatched: number;
}

export function correctionExamples(paths: Omit<IngestPaths, 'out'>, gazetteer: Gazetteer | null, judge: JudgeModel): CorrectionExamples {
  const latest = latestCorrections(readCorrections(paths.articles));
  if (latest.size === 0) return { examples: [], used: 0, unmatched: 0 };
  const { corpus, places, notPlaces } = readInputs(paths, gazetteer);
  const result = runIngest(corpus, places, { gazetteer, notPlaces, explain: false, judging: { candidates: true } });
  const readings = new Map<string, Candidate[]>();
  for (const candidate of result.events as Candidate[]) {
    const k = correctionKey(candidate.article, candidate.quote, candidate.place);
    const list = readings.get(k);
    if (list) list.push(candidate);
    else readings.set(k, [candidate]);
  }
  const shown = (list: readonly Candidate[] | undefined): Candidate | undefined => {
    let best: Candidate | undefined;
    let bestP = -1;
    for (const c of list ?? []) {
      const p = confidenceOf(judge, c.features);
      if (p > bestP) [best, bestP] = [c, p];
    }
    return best;
  };
  const examples: JudgeExample[] = [];
  const label = (candidate: Candidate, yes: boolean) => examples.push({ story: CORRECTIONS_STORY, setting: CORRECTIONS_STORY, candidate, label: yes });
  let used = 0;
  for (const [k, { correction }] of latest) {
    const list = readings.get(k);
    const before = examples.length;
    labelOne(correction, list, shown, label, readings);
    if (examples.length > before) used++;
  }
  return { examples, used, unmatched: latest.size - used };
}

function labelOne(
  c: Correction,
  list: readonly Candidate[] | undefined,
  shown: (list: readonly Candidate[] | undefined) => Candidate | undefined,
  label: (candidate: Candidate, yes: boolean) => void,
  readings: ReadonlyMap<string, Candidate[]>,
): void {
  const was = shown(list);
  switch (c.action) {
    case 'right':
      if (was) label(was, true);
      return;
    case 'wrong':
      if (c.reason === 'wrong-date') {
        if (was) label(was, false);
      } else for (const r of list ?? []) label(r, false);
      return;
    case 'move': {
      for (const r of list ?? []) label(r, false);
      const there = shown(readings.get(correctionKey(c.article, c.quote, c.to)));
      if (there) label(there, true);
      return;
    }
    case 'date': {
      const [start, end] = [formatDay(parseDay(c.to.start)!), formatDay(parseDay(c.to.end)!)];
      const right = (list ?? []).filter((r) => r.start === start && r.end === end);
      for (const r of right) label(r, true);
      if (was && !right.includes(was)) label(was, false);
      return;
    }
  }
}

import * as v from 'valibot';
import { SUPPORTED_DAYS, formatDay, parseDay } from '../day.ts';
import { ID_PATTERN } from '../model.ts';
import { formatProblem, type InputProblem } from '../problem.ts';

/** What every input's validation throws: each problem names the file and the field. */
export class InputError extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}


/** Field schemas shared by the files that name ids, days and texts (articles, places, events, corrections). */
export const ID = v.pipe(v.string(), v.regex(ID_PATTERN, 'must be lowercase kebab-case'));
export const ISO_DAY = v.pipe(
  v.string(),
  v.check((s) => parseDay(s) !== null, 'must be a real calendar day, YYYY-MM-DD'),
  v.check((s) => {
    const day = parseDay(s);
    return day === null || (day >= SUPPORTED_DAYS.start && day <= SUPPORTED_DAYS.end);
  }, `must lie between ${formatDay(SUPPORTED_DAYS.start)} and ${formatDay(SUPPORTED_DAYS.end)}`),
);
export const TEXT = v.pipe(v.string(), v.minLength(1, 'must not be empty'));

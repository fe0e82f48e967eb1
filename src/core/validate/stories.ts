import * as v from 'valibot';
import { parseDay } from '../day.ts';
import type { Story } from '../story.ts';
import type { InputProblem } from '../problem.ts';
import { ID, ISO_DAY, InputError, TEXT } from './fields.ts';
import { issuesToProblems, parseJson } from './json.ts';

const MAX_STEPS = 200;
const MAX_CAPTION = 2000; // characters

const ViewSchema = v.strictObject({
  zoom: v.pipe(v.number(), v.minValue(0, 'must be 0–24'), v.maxValue(24, 'must be 0–24')),
  lat: v.pipe(v.number(), v.minValue(-85.051129, 'must be −85.05–85.05'), v.maxValue(85.051129, 'must be −85.05–85.05')),
  lng: v.pipe(v.number(), v.minValue(-180, 'must be −180–180'), v.maxValue(180, 'must be −180–180')),
});

const StepSchema = v.strictObject({
  from: ISO_DAY,
  to: ISO_DAY,
  place: v.optional(ID),
  view: v.optional(ViewSchema),
  title: v.optional(TEXT),
  caption: v.pipe(TEXT, v.maxLength(MAX_CAPTION, `must be at most ${MAX_CAPTION} characters`)),
});

const StorySchema = v.strictObject({
  title: TEXT,
  steps: v.pipe(v.array(StepSchema), v.minLength(1, 'must hold at least one step'), v.maxLength(MAX_STEPS, `must hold at most ${MAX_STEPS} steps`)),
});

/**
 * Parses a story file's text (`data/stories/<id>.json`, see docs/sharing.md). `places` are the ids a step may open
 * (the places the dataset shows). Throws an InputError listing every problem, each naming the file and the field.
 */
export function parseStory(json: string, file: string, id: string, places: ReadonlySet<string>): Story {
  const problems: InputProblem[] = [];
  if (!v.is(ID, id)) problems.push({ file, field: '(name)', message: 'the file name must be a lowercase kebab-case id, then .json' });
  const data = parseJson(json, file);
  const result = v.safeParse(StorySchema, data);
  if (!result.success) throw new InputError([...problems, ...issuesToProblems(result.issues, file, '')]);
  const steps = result.output.steps.map((step, i) => {
    const field = `steps[${i}]`;
    const from = parseDay(step.from)!;
    const to = parseDay(step.to)!;
    if (from > to) problems.push({ file, field: `${field}.to`, message: `must not be before from (${step.from})` });
    if ((step.place === undefined) === (step.view === undefined)) problems.push({ file, field, message: 'must give either a place or a view, not both or neither' });
    if (step.place !== undefined && !places.has(step.place)) problems.push({ file, field: `${field}.place`, message: `unknown place "${step.place}" (no place with events has this id)` });
    return { from, to, place: step.place ?? null, view: step.view ?? null, title: step.title ?? null, caption: step.caption };
  });
  if (problems.length) throw new InputError(problems);
  return { id, title: result.output.title, steps };
}

import { describe, expect, it } from 'vitest';
import { parseDay } from '../../src/core/day.ts';
import { InputError, parseStory, type InputProblem } from '../../src/core/validate.ts';

const places = new Set(['baghdad', 'cairo']);

function createStory(stepOverrides: Record<string, unknown> = {}) {
  return { title: 'A week', steps: [{ from: '2014-06-22', to: '2014-06-23', place: 'baghdad', caption: 'Kerry met Maliki.', ...stepOverrides }] };
}

function problemsOf(json: string, id = 'a-week'): string[] {
  try {
    parseStory(json, 'stories/a-week.json', id, places);
  } catch (error) {
    if (error instanceof InputError) return error.problems.map((p: InputProblem) => `${p.file}: ${p.field}: ${p.message}`);
    throw error;
  }
  return [];
}

describe('a story file as the build reads it', () => {
  it('gives the steps as days, the place or the view, and the caption', () => {
    const json = JSON.stringify({ title: 'A week', steps: [createStory().steps[0], { from: '2014-06-24', to: '2014-06-24', view: { zoom: 5, lat: 33.3, lng: 44.4 }, title: 'The region', caption: 'Wider.' }] });
    expect(parseStory(json, 'stories/a-week.json', 'a-week', places)).toEqual({
      id: 'a-week',
      title: 'A week',
      steps: [
        { from: parseDay('2014-06-22'), to: parseDay('2014-06-23'), place: 'baghdad', view: null, title: null, caption: 'Kerry met Maliki.' },
        { from: parseDay('2014-06-24'), to: parseDay('2014-06-24'), place: null, view: { zoom: 5, lat: 33.3, lng: 44.4 }, title: 'The region', caption: 'Wider.' },
      ],
    });
  });

  it('names the file and the position when the file is not JSON', () => {
    expect(problemsOf('{"title": "A week", "steps": [')).toEqual(['stories/a-week.json: (json): invalid JSON: line 1, column 31: CloseBracketExpected']);
  });

  it('names a missing field', () => {
    expect(problemsOf(JSON.stringify(createStory({ caption: undefined })))).toEqual(['stories/a-week.json: steps[0].caption: is missing']);
    expect(problemsOf(JSON.stringify({ steps: createStory().steps }))).toEqual(['stories/a-week.json: title: is missing']);
  });

  it('names a place the dataset does not show', () => {
    expect(problemsOf(JSON.stringify(createStory({ place: 'atlantis' })))).toEqual(['stories/a-week.json: steps[0].place: unknown place "atlantis" (no place with events has this id)']);
  });

  it('refuses a step with both a place and a view, or neither', () => {
    expect(problemsOf(JSON.stringify(createStory({ view: { zoom: 4, lat: 30, lng: 40 } })))).toEqual(['stories/a-week.json: steps[0]: must give either a place or a view, not both or neither']);
    expect(problemsOf(JSON.stringify(createStory({ place: undefined })))).toEqual(['stories/a-week.json: steps[0]: must give either a place or a view, not both or neither']);
  });

  it('refuses a window that ends before it starts, an impossible day, an unknown key and an empty story', () => {
    expect(problemsOf(JSON.stringify(createStory({ from: '2014-06-25' })))).toEqual(['stories/a-week.json: steps[0].to: must not be before from (2014-06-25)']);
    expect(problemsOf(JSON.stringify(createStory({ to: '2014-02-30' })))).toEqual(['stories/a-week.json: steps[0].to: must be a real calendar day, YYYY-MM-DD']);
    expect(problemsOf(JSON.stringify(createStory({ zoom: 3 })))[0]).toMatch(/^stories\/a-week\.json: steps\[0\]\.zoom: /);
    expect(problemsOf(JSON.stringify({ title: 'A week', steps: [] }))).toEqual(['stories/a-week.json: steps: must hold at least one step']);
  });

  it('refuses a file name that is no id', () => {
    expect(problemsOf(JSON.stringify(createStory()), 'A Week')).toEqual(['stories/a-week.json: (name): the file name must be a lowercase kebab-case id, then .json']);
  });
});

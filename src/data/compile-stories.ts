import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError, parseStory, type InputProblem } from '../core/validate.ts';
import type { Story } from '../core/story.ts';
import type { StoriesFile } from './compiled-format.ts';
import { collect, readText } from '../io/read-files.ts';

/**
 * The corpus's stories, `<folder>/*.json` (folder: `stories/` beside articles.json; absent means none), validated
 * against the places the dataset shows and compiled as `stories.json` (StoriesFile), sorted by id. Throws an
 * InputError naming every problem of every story at once.
 */
export function compileStories(folder: string, places: ReadonlySet<string>): string {
  const problems: InputProblem[] = [];
  const stories: Story[] = [];
  const names = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.json')).sort() : [];
  for (const name of names) {
    const file = join(folder, name);
    const story = collect(problems, () => parseStory(readText(file, '(file)', { within: folder }), file, name.slice(0, -'.json'.length), places));
    if (story) stories.push(story);
  }
  if (problems.length) throw new InputError(problems);
  const compiled: StoriesFile = { stories };
  return JSON.stringify(compiled);
}

/** The stories of the corpus whose records are `articles` (its `stories/` folder), against the places the dataset shows. */
export function corpusStories(articles: string, shown: readonly { id: string }[]): string {
  return compileStories(join(dirname(articles), 'stories'), new Set(shown.map((p) => p.id)));
}

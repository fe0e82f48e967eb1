import type { Story } from '../core/story.ts';
import type { StoriesFile } from './compiled-format.ts';
import { fetchAppFile } from './embedded.ts';

/**
 * The compiled stories (`stories.json` beside meta.json, see StoriesFile); none when the dataset has no such file
 * (a dataset compiled without stories, as the review server's is). Rejects with a message when it cannot be read.
 */
export async function loadStories(base: URL): Promise<Story[]> {
  const response = await fetchAppFile(new URL('stories.json', base));
  if (response.status === 404) return [];
  if (!response.ok) throw new Error(`stories.json: HTTP ${response.status}`);
  const file = (await response.json()) as StoriesFile;
  return file.stories;
}

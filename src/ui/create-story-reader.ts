import { createSignal } from 'solid-js';
import { clampStep, type Story, type StoryStep } from '../core/story.ts';
import type { UrlState } from '../core/url-state.ts';
import type { MapControls } from '../map/MapCanvas.tsx';
import type { createAppState } from '../state/app-state.ts';
import { loadStories } from '../data/stories.ts';

/**
 * The story reader's state: the corpus's stories (loaded once, at start: the file is small), the story open and
 * its step (1-based), kept in the URL as `story=<id>&step=<n>`. `show` moves the map and the timeline to a step;
 * it is called when a step is taken here (opened, Previous, Next, a link), not when Back or Forward apply a hash
 * (the hash carries the window and the place already); the promise it returns settles once the step's place is open.
 */
export function createStoryReader(options: { base: URL; initial: UrlState; show(step: StoryStep): Promise<void> | void }) {
  const [stories, setStories] = createSignal<Story[]>([]);
  const [problem, setProblem] = createSignal<string | null>(null);
  /** Counts the steps taken here: the card takes the focus back once each has moved the map (see StoryCard). */
  const [stepsTaken, setStepsTaken] = createSignal(0);
  const [open, setOpen] = createSignal<{ id: string; step: number } | null>(options.initial.story ? { id: options.initial.story, step: options.initial.step ?? 1 } : null);

  const story = (): Story | null => {
    const o = open();
    return (o && stories().find((s) => s.id === o.id)) ?? null;
  };
  const goTo = (s: Story, step: number) => {
    const k = clampStep(step, s.steps.length);
    setOpen({ id: s.id, step: k });
    const done = () => setStepsTaken((n) => n + 1);
    Promise.resolve(options.show(s.steps[k - 1])).then(done, done);
  };

  loadStories(options.base).then(
    (list) => {
      setStories(list);
      const o = open();
      const linked = o && list.find((s) => s.id === o.id);
      if (linked) goTo(linked, o.step);
      else if (o) setOpen(null); // a link to a story this dataset lacks opens the map as it is
    },
    (error: Error) => {
      setProblem(`The stories cannot be read (${error.message}).`);
      setOpen(null);
    },
  );

  return {
    stories,
    problem,
    stepsTaken,
    story,
    /** The open story's step, 1-based. */
    step: () => open()?.step ?? 1,
    openStory: (id: string) => {
      const s = stories().find((x) => x.id === id);
      if (s) goTo(s, 1);
    },
    next: () => {
      const s = story();
      if (s) goTo(s, open()!.step + 1);
    },
    previous: () => {
      const s = story();
      if (s) goTo(s, open()!.step - 1);
    },
    close: () => setOpen(null),
    /** The hash's part for the story (kept while the stories load, so that a link's step is not lost). */
    urlPart: (): Pick<UrlState, 'story' | 'step'> => {
      const o = open();
      return o ? { story: o.id, step: o.step } : {};
    },
    /** A hash read from the address (Back, Forward): the story and step it names, or none. */
    apply(url: UrlState) {
      const s = url.story ? stories().find((x) => x.id === url.story) : undefined;
      setOpen(s ? { id: s.id, step: clampStep(url.step, s.steps.length) } : null);
    },
  };
}

export type StoryReader = ReturnType<typeof createStoryReader>;

/** How the page shows a step: the window set, its place opened (and revealed), or the map moved to its view. */
export function showStepIn(state: ReturnType<typeof createAppState>, reveal: (id: string | null) => void, mapControls: () => MapControls | null) {
  return (step: StoryStep): Promise<void> | void => {
    state.setWindow({ from: step.from, to: step.to });
    if (step.place) return state.select(step.place, reveal);
    if (state.selected()) state.close();
    if (step.view) mapControls()?.jumpTo(step.view);
  };
}

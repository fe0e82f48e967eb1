import { createSignal, onCleanup } from 'solid-js';
import type { TimeWindow } from '../core/time-window.ts';
import { PLAYBACK_SPEEDS, firstPlaybackStep, holdFor, nextPlaybackStep, type PlaybackData, type PlaybackSpeed } from '../core/playback-schedule.ts';

/**
 * Play/Pause over the schedule in core/playback-schedule.ts: each window it names is handed to `onWindow` (the one
 * place the window is applied, so the label, the count and the map all follow the same change) and held for as long
 * as the schedule says, until the window reaches the end of the timeline. A change of speed applies to the window
 * showing now: its hold is measured again from when it appeared.
 */
export type Playback = ReturnType<typeof createPlayback>;

export function createPlayback(options: { window: () => TimeWindow; data: () => PlaybackData; onWindow(w: TimeWindow): void }) {
  const [playing, setPlaying] = createSignal(false);
  const [speed, setSpeedSignal] = createSignal<PlaybackSpeed>('normal');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let shownAt = 0; // performance.now() when the window showing now was applied

  const daysPerSecond = () => PLAYBACK_SPEEDS[speed()];
  const show = (window: TimeWindow, hold: number) => {
    options.onWindow(window);
    shownAt = performance.now();
    wait(hold);
  };
  const wait = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(advance, Math.max(0, ms));
  };
  const advance = () => {
    const next = nextPlaybackStep(options.window(), options.data(), daysPerSecond());
    if (next) show(next.window, next.hold);
    else stop();
  };
  const start = () => {
    setPlaying(true);
    const first = firstPlaybackStep(options.window(), options.data(), daysPerSecond());
    show(first.window, first.hold);
  };
  const stop = () => {
    clearTimeout(timer);
    timer = undefined;
    setPlaying(false);
  };
  const setSpeed = (next: PlaybackSpeed) => {
    setSpeedSignal(next);
    if (playing()) wait(holdFor(options.window(), options.data(), daysPerSecond()) - (performance.now() - shownAt));
  };
  onCleanup(stop);
  return { playing, speed, setSpeed, toggle: () => (playing() ? stop() : start()), stop };
}

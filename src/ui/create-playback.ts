import { createSignal, onCleanup } from 'solid-js';
import { DEFAULT_WINDOW_DAYS, shiftWindow, stepToEventDay, type TimeWindow } from '../core/time-window.ts';

const DAYS_PER_SECOND = 6;
const SKIP_AFTER_DAYS = 2; // an empty stretch longer than this is jumped over

/**
 * Play/Pause: moves the window forward a day at a time, keeping its width, until its end reaches the end of the
 * data; a stretch with no event ahead is jumped over, so the animation spends its time where the news is. Driven
 * by animation frames, so it pauses with the tab.
 */
export function createPlayback(options: { window: () => TimeWindow; extent: () => TimeWindow; eventDays: () => readonly number[]; onWindow(w: TimeWindow): void }) {
  const [playing, setPlaying] = createSignal(false);
  let frame = 0;
  let last = 0;
  let carry = 0;

  const tick = (now: number) => {
    carry += ((now - last) / 1000) * DAYS_PER_SECOND;
    last = now;
    const days = Math.floor(carry);
    if (days > 0) {
      carry -= days;
      const w = options.window();
      if (w.to >= options.extent().to) return stop();
      const next = stepToEventDay(options.eventDays(), w.to, 1);
      const skip = next !== null && next - w.to > SKIP_AFTER_DAYS ? next - w.to - 1 : 0;
      options.onWindow(shiftWindow(w, days + skip, options.extent()));
    }
    frame = requestAnimationFrame(tick);
  };
  const start = () => {
    const w = options.window();
    const extent = options.extent();
    // From the end, or with the window covering everything, start again from the beginning with a week.
    if (w.to >= extent.to) options.onWindow({ from: extent.from, to: Math.min(extent.to, extent.from + DEFAULT_WINDOW_DAYS - 1) });
    setPlaying(true);
    last = performance.now();
    carry = 0;
    frame = requestAnimationFrame(tick);
  };
  const stop = () => {
    cancelAnimationFrame(frame);
    setPlaying(false);
  };
  onCleanup(stop);
  return { playing, toggle: () => (playing() ? stop() : start()), stop };
}

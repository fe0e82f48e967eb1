import { createSignal, onCleanup } from 'solid-js';
import { shiftWindow, type TimeWindow } from '../core/time-window.ts';

const DAYS_PER_SECOND = 6;

/**
 * Play/Pause: moves the window forward a day at a time, keeping its width, until its end reaches the end of the
 * data. Driven by animation frames, so it pauses with the tab.
 */
export function createPlayback(options: { window: () => TimeWindow; extent: () => TimeWindow; onWindow(w: TimeWindow): void }) {
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
      options.onWindow(shiftWindow(w, days, options.extent()));
    }
    frame = requestAnimationFrame(tick);
  };
  const start = () => {
    const w = options.window();
    const extent = options.extent();
    // From the end, or with the window covering everything, start again from the beginning with a week.
    if (w.to >= extent.to) options.onWindow({ from: extent.from, to: Math.min(extent.to, extent.from + Math.min(w.to - w.from, 6)) });
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

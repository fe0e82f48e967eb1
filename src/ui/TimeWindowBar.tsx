import { scaleSqrt, scaleUtc } from 'd3-scale';
import { For, Show, createEffect, createMemo, createSignal, onCleanup, onMount, untrack } from 'solid-js';
import { domainAround, fitInside, panDomain, rebin, zoomDomain } from '../core/axis.ts';
import { histogram, type DailyCounts } from '../core/counts.ts';
import { MS_PER_DAY, type Day } from '../core/day.ts';
import { formatRange, formatTicks } from '../core/format.ts';
import { clampWindow, shiftWindow, stepToEventDay, type TimeWindow as Window } from '../core/time-window.ts';
import { DateHandle } from './DateHandle.tsx';
import { createPlayback } from './create-playback.ts';

const CHART_HEIGHT = 56; // px, bars area
const BAR_MIN_PX = 3; // days are merged into wider bars below this width

export interface TimeWindowBarProps {
  /** Events per day of the extent. */
  daily: DailyCounts;
  /** The days on which events start, sorted: where "previous/next day with events" and playback stop. */
  eventDays: readonly Day[];
  extent: Window;
  window: Window;
  onWindow(window: Window): void;
  /** Told when playback starts and stops (the live count stays quiet while it plays). */
  onPlayingChange?(playing: boolean): void;
}

/**
 * The time window over a histogram of events per day. Exact days are solid bars; days an event with a date range
 * may have happened on are hatched. Wheel zooms the axis, drag across the chart selects a window.
 */
export function TimeWindowBar(props: TimeWindowBarProps) {
  let track!: HTMLDivElement;
  const bounds = () => ({ from: props.extent.from - 3, to: props.extent.to + 3 });
  // A link that names a window opens with the axis around it; otherwise the whole timeline shows.
  const whole = props.window.from <= props.extent.from && props.window.to >= props.extent.to;
  const [domain, setDomain] = createSignal<Window>(whole ? bounds() : domainAround(props.window, bounds()));
  const [width, setWidth] = createSignal(600);
  const [brush, setBrush] = createSignal<Window | null>(null);

  onMount(() => {
    const observer = new ResizeObserver(([entry]) => setWidth(Math.max(100, entry.contentRect.width)));
    observer.observe(track);
    onCleanup(() => observer.disconnect());
  });

  const span = () => domain().to - domain().from + 1;
  const x = (day: Day) => ((day - domain().from) / span()) * width();
  const dayAt = (px: number) => Math.floor(domain().from + (Math.min(Math.max(px, 0), width() - 0.01) / width()) * span());
  const trackX = (clientX: number) => clientX - track.getBoundingClientRect().left;

  const bins = createMemo(() => {
    const size = Math.max(1, Math.ceil(span() / (width() / BAR_MIN_PX)));
    return { size, bins: rebin(histogram(props.daily, domain()), size) };
  });
  // Square-root heights, so that a day with one event still shows beside the day with the most.
  const y = createMemo(() => scaleSqrt().domain([0, Math.max(1, ...bins().bins.map((b) => b.exact + b.possible))]).range([0, CHART_HEIGHT - 4]));
  const ticks = createMemo(() => {
    const scale = scaleUtc().domain([new Date(domain().from * MS_PER_DAY), new Date((domain().to + 1) * MS_PER_DAY)]).range([0, width()]);
    const dates = scale.ticks(Math.max(2, Math.floor(width() / 100)));
    const tickDays = dates.map((t) => Math.round(t.getTime() / MS_PER_DAY));
    const labels = formatTicks(tickDays, tickDays.length > 1 ? tickDays[1] - tickDays[0] : span());
    return dates.map((t, i) => ({ x: scale(t), label: labels[i] }));
  });

  // Keep both handles on the visible axis when the window moves by keyboard, playback or the URL.
  createEffect(() => {
    const w = props.window;
    const d = untrack(domain);
    if (w.from >= d.from && w.to <= d.to) return;
    const width = d.to - d.from;
    setDomain(w.to - w.from <= width * 0.8 ? fitInside(w.from < d.from ? { from: w.from - 2, to: w.from - 2 + width } : { from: w.to + 2 - width, to: w.to + 2 }, bounds()) : domainAround(w, bounds()));
  });

  const days = () => props.eventDays;
  const playback = createPlayback({ window: () => props.window, extent: () => props.extent, eventDays: days, onWindow: (w) => props.onWindow(clampWindow(w, props.extent)) });
  // Any change a person makes pauses playback: they have taken the window in hand.
  const set = (w: Window) => {
    playback.stop();
    props.onWindow(clampWindow(w, props.extent));
  };
  createEffect(() => props.onPlayingChange?.(playback.playing()));

  const step = (direction: 1 | -1) => {
    const w = props.window;
    const whole = w.from <= props.extent.from && w.to >= props.extent.to;
    const target = stepToEventDay(days(), whole && direction === 1 ? w.from - 1 : w.from, direction);
    if (target === null) return;
    const width = whole ? 0 : w.to - w.from;
    set({ from: target, to: target + width });
  };

  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const anchor = dayAt(trackX(e.clientX));
    if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
      setDomain(panDomain(domain(), Math.round(((e.deltaX || e.deltaY) / width()) * span()), bounds()));
    } else {
      setDomain(zoomDomain(domain(), anchor, e.deltaY > 0 ? 1.25 : 0.8, bounds()));
    }
  };

  const onChartPointerDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    const chart = e.currentTarget as HTMLElement;
    chart.setPointerCapture(e.pointerId);
    const start = dayAt(trackX(e.clientX));
    const grabbed = props.window;
    // Inside the window (unless it fills the axis) a drag moves it; elsewhere a drag selects a new one.
    const moving = start >= grabbed.from && start <= grabbed.to && (grabbed.from > domain().from || grabbed.to < domain().to);
    let moved = false;
    const move = (m: PointerEvent) => {
      const day = dayAt(trackX(m.clientX));
      moved ||= day !== start;
      if (!moved) return;
      if (moving) set(shiftWindow(grabbed, day - start, props.extent));
      else setBrush({ from: Math.min(start, day), to: Math.max(start, day) });
    };
    const end = (commit: boolean) => () => {
      const selected = brush();
      if (commit && moved && selected) set(selected);
      setBrush(null);
      chart.removeEventListener('pointermove', move);
      chart.removeEventListener('pointerup', up);
      chart.removeEventListener('pointercancel', cancel);
    };
    const up = end(true);
    const cancel = end(false);
    chart.addEventListener('pointermove', move);
    chart.addEventListener('pointerup', up);
    chart.addEventListener('pointercancel', cancel);
  };

  const inDomain = (day: Day) => day >= domain().from && day <= domain().to + 1;
  const band = () => brush() ?? props.window;
  const zoomed = () => domain().from > bounds().from || domain().to < bounds().to;

  return (
    <section class="time-window" aria-label="Time window">
      <div class="time-controls">
        <button type="button" class="icon-button" onClick={() => step(-1)} aria-label="Previous day with events" title="Previous day with events">
          <Icon path="M7 5v14M19 5 9 12l10 7z" />
        </button>
        <button type="button" class="icon-button play" onClick={playback.toggle} aria-pressed={playback.playing()} aria-label={playback.playing() ? 'Pause' : 'Play'} title={playback.playing() ? 'Pause' : 'Play: move the window forward through time'}>
          <Icon path={playback.playing() ? 'M7 5h4v14H7zM13 5h4v14h-4z' : 'M7 5v14l12-7z'} />
        </button>
        <button type="button" class="icon-button" onClick={() => step(1)} aria-label="Next day with events" title="Next day with events">
          <Icon path="M17 5v14M5 5l10 7-10 7z" />
        </button>
        <p class="window-label">
          <strong>{formatRange(props.window.from, props.window.to)}</strong>
          <span class="muted"> · {props.window.to - props.window.from + 1} {props.window.to === props.window.from ? 'day' : 'days'}</span>
        </p>
        <div class="axis-buttons">
          <button type="button" onClick={() => setDomain(domainAround(props.window, bounds()))}>Zoom to window</button>
          <button type="button" onClick={() => setDomain(bounds())} disabled={!zoomed()}>Whole timeline</button>
          <button type="button" onClick={() => set(props.extent)}>All dates</button>
        </div>
      </div>
      <div class="track" ref={track}>
        <svg class="chart" width={width()} height={CHART_HEIGHT} onWheel={onWheel} onPointerDown={onChartPointerDown} role="img" aria-label={`Events per day, ${formatRange(domain().from, domain().to)}. Drag to choose a window, scroll to zoom.`}>
          <defs>
            <pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="4" height="4" fill="#ebe6de" />
              <line x1="0" y1="0" x2="0" y2="4" stroke="#9d9484" stroke-width="1.6" />
            </pattern>
          </defs>
          <rect class="window-band" x={Math.max(0, x(band().from))} width={Math.max(2, Math.min(width(), x(band().to + 1)) - Math.max(0, x(band().from)))} y={0} height={CHART_HEIGHT} />
          <For each={bins().bins}>
            {(bin) => {
              const w = () => Math.max(1, x(bin.day + bins().size) - x(bin.day) - 1);
              const exactH = () => y()(bin.exact);
              const possibleH = () => y()(bin.possible);
              const inside = () => bin.day + bins().size - 1 >= props.window.from && bin.day <= props.window.to;
              return (
                <g classList={{ outside: !inside() }}>
                  <Show when={bin.exact > 0}>
                    <rect class="bar exact" x={x(bin.day)} width={w()} y={CHART_HEIGHT - exactH()} height={exactH()} />
                  </Show>
                  <Show when={bin.possible > 0}>
                    <rect class="bar possible" x={x(bin.day)} width={w()} y={CHART_HEIGHT - exactH() - possibleH()} height={possibleH()} fill="url(#hatch)" />
                  </Show>
                </g>
              );
            }}
          </For>
        </svg>
        <DateHandle
          label="Start date"
          value={props.window.from}
          min={props.extent.from}
          max={props.window.to}
          x={inDomain(props.window.from) ? x(props.window.from) : null}
          side="left"
          onChange={(day) => set({ from: day, to: props.window.to })}
          onDrag={(clientX) => set({ from: Math.min(dayAt(trackX(clientX) + 0.5 * (width() / span())), props.window.to), to: props.window.to })}
        />
        <DateHandle
          label="End date"
          value={props.window.to}
          min={props.window.from}
          max={props.extent.to}
          x={inDomain(props.window.to + 1) ? x(props.window.to + 1) : null}
          side="right"
          onChange={(day) => set({ from: props.window.from, to: day })}
          onDrag={(clientX) => set({ from: props.window.from, to: Math.max(dayAt(trackX(clientX) - 0.5 * (width() / span())), props.window.from) })}
        />
        <div class="ticks" aria-hidden="true">
          <For each={ticks()}>{(t) => <span class="tick" style={{ left: `${t.x}px` }}>{t.label}</span>}</For>
        </div>
      </div>
    </section>
  );
}

function Icon(props: { path: string }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true">
      <path d={props.path} fill="currentColor" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" />
    </svg>
  );
}

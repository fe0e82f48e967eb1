import { scaleUtc } from 'd3-scale';
import { For, Show, createEffect, createMemo, createSignal, createUniqueId, onCleanup, onMount, untrack } from 'solid-js';
import { domainAround, fitInside, makeDayScale, panDomain, zoomDomain } from '../core/axis.ts';
import type { DailyCounts } from '../core/counts.ts';
import { MS_PER_DAY, type Day } from '../core/day.ts';
import { formatRange, formatTicks } from '../core/format.ts';
import { drawHistogram } from '../core/histogram.ts';
import { PLAYBACK_SPEEDS, type PlaybackSpeed } from '../core/playback-schedule.ts';
import { clampWindow, dragMovesWindow, shiftWindow, stepWindow, withBound, type TimeWindow as Window } from '../core/time-window.ts';
import { clusterLabels } from '../core/date-clusters.ts';
import type { DateCluster } from '../state/app-state.ts';
import { DateFields } from './DateFields.tsx';
import { DateHandle } from './DateHandle.tsx';
import { createPlayback, type Playback } from '../state/playback.ts';

const CHART_HEIGHT = 56; // px, bars area
const HANDLES_PX = 48; // px, the two handles' targets side by side (styles.css: .date-handle)
const PLAY_AXIS_WIDTHS = 6; // window widths the axis shows when Play zooms it
const SPEED_NAMES: Record<PlaybackSpeed, string> = { slow: 'Slow', normal: 'Normal', fast: 'Fast' };

export interface TimeWindowBarProps {
  /** Events per day of the extent. */
  daily: DailyCounts;
  /** The days on which events start, sorted: where "previous/next day with events" and playback stop. */
  eventDays: readonly Day[];
  extent: Window;
  window: Window;
  onWindow(window: Window): void;
  /** The app's playback (src/state/playback.ts), which owns whether it plays; absent, the bar makes one of its own. */
  playback?: Playback;
  /** The clusters of dates (see dateClusters), with their events: offered as jumps when there are two or more. */
  clusters?: readonly DateCluster[];
}

/**
 * The time window over a histogram of events per day. Exact days are solid bars; days an event with a date range
 * may have happened on are hatched (drawn by core/histogram.ts). Wheel zooms the axis; a drag across the chart draws
 * a new window, or moves the window when it starts on one that has room to move (see dragMovesWindow).
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
  const scale = createMemo(() => makeDayScale(domain(), width()));
  const x = (day: Day) => scale().x(day);
  const dayAt = (px: number) => scale().dayAt(px);
  const trackX = (clientX: number) => clientX - track.getBoundingClientRect().left;
  const drawing = createMemo(() => drawHistogram(props.daily, { domain: domain(), window: props.window, band: brush() ?? props.window, width: width(), height: CHART_HEIGHT }));
  const ticks = createMemo(() => {
    const time = scaleUtc().domain([new Date(domain().from * MS_PER_DAY), new Date((domain().to + 1) * MS_PER_DAY)]).range([0, width()]);
    // Whole days only: an axis of a week asks d3 for ticks every twelve hours, which would name each day twice.
    const dates = time.ticks(Math.max(2, Math.floor(width() / 100))).filter((t) => t.getTime() % MS_PER_DAY === 0);
    const tickDays = dates.map((t) => Math.round(t.getTime() / MS_PER_DAY));
    const labels = formatTicks(tickDays, tickDays.length > 1 ? tickDays[1] - tickDays[0] : span());
    return dates.map((t, i) => ({ x: time(t), label: labels[i] }));
  });

  const days = () => props.eventDays;
  const playback = props.playback ?? createPlayback({
    window: () => props.window,
    data: () => ({ extent: props.extent, eventDays: props.eventDays, daily: props.daily }),
    onWindow: (w) => props.onWindow(clampWindow(w, props.extent)),
  });
  // Any change a person makes pauses playback: they have taken the window in hand.
  const set = (w: Window) => {
    playback.stop();
    props.onWindow(clampWindow(w, props.extent));
  };

  // Keep both handles on the visible axis when the window moves by keyboard, playback or the URL: by a page that
  // puts it just inside the edge it left by; while playing, near the left edge (a window's width or a fifth of the
  // axis behind it), so that the days coming next are in view and the axis turns a page only now and then.
  createEffect(() => {
    const w = props.window;
    const d = untrack(domain);
    if (w.from >= d.from && w.to <= d.to) return;
    const span = d.to - d.from;
    if (w.to - w.from > span * 0.8) return setDomain(domainAround(w, bounds()));
    const behind = Math.min(w.to - w.from + 1, Math.floor(span / 5));
    const from = untrack(playback.playing) ? w.from - behind : w.from < d.from ? w.from - 2 : w.to + 2 - span;
    setDomain(fitInside({ from, to: from + span }, bounds()));
  });
  // Playing a window too narrow for its handles on the axis (a week of the whole timeline) zooms the axis to six of
  // its widths, one behind it and four ahead: the bars of the days it is about to reach can be read.
  const play = () => {
    playback.toggle();
    const w = props.window;
    const width = w.to - w.from + 1;
    if (playback.playing() && width * scale().pxPerDay < HANDLES_PX) {
      setDomain(fitInside({ from: w.from - width, to: w.from - width + PLAY_AXIS_WIDTHS * width - 1 }, bounds()));
    }
  };

  const step = (direction: 1 | -1) => {
    const next = stepWindow(props.window, props.extent, days(), direction);
    if (next) set(next);
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
    const moving = dragMovesWindow(start, grabbed, props.extent, domain(), scale().pxPerDay);
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

  // The date fields: a typed day applies once it is a whole day inside the data's days (a year half typed, 0002, is
  // not), and the field shows the window again when it is left holding anything else. A window typed too narrow for
  // its handles on the axis (a month on a phone's whole timeline is 13 px) zooms the axis to it.
  const [typing, setTyping] = createSignal(false);
  const datesId = createUniqueId();
  const typed = (bound: 'from' | 'to', day: Day) => {
    const next = withBound(props.window, bound, day, props.extent);
    set(next);
    if ((next.to - next.from + 1) * scale().pxPerDay < HANDLES_PX) setDomain(domainAround(next, bounds()));
  };

  /** The cluster the window is now, as the select's value ('' for none). */
  const chosenCluster = () => {
    const i = props.clusters?.findIndex((c) => c.window.from === props.window.from && c.window.to === props.window.to) ?? -1;
    return i < 0 ? '' : String(i);
  };
  /** The window and the axis on a cluster of dates (its index as the select gives it). */
  const jumpTo = (value: string) => {
    const cluster = props.clusters?.[Number(value)];
    if (value === '' || !cluster) return;
    set(cluster.window);
    setDomain(domainAround(cluster.window, bounds()));
  };

  const inDomain = (day: Day) => day >= domain().from && day <= domain().to + 1;
  const zoomed = () => domain().from > bounds().from || domain().to < bounds().to;

  return (
    <section class="time-window" aria-label="Time window">
      <div class="time-controls">
        <button type="button" class="icon-button" onClick={() => step(-1)} aria-label="Previous day with events" title="Previous day with events">
          <Icon path="M7 5v14M19 5 9 12l10 7z" />
        </button>
        {/* A button whose name says what it does next (Play, Pause), so not also aria-pressed: a toggle keeps one name. */}
        <button type="button" class="icon-button play" classList={{ playing: playback.playing() }} onClick={play} aria-label={playback.playing() ? 'Pause' : 'Play'} title={playback.playing() ? 'Pause' : 'Play: move the window forward through time'}>
          <Show when={playback.playing()} fallback={<Icon path="M7 5v14l12-7z" />}>
            <Icon path="M6 4.5h4.5v15H6zM13.5 4.5H18v15h-4.5z" stroke={false} />
          </Show>
        </button>
        <button type="button" class="icon-button" onClick={() => step(1)} aria-label="Next day with events" title="Next day with events">
          <Icon path="M17 5v14M5 5l10 7-10 7z" />
        </button>
        <select class="speed" aria-label="Playback speed" title="Playback speed" value={playback.speed()} onChange={(e) => playback.setSpeed(e.currentTarget.value as PlaybackSpeed)}>
          <For each={Object.keys(PLAYBACK_SPEEDS) as PlaybackSpeed[]}>{(speed) => <option value={speed}>{`${SPEED_NAMES[speed]} · ${PLAYBACK_SPEEDS[speed]} days/s`}</option>}</For>
        </select>
        <p class="window-label">
          <strong>{formatRange(props.window.from, props.window.to)}</strong>
          <span class="muted"> · {props.window.to - props.window.from + 1} {props.window.to === props.window.from ? 'day' : 'days'}</span>
        </p>
        <button type="button" class="set-dates" aria-expanded={typing()} aria-controls={datesId} onClick={() => setTyping(!typing())}>
          Set dates
        </button>
        <Show when={(props.clusters?.length ?? 0) > 1}>
          <select class="clusters" aria-label="Jump to a cluster of dates" title="Jump to a cluster of dates: the window and the axis on it" value={chosenCluster()} onChange={(e) => jumpTo(e.currentTarget.value)}>
            <option value="">Jump to dates…</option>
            <For each={clusterLabels(props.clusters!)}>{(label, i) => <option value={String(i())}>{label}</option>}</For>
          </select>
        </Show>
        <div class="axis-buttons">
          <button type="button" onClick={() => setDomain(domainAround(props.window, bounds()))}>Zoom chart to window</button>
          <button type="button" onClick={() => setDomain(bounds())} disabled={!zoomed()}>Whole timeline</button>
          <button type="button" onClick={() => set(props.extent)}>All dates</button>
        </div>
      </div>
      <DateFields id={datesId} hidden={!typing()} window={props.window} extent={props.extent} onBound={typed} />
      <div class="track" ref={track}>
        <svg class="chart" width={width()} height={CHART_HEIGHT} onWheel={onWheel} onPointerDown={onChartPointerDown} role="img" aria-label={`Events per day, ${formatRange(domain().from, domain().to)}. Drag to choose a window, scroll to zoom.`}>
          <defs>
            <pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="4" height="4" fill="#ebe6de" />
              <line x1="0" y1="0" x2="0" y2="4" stroke="#9d9484" stroke-width="1.6" />
            </pattern>
          </defs>
          <rect class="window-band" x={drawing().band.x} width={drawing().band.width} y={0} height={CHART_HEIGHT} />
          <path class="bar exact" d={drawing().paths.exactInside} />
          <path class="bar exact out-of-window" d={drawing().paths.exactOutside} />
          <path class="bar possible" d={drawing().paths.possibleInside} fill="url(#hatch)" />
          <path class="bar possible out-of-window" d={drawing().paths.possibleOutside} fill="url(#hatch)" />
        </svg>
        <DateHandle
          label="Start date"
          value={props.window.from}
          min={props.extent.from}
          max={props.window.to}
          x={inDomain(props.window.from) ? x(props.window.from) : null}
          side="left"
          onChange={(day) => set({ from: day, to: props.window.to })}
          onDrag={(clientX) => set({ from: Math.min(dayAt(trackX(clientX) + 0.5 * scale().pxPerDay), props.window.to), to: props.window.to })}
        />
        <DateHandle
          label="End date"
          value={props.window.to}
          min={props.window.from}
          max={props.extent.to}
          x={inDomain(props.window.to + 1) ? x(props.window.to + 1) : null}
          side="right"
          onChange={(day) => set({ from: props.window.from, to: day })}
          onDrag={(clientX) => set({ from: props.window.from, to: Math.max(dayAt(trackX(clientX) - 0.5 * scale().pxPerDay), props.window.from) })}
        />
        <div class="ticks" aria-hidden="true">
          <For each={ticks()}>{(t) => <span class="tick" style={{ left: `${t.x}px` }}>{t.label}</span>}</For>
        </div>
      </div>
    </section>
  );
}

/** A 16 px glyph; drawn with a rounded outline unless `stroke` is false (the pause bars keep their gap). */
function Icon(props: { path: string; stroke?: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true">
      <path d={props.path} fill="currentColor" stroke={props.stroke === false ? 'none' : 'currentColor'} stroke-width="1.5" stroke-linejoin="round" />
    </svg>
  );
}

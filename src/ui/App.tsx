import { For, Show, createEffect, createMemo, createResource, createSignal, onCleanup, onMount } from 'solid-js';
import { WindowCounts, dailyCounts, startDays } from '../core/event-columns.ts';
import { formatCount, formatLongDay } from '../core/format.ts';
import { mainTheatre } from '../core/frame.ts';
import type { Article, MapEvent } from '../core/model.ts';
import { CATEGORY_LABELS } from '../core/category-labels.ts';
import { categoryColor, createRadiusScale } from '../core/scales.ts';
import { clampWindow, overlaps, type TimeWindow } from '../core/time-window.ts';
import type { MapView, UrlState } from '../core/url-state.ts';
import { parseHash } from '../core/url-state.ts';
import type { Dataset } from '../data/dataset.ts';
import { MapCanvas, type MapControls } from '../map/MapCanvas.tsx';
import { PlaceMarks, areaOutlines, outlinedAreas, type PlaceCounts } from '../map/marks.ts';
import { ArticleReader } from './ArticleReader.tsx';
import { Legend } from './Legend.tsx';
import { PlaceList } from './PlaceList.tsx';
import { SourcesPanel } from './SourcesPanel.tsx';
import { TimeWindowBar } from './TimeWindowBar.tsx';
import { createUrlSync } from './create-url-sync.ts';

export function App(props: { data: Dataset }) {
  const data = props.data;
  const initial = parseHash(location.hash);
  const knownPlace = (id: string | undefined) => (id && data.placesById.has(id) ? id : null);
  const [timeWindow, setTimeWindow] = createSignal<TimeWindow>(clampWindow({ from: initial.from ?? data.extent.from, to: initial.to ?? data.extent.to }, data.extent));
  const [selected, setSelected] = createSignal<string | null>(knownPlace(initial.place));
  const [view, setView] = createSignal<MapView | null>(initial.view ?? null);
  const [mapProblem, setMapProblem] = createSignal<string | null>(null);
  const [reading, setReading] = createSignal<{ event: MapEvent; article: Article } | null>(null);
  let controls: MapControls | null = null;

  // Counts under the window, kept up to date step by step (see WindowCounts); `counted` re-runs on each change
  // with the places it touched, and everything that shows a count reads it.
  const counter = new WindowCounts(data.columns);
  const counted = createMemo(() => ({ touched: counter.moveTo(timeWindow()) }), undefined, { equals: false });
  /** The counts, read as a dependency of `track` (so a reader re-runs when `track` changes). */
  const countsFollowing = (track: () => unknown): PlaceCounts => ({
    count: (p) => (track(), counter.count(p)),
    uncertain: (p) => (track(), counter.uncertain(p)),
    dominant: (p) => (track(), counter.dominant(p)),
  });
  const counts = countsFollowing(counted);
  const shown = createMemo(() => (counted(), counter.total()));
  // The list of places follows the counts once per frame: a drag that moves the window several times a frame
  // re-sorts it once, after the map has its data.
  const [listFrame, setListFrame] = createSignal(0, { equals: false });
  let listScheduled = 0;
  createEffect(() => {
    counted();
    listScheduled ||= requestAnimationFrame(() => {
      listScheduled = 0;
      setListFrame(0);
    });
  });
  onCleanup(() => cancelAnimationFrame(listScheduled));
  const listCounts = countsFollowing(listFrame);
  const daily = { firstDay: data.columns.firstDay, ...dailyCounts(data.columns) };
  const days = startDays(data.columns);

  const radius = createRadiusScale(data.totals.reduce((a, b) => Math.max(a, b), 0));
  const marks = new PlaceMarks(data.places, { radius, color: (c) => categoryColor(c) });
  const markChanges = createMemo(() => marks.changes(counter, counted().touched));
  // The map rings the selected place once its sources show: redrawing a busy map in software takes longer than
  // showing the text, and the text is what was asked for.
  const [marked, setMarked] = createSignal<string | null>(selected());
  createEffect(() => {
    const id = selected();
    if (!id) return setMarked(null);
    const mark = () => requestAnimationFrame(() => setTimeout(() => selected() === id && setMarked(id)));
    data.sourcesOf(data.placeNumber.get(id)!).then(mark, mark);
  });
  // The outlines are drawn again only when an area gains or loses its last event in the window, or is selected.
  const shownAreas = createMemo(() => outlinedAreas(data.places, (p) => counts.count(data.placeNumber.get(p.id)!) > 0, marked()), [], {
    equals: (a, b) => a.length === b.length && a.every((p, i) => p === b[i]),
  });
  const areas = createMemo(() => areaOutlines(shownAreas()));

  const selectedPlace = () => (selected() ? data.placesById.get(selected()!) ?? null : null);
  const [placeSources] = createResource(() => (selected() ? data.placeNumber.get(selected()!) : undefined), (p) => data.sourcesOf(p));
  const theatre = (data.frame?.map((id) => data.placesById.get(id)!) ?? mainTheatre(data.places, (id) => data.totals[data.placeNumber.get(id)!])).map((p) => p.lngLat);

  createUrlSync({
    state: (): UrlState => ({ from: timeWindow().from, to: timeWindow().to, place: selected() ?? undefined, view: view() ?? undefined }),
    apply(state) {
      setTimeWindow(clampWindow({ from: state.from ?? data.extent.from, to: state.to ?? data.extent.to }, data.extent));
      setSelected(knownPlace(state.place));
      if (state.view) {
        setView(state.view);
        window.map?.jumpTo({ center: [state.view.lng, state.view.lat], zoom: state.view.zoom });
      } else {
        reveal(knownPlace(state.place));
      }
    },
  });

  let side!: HTMLDivElement;
  /** Where the panel covers the map: its top when the layout makes it a bottom sheet (fixed), else nowhere. */
  const sheetTop = () => {
    const panel = side.firstElementChild;
    return panel && getComputedStyle(panel).position === 'fixed' ? panel.getBoundingClientRect().top : Infinity;
  };
  /** Shows the selected place on the map: out of its cluster, and above the bottom sheet on a phone. */
  const reveal = (id: string | null) => {
    const place = id ? data.placesById.get(id) : null;
    if (!place || !controls) return;
    // Once the panel shows the place's sources (so that its size is known, and the map's animation does not hold
    // up the text a person asked for).
    // Only while the place is still the one chosen: a closed panel must not move the map to it later.
    const wanted = () => selected() === place.id;
    const shown = () => requestAnimationFrame(() => void controls?.reveal(place.lngLat, sheetTop(), wanted));
    data.sourcesOf(data.placeNumber.get(place.id)!).then(shown, shown);
  };
  // A chosen place opens with its sources, fetched first (a moment for a new place, at once for one seen before):
  // the panel is drawn once, full, rather than empty and then again, which costs a second slow frame.
  let choosing = 0;
  const select = (id: string) => {
    const choice = ++choosing;
    const open = () => {
      if (choice !== choosing) return; // a later choice won
      setSelected(id);
      reveal(id);
    };
    data.sourcesOf(data.placeNumber.get(id)!).then(open, open);
  };
  createEffect(() => {
    const place = selectedPlace();
    document.title = place ? `${place.name} · Datelines` : 'Datelines';
  });
  // Closing the panel returns focus to the place's entry in the list, where the person left off.
  const [returnFocusTo, setReturnFocusTo] = createSignal<string | null>(null);
  const close = () => {
    setReturnFocusTo(selected());
    setSelected(null);
  };
  const [playing, setPlaying] = createSignal(false);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && selected() && !reading()) close();
  };
  onMount(() => document.addEventListener('keydown', onKey));
  onCleanup(() => document.removeEventListener('keydown', onKey));

  return (
    <div class="app" classList={{ 'has-selection': selected() !== null }}>
      <header class="topbar">
        <h1>
          Datelines <span class="muted">· where and when the news happened</span>
        </h1>
        <p class="status" role="status" aria-live="polite" aria-busy={playing()}>
          {formatCount(shown())} of {formatCount(data.eventCount)} events
        </p>
        <Show when={data.problems.length > 0}>
          <p class="warning" role="alert" title={data.problems.map((p) => `${p.field}: ${p.message}`).join('\n')}>
            {data.problems.length} {data.problems.length === 1 ? 'record was' : 'records were'} left out: {data.problems[0].field}: {data.problems[0].message}
            {data.problems.length > 1 ? ' …' : ''}
          </p>
        </Show>
        <button type="button" class="show-all" disabled={mapProblem() !== null} onClick={() => controls?.fit(data.places.map((p) => p.lngLat), { maxZoom: 6 })}>
          Show all places
        </button>
      </header>
      <main class="main">
        <div class="map-area">
          <Show when={!mapProblem()} fallback={<NoMap reason={mapProblem()!} data={data} window={timeWindow()} counts={counts} onSelect={select} />}>
            <MapCanvas
              marks={() => marks.all(counter)}
              markChanges={markChanges()}
              areas={areas()}
              selected={marked()}
              initialView={view()}
              initialFrame={theatre}
              onSelect={select}
              onViewChange={setView}
              onReady={(c) => {
                controls = c;
                if (!initial.view) reveal(selected()); // a link to a place, without a view, shows the place
              }}
              onUnavailable={setMapProblem}
            />
            <Legend />
          </Show>
        </div>
        <div class="side" ref={side}>
          <Show when={selectedPlace()} fallback={<PlaceList places={data.places} counts={listCounts} selected={selected()} onSelect={select} focusOnMount={returnFocusTo()} />}>
            {(place) => (
              <SourcesPanel
                place={place()}
                total={data.totals[data.placeNumber.get(place().id)!]}
                sources={placeSources.loading || placeSources.error ? undefined : placeSources()}
                error={placeSources.error ? String(placeSources.error) : null}
                window={timeWindow()}
                onClose={close}
                onRead={setReading}
              />
            )}
          </Show>
        </div>
      </main>
      <footer class="timebar">
        <TimeWindowBar daily={daily} eventDays={days} extent={data.extent} window={timeWindow()} onWindow={setTimeWindow} onPlayingChange={setPlaying} />
      </footer>
      <Show when={reading()}>
        {(read) => <ArticleReader article={read().article} event={read().event} loadText={data.articleText} onClose={() => setReading(null)} />}
      </Show>
    </div>
  );
}

const NO_MAP_PLACES = 30;

/** Shown instead of the map when it cannot be drawn: the reason, and the events of the window as a list. */
function NoMap(props: { reason: string; data: Dataset; window: TimeWindow; counts: PlaceCounts; onSelect(id: string): void }) {
  // The busiest places of the window, whose sources are fetched to list their events.
  const busiest = createMemo(() => {
    const places: number[] = [];
    for (let p = 0; p < props.data.places.length; p++) if (props.counts.count(p) > 0) places.push(p);
    return places.sort((a, b) => props.counts.count(b) - props.counts.count(a));
  });
  const [events] = createResource(
    () => ({ places: busiest().slice(0, NO_MAP_PLACES), window: props.window }),
    async ({ places, window }) => (await Promise.all(places.map(async (p) => (await props.data.sourcesOf(p)).events))).flat().filter((e) => overlaps(e, window)).sort((a, b) => a.start - b.start),
  );
  const name = (e: MapEvent) => props.data.placesById.get(e.place)!.name;
  return (
    <section class="no-map" aria-label="Events in the time window">
      <p class="notice" role="alert">
        <strong>The map cannot be shown.</strong> {props.reason} The events of the time window are listed here instead; choose a place to read its sources.
      </p>
      <Show when={busiest().length > NO_MAP_PLACES}>
        <p class="muted">Listing the events of the {NO_MAP_PLACES} busiest of {formatCount(busiest().length)} places in the window; the others are in the list of places.</p>
      </Show>
      <ol class="event-list">
        <For each={events.latest ?? []}>
          {(e) => (
            <li>
              <span class="dot" style={{ background: categoryColor(e.category) }} aria-hidden="true" />
              <button type="button" class="link-button" aria-label={`${name(e)}, ${CATEGORY_LABELS[e.category]}, ${formatLongDay(e.start)}: read the sources`} onClick={() => props.onSelect(e.place)}>
                {name(e)}
              </button>{' '}
              <span class="muted">
                {formatLongDay(e.start)}
                {e.end > e.start ? ` – ${formatLongDay(e.end)}` : ''} · {CATEGORY_LABELS[e.category]}
              </span>
              <p class="excerpt">{e.quote}</p>
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}

import { Show, createEffect, createMemo, createSignal, onCleanup, onMount } from 'solid-js';
import { formatCount } from '../core/format.ts';
import { exampleDisc, type DrawnDisc } from '../core/legend-disc.ts';
import { mainTheatre } from '../core/frame.ts';
import { categoryColor, createRadiusScale } from '../core/scales.ts';
import { parseHash } from '../core/url-state.ts';
import type { Dataset } from '../data/dataset.ts';
import { MapCanvas, type MapControls } from '../map/MapCanvas.tsx';
import { PlaceMarks, areaOutlines, outlinedAreas } from '../map/marks.ts';
import { createAppState } from '../state/app-state.ts';
import { useReview } from '../state/review-store.ts';
import { ArticleReader } from './ArticleReader.tsx';
import { CheckedCount } from './CheckedCount.tsx';
import { ConfidenceThreshold } from './ConfidenceThreshold.tsx';
import { EventFilterBar } from './EventFilterBar.tsx';
import { EventList } from './EventList.tsx';
import { ListTabs, focusListTab } from './ListTabs.tsx';
import { SkipLinks } from './SkipLinks.tsx';
import { Legend } from './Legend.tsx';
import { NoMap } from './NoMap.tsx';
import { PlaceList } from './PlaceList.tsx';
import { SourcesPanel } from './SourcesPanel.tsx';
import { TimeWindowBar } from './TimeWindowBar.tsx';
import { Warnings } from './Warnings.tsx';
import { WindowFit } from './WindowFit.tsx';
import { coveredInsets } from './covered-insets.ts';
import { createUrlSync } from './create-url-sync.ts';
import { createStoryReader } from './create-story-reader.ts';
import { StoriesMenu } from './StoriesMenu.tsx';
import { StoryCard } from './StoryCard.tsx';

/** The page: the state (src/state/) laid out as the map, the list or a place's sources, and the time window. */
export function App(props: { data: Dataset }) {
  const data = props.data;
  const initial = parseHash(location.hash);
  const review = useReview();
  const state = createAppState(data, initial, { carried: review?.carried });
  const [mapProblem, setMapProblem] = createSignal<string | null>(null);
  const [mapControls, setMapControls] = createSignal<MapControls | null>(null);
  /** The legend's example of a disc: one the map draws now (see exampleDisc). */
  const [disc, setDisc] = createSignal<DrawnDisc | null>(null, { equals: (a, b) => a?.events === b?.events && a?.places === b?.places });

  const radius = createRadiusScale(data.totals.reduce((a, b) => Math.max(a, b), 0));
  const marks = new PlaceMarks(data.places, { radius, color: (c) => categoryColor(c) });
  // A place none of whose events is sure enough to show has no mark: marks.all is asked again when that changes.
  const markChanges = createMemo(() => marks.changes(state.counter, state.touched()));
  // The map rings the selected place once its sources show: redrawing a busy map in software takes longer than
  // showing the text, and the text is what was asked for.
  const [marked, setMarked] = createSignal<string | null>(state.selected());
  createEffect(() => {
    const id = state.selected();
    if (!id) return setMarked(null);
    const mark = () => requestAnimationFrame(() => setTimeout(() => state.selected() === id && setMarked(id)));
    data.sourcesOf(id).then(mark, mark);
  });
  // The outlines are drawn again only when an area gains or loses its last event in the window, or is selected.
  const shownAreas = createMemo(() => outlinedAreas(data.places, (p) => state.counts.count(data.placeNumber.get(p.id)!) > 0, marked()), [], {
    equals: (a, b) => a.length === b.length && a.every((p, i) => p === b[i]),
  });
  const areas = createMemo(() => areaOutlines(shownAreas()));
  const theatre = (data.frame?.map((id) => data.placesById.get(id)!) ?? mainTheatre(data.places, data.totalOf)).map((p) => p.lngLat);

  let side!: HTMLDivElement;
  let mapArea!: HTMLDivElement;
  const covered = () => coveredInsets(mapArea, side);
  /**
   * Shows a place on the map, out of its cluster and above the bottom sheet on a phone, once the panel shows its
   * sources (so that its size is known), and only while it is still the place chosen.
   */
  const reveal = (id: string | null) => {
    const place = id ? data.placesById.get(id) : null;
    const controls = mapControls();
    if (!place || !controls) return;
    const wanted = () => state.selected() === place.id;
    const shown = () => requestAnimationFrame(() => void controls.reveal(place, wanted));
    data.sourcesOf(place.id).then(shown, shown);
  };
  const select = (id: string) => void state.select(id, reveal);
  /** The place the list of events points at, ringed on the map round its mark as drawn now. */
  const litPlace = createMemo(() => {
    const id = state.lit();
    const n = id === null ? undefined : data.placeNumber.get(id);
    return n === undefined ? null : { lngLat: data.places[n].lngLat, radius: radius(state.counts.count(n)) };
  });
  const chooseEvent = (place: string, eventId: string) => void state.selectEvent(place, eventId, reveal);
  createEffect(() => state.wantRows(mapProblem() !== null));
  const placeList = () => <PlaceList places={data.places} counts={state.listCounts} sureTotals={state.sureTotals()} filtered={state.filtering()} selected={state.selected()} onSelect={select} focusOnMount={state.returnFocusTo()} />;
  /** The chronological list (in the side, or in the map's place when there is no map). */
  const eventList = () => (
    <Show when={state.windowRows()}>
      {(list) => (
        <EventList
          rows={list().rows}
          events={list().events}
          places={data.places}
          filtered={state.filtering()}
          threshold={data.threshold}
          rowFile={data.rowFile}
          onLight={state.setLit}
          onChoose={chooseEvent}
          memory={state.listMemory}
          focusOnMount={!mapProblem() && state.returnFocusTo() !== null}
          onNoRowToFocus={() => focusListTab('events')}
        />
      )}
    </Show>
  );

  // A story step sets the window and opens its place (or moves the map to its view).
  const stories = createStoryReader({
    base: new URL('data/', document.baseURI),
    initial,
    show(step) {
      state.setWindow({ from: step.from, to: step.to });
      if (step.place) return state.select(step.place, reveal);
      if (state.selected()) state.close();
      if (step.view) mapControls()?.jumpTo(step.view);
    },
  });
  createUrlSync({
    state: () => ({ ...state.urlState(), ...stories.urlPart() }),
    apply(url) {
      stories.apply(url);
      state.apply(url);
      if (url.view) mapControls()?.jumpTo(url.view);
      else reveal(state.selected());
    },
  });
  createEffect(() => {
    const place = state.selectedPlace();
    document.title = place ? `${place.name} · Datelines` : 'Datelines';
  });
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && state.selected() && !state.reading() && !(e.target as Element).closest?.('dialog')) state.close();
  };
  onMount(() => document.addEventListener('keydown', onKey));
  onCleanup(() => document.removeEventListener('keydown', onKey));

  return (
    <div class="app" classList={{ 'has-selection': state.selected() !== null }}>
      <SkipLinks />
      <header class="topbar">
        <h1>
          Datelines <span class="muted">· where and when the news happened</span>
        </h1>
        <EventFilterBar
          filters={state.filters()}
          filtering={state.filtering()}
          outlets={data.outlets}
          articleCount={data.articleCount}
          articles={state.articles()}
          onWantArticles={state.requestArticles}
          onQuery={state.setQuery}
          onOutlet={state.setOutlet}
          onArticle={state.setArticle}
          onClear={state.clearFilters}
        />
        <Show when={state.defaultConfidence !== null}>
          <ConfidenceThreshold value={state.minConfidence()!} defaultValue={state.defaultConfidence!} onChange={state.setMinConfidence} />
        </Show>
        <p class="status" role="status" aria-live="polite" aria-busy={state.playing() || state.filtersPending()}>
          {formatCount(state.shown())} of {formatCount(data.eventCount)} events
          {state.filtersPending() ? ' (filtering…)' : state.filtering() ? ' (filtered)' : ''}
        </p>
        <CheckedCount checked={data.checked} />
        <StoriesMenu stories={stories.stories()} onOpen={stories.openStory} />
        <Warnings filterProblem={state.filterProblem()} problems={data.problems} ignored={state.ignored()} onDismissIgnored={state.dismissIgnored} />
        <button type="button" class="show-all" disabled={mapProblem() !== null} onClick={() => mapControls()?.fit(data.places.map((p) => p.lngLat), { maxZoom: 6 })}>
          Show all places
        </button>
      </header>
      <main class="main">
        <div class="map-area" ref={mapArea}>
          <Show when={!mapProblem()} fallback={<NoMap reason={mapProblem()!}>{eventList()}</NoMap>}>
            <MapCanvas
              marks={() => marks.all(state.counter, state.sureTotals())}
              markChanges={markChanges()}
              areas={areas()}
              selected={marked()}
              lit={litPlace()}
              initialView={state.view()}
              initialFrame={theatre}
              onSelect={select}
              onViewChange={state.setView}
              onReady={(c) => {
                setMapControls(c);
                if (!initial.view) reveal(state.selected()); // a link to a place, without a view, shows the place
              }}
              covered={covered}
              onUnavailable={setMapProblem}
              picking={Boolean(review?.picking())}
              onPick={review?.pickAt}
              onDiscs={(discs) => setDisc(exampleDisc(discs))}
            />
            <Legend categories={state.filters().categories} onToggle={state.toggleCategory} threshold={data.threshold} disc={disc()} />
            <Show when={stories.story()}>
              {(story) => <StoryCard story={story()} step={stories.step()} stepsTaken={stories.stepsTaken()} onPrevious={stories.previous} onNext={stories.next} onClose={stories.close} />}
            </Show>
            <WindowFit controls={mapControls()} places={data.places} count={state.counts.count} counted={state.touched} playing={state.playing()} />
          </Show>
        </div>
        <div class="side" ref={side}>
          <Show
            when={state.selectedPlace()}
            fallback={
              <Show when={!mapProblem()} fallback={placeList()}>
                <ListTabs view={state.listView()} onView={state.setListView}>
                  <Show when={state.listView() === 'events'} fallback={placeList()}>
                    {eventList()}
                  </Show>
                </ListTabs>
              </Show>
            }
          >
            {(place) => (
              <SourcesPanel
                place={place()}
                total={data.totalOf(place().id)}
                sources={state.sources()}
                error={state.sourcesError()}
                window={state.timeWindow()}
                filters={state.filters()}
                minConfidence={state.minConfidence()}
                defaultConfidence={data.threshold}
                onClose={state.close}
                onRead={state.read}
                focusEvent={state.focusEvent()}
                counts={state.placeCounts()}
                onWantPage={state.wantPage}
              />
            )}
          </Show>
        </div>
      </main>
      <footer class="timebar">
        <TimeWindowBar daily={state.daily()} eventDays={state.eventDays()} extent={data.extent} window={state.timeWindow()} onWindow={state.setWindow} onPlayingChange={state.setPlaying} clusters={state.clusters()} />
      </footer>
      <Show when={state.reading()}>
        {(read) => <ArticleReader article={read().article} event={read().event} loadText={data.articleText} onClose={state.closeReader} />}
      </Show>
    </div>
  );
}

import { Show, createEffect, createSignal, type Accessor } from 'solid-js';
import { formatShown } from '../core/format.ts';
import { parseHash } from '../core/url-state.ts';
import type { Dataset } from '../data/dataset.ts';
import { MapCanvas, type MapControls } from '../map/MapCanvas.tsx';
import { createAppState } from '../state/app-state.ts';
import { useReview } from '../state/review-store.ts';
import { ArticleReader } from './ArticleReader.tsx';
import { CheckedCount } from './CheckedCount.tsx';
import { ConfidenceThreshold } from './ConfidenceThreshold.tsx';
import { EventFilterBar } from './EventFilterBar.tsx';
import { EmbedButton } from './EmbedButton.tsx';
import { EmbedLink } from './EmbedLink.tsx';
import { EventList } from './EventList.tsx';
import { ExportButton } from './ExportButton.tsx';
import { ListTabs, focusListTab } from './ListTabs.tsx';
import { ShareMenu } from './ShareMenu.tsx';
import { SkipLinks } from './SkipLinks.tsx';
import { Legend } from './Legend.tsx';
import { NoMap } from './NoMap.tsx';
import { PictureButton } from './PictureButton.tsx';
import { PlaceList } from './PlaceList.tsx';
import { SourcesPanel } from './SourcesPanel.tsx';
import { TimeWindowBar } from './TimeWindowBar.tsx';
import { Warnings } from './Warnings.tsx';
import { WindowFit } from './WindowFit.tsx';
import { createMapPicture } from './create-map-picture.ts';
import { createPageSelection } from './create-page-selection.ts';
import { createPageUrlSync } from './create-url-sync.ts';
import { createStoryReader, showStepIn } from './create-story-reader.ts';
import { StoriesMenu } from './StoriesMenu.tsx';
import { OpenStory } from './StoryCard.tsx';

/**
 * The page: the state (src/state/) laid out as the map, the list or a place's sources, and the time window. Drawn
 * once: a new dataset (review mode) flows through `data` into what shows, the map kept as it is.
 */
export function App(props: { data: Accessor<Dataset> }) {
  const initial = parseHash(location.hash);
  const review = useReview();
  const state = createAppState(props.data, initial, { refocus: review?.refocus });
  const data = state.data; // the dataset shown: a new one once the filters have what they need of it
  const [mapProblem, setMapProblem] = createSignal<string | null>(null);
  const [mapControls, setMapControls] = createSignal<MapControls | null>(null);
  const picture = createMapPicture(data, state);

  let side!: HTMLDivElement;
  const { reveal, select, chooseEvent } = createPageSelection(data, state, mapControls);
  createEffect(() => state.wantRows(mapProblem() !== null));
  const placeList = () => <PlaceList places={data().places} counts={state.listCounts} sureTotals={state.sureTotals()} filtered={state.filtering()} selected={state.selected()} onSelect={select} focusOnMount={state.returnFocusTo()} />;
  /** The chronological list (in the side, or in the map's place when there is no map). */
  const eventList = () => (
    <Show when={state.windowRows()}>
      {(list) => <EventList rows={list().rows} events={list().events} places={data().places} filtered={state.filtering()} threshold={data().threshold} rowFile={data().rowFile} onLight={state.setLit} onChoose={chooseEvent} memory={state.listMemory} focusOnMount={!mapProblem() && state.returnFocusTo() !== null} onNoRowToFocus={() => focusListTab('events')} />}
    </Show>
  );

  const stories = createStoryReader({ base: new URL('data/', document.baseURI), initial, show: showStepIn(state, reveal, mapControls) }); // a step sets the window and opens its place
  createPageUrlSync(state, stories, reveal, mapControls);

  return (
    <div class="app" classList={{ 'has-selection': state.selected() !== null, embed: initial.embed === true }}>
      <SkipLinks />
      <header class="topbar">
        <h1>
          Datelines <span class="muted">· where and when the news happened</span>
        </h1>
        <EventFilterBar filters={state.filters()} filtering={state.filtering()} outlets={data().outlets} articleCount={data().articleCount} articles={state.articles()}
          onWantArticles={state.requestArticles} onQuery={state.setQuery} onOutlet={state.setOutlet} onArticle={state.setArticle} onClear={state.clearFilters} />
        <Show when={state.defaultConfidence() !== null}>
          <ConfidenceThreshold value={state.minConfidence()!} defaultValue={state.defaultConfidence()!} onChange={state.setMinConfidence} />
        </Show>
        <p class="status" role="status" aria-live="polite" aria-busy={state.playing() || state.filtersPending()}>
          {formatShown(state.shown(), data().eventCount)}
          {state.filtersPending() ? ' (filtering…)' : state.filtering() ? ' (filtered)' : ''}
        </p>
        <CheckedCount checked={data().checked} />
        <StoriesMenu stories={stories.stories()} onOpen={stories.openStory} />
        <Warnings filterProblem={state.filterProblem()} problems={data().problems} ignored={state.ignored()} onDismissIgnored={state.dismissIgnored} />
        <button type="button" class="show-all" disabled={mapProblem() !== null} onClick={() => mapControls()?.fit(data().places.map((p) => p.lngLat), { maxZoom: 6 })}>Show all places</button>
        <ShareMenu>
          <ExportButton data={data()} state={state} />
          <PictureButton data={data()} state={state} controls={mapControls()} />
          <EmbedButton />
        </ShareMenu>
      </header>
      <main class="main">
        <div class="map-area">
          <Show when={!mapProblem()} fallback={<NoMap reason={mapProblem()!}>{eventList()}</NoMap>}>
            <MapCanvas
              marks={picture.marks}
              markChanges={picture.markChanges()}
              areas={picture.areas()}
              selected={picture.marked()}
              lit={picture.lit()}
              initialView={state.view()}
              initialFrame={picture.theatre}
              onSelect={select}
              onViewChange={state.setView}
              onReady={(c) => {
                setMapControls(c);
                if (!initial.view) reveal(state.selected()); // a link to a place, without a view, shows the place
              }}
              sheet={() => side.firstElementChild}
              onUnavailable={setMapProblem}
              picking={Boolean(review?.picking())}
              onPick={review?.pickAt}
              onDiscs={picture.onDiscs}
            >
              <EmbedLink on={initial.embed === true} count={formatShown(state.shown(), data().eventCount)} />
              <Legend categories={state.filters().categories} onToggle={state.toggleCategory} threshold={data().threshold} disc={picture.disc()} />
              <OpenStory reader={stories} />
              <WindowFit controls={mapControls()} places={data().places} count={state.counts.count} counted={state.touched} playing={state.playing()} />
            </MapCanvas>
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
              <SourcesPanel place={place()} total={state.placeTotal()} sources={state.sources()} error={state.sourcesError()} window={state.timeWindow()} filters={state.filters()}
                minConfidence={state.minConfidence()} defaultConfidence={state.defaultConfidence()} onClose={state.close} onRead={state.read} focusEvent={state.focusEvent()}
                counts={state.placeCounts()} onWantPage={state.wantPage} />
            )}
          </Show>
        </div>
      </main>
      <footer class="timebar">
        <TimeWindowBar daily={state.daily()} eventDays={state.eventDays()} extent={data().extent} window={state.timeWindow()} onWindow={state.setWindow} playback={state.playback} clusters={state.clusters()} />
      </footer>
      <Show when={state.reading()}>
        {(read) => <ArticleReader article={read().article} event={read().event} loadText={data().articleText} onClose={state.closeReader} />}
      </Show>
    </div>
  );
}

import { Show, createSignal } from 'solid-js';
import { render } from 'solid-js/web';
import { formatProblem } from './core/problem.ts';
import { DatasetError, loadDataset, type Dataset } from './data/dataset.ts';
import { ReviewContext, createReviewStore, reviewToken } from './state/review-store.ts';
import { App } from './ui/App.tsx';
import { ReviewBar } from './ui/ReviewBar.tsx';
import { NoEvents } from './ui/NoEvents.tsx';
import './styles.css';

const root = document.getElementById('root')!;

/** The page shown when the dataset cannot be used: each problem names the file and the field. */
function showLoadError(error: unknown): void {
  const lines = error instanceof DatasetError ? error.problems.map(formatProblem) : [String(error)];
  const box = document.createElement('section');
  box.className = 'load-error';
  box.setAttribute('role', 'alert');
  const title = box.appendChild(document.createElement('h1'));
  title.textContent = 'Datelines cannot read its data';
  const list = box.appendChild(document.createElement('ul'));
  for (const line of lines) list.appendChild(document.createElement('li')).textContent = line;
  root.replaceChildren(box);
}

const base = new URL('data/', document.baseURI);
const token = reviewToken(document);

if (token === null) {
  loadDataset(base).then((data) => {
    root.replaceChildren();
    render(() => (data.eventCount === 0 ? <NoEvents articleCount={data.articleCount} /> : <App data={() => data} />), root);
  }, showLoadError);
} else {
  // Review mode (npm run review): after every change the dataset is loaded again and the app, drawn once, follows
  // it through the signal: the map stays, and so do the window, the place, the filters and the view.
  const [data, setData] = createSignal<Dataset | null>(null);
  const review = createReviewStore(token, new URL('./', document.baseURI), async () => void setData(await loadDataset(base)));
  review.start(async () => void setData(await loadDataset(base))).then(() => {
    root.replaceChildren();
    render(
      () => (
        <ReviewContext.Provider value={review}>
          <div class="review-shell" classList={{ picking: review.picking() !== null }}>
            <ReviewBar review={review} />
            <Show when={data()}>
              {(d) => (
                <Show when={d().eventCount > 0} fallback={<NoEvents articleCount={d().articleCount} />}>
                  <App data={d} />
                </Show>
              )}
            </Show>
          </div>
        </ReviewContext.Provider>
      ),
      root,
    );
  }, showLoadError);
}

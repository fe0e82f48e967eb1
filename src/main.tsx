import { render } from 'solid-js/web';
import { formatProblem } from './core/problem.ts';
import { DatasetError, loadDataset } from './data/dataset.ts';
import { App } from './ui/App.tsx';
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

loadDataset(new URL('data/', document.baseURI)).then((data) => {
  root.replaceChildren();
  render(() => (data.eventCount === 0 ? <NoEvents articleCount={data.articleCount} /> : <App data={data} />), root);
}, showLoadError);

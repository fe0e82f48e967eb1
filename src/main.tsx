import { render } from 'solid-js/web';
import { InputError } from './core/validate.ts';
import { loadEmbeddedDataset } from './data/dataset.ts';
import { App } from './ui/App.tsx';
import './styles.css';

const root = document.getElementById('root')!;
try {
  const data = loadEmbeddedDataset();
  render(() => <App data={data} />, root);
} catch (error) {
  const lines = error instanceof InputError ? error.problems.map((p) => `${p.file}: ${p.field}: ${p.message}`) : [String(error)];
  const box = document.createElement('section');
  box.className = 'load-error';
  box.setAttribute('role', 'alert');
  const title = box.appendChild(document.createElement('h1'));
  title.textContent = 'Datelines cannot read its data';
  const list = box.appendChild(document.createElement('ul'));
  for (const line of lines) list.appendChild(document.createElement('li')).textContent = line;
  root.replaceChildren(box);
}

import { formatCount } from '../core/format.ts';

/**
 * The page for a dataset with no event (an empty corpus, or articles in which the ingest found none): what the data
 * holds, and the commands that add articles and find their events. No map, no time axis: there are no days to show.
 */
export function NoEvents(props: { articleCount: number }) {
  const articles = () => (props.articleCount === 1 ? 'Its one article gives' : `Its ${formatCount(props.articleCount)} articles give`);
  return (
    <main class="no-events">
      <h1>Datelines</h1>
      <section class="notice" role="status" aria-labelledby="no-events-title">
        <h2 id="no-events-title">No events yet</h2>
        <p>{props.articleCount === 0 ? 'This corpus holds no article, so there is nothing to map.' : `${articles()} no event to map.`}</p>
        <p>To add articles (web pages, texts, or folders of them) and find their events, run in the project’s folder:</p>
        <pre>
          <code>{'npm run add -- FILES…\nnpm run ingest'}</code>
        </pre>
        <p>then build the app again (<code>npm start</code>). The README’s “Adding articles” says more.</p>
      </section>
    </main>
  );
}

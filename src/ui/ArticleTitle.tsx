import { LEAD_MARK, UNTITLED } from '../core/format.ts';
import type { Article } from '../core/model.ts';

/** An article's headline; for one without, its first sentence, marked as such so that nobody takes it for one. */
export function ArticleTitle(props: { article: Article }) {
  const { headline, lead } = props.article;
  if (headline !== null) return <>{headline}</>;
  if (!lead) return <>{UNTITLED}</>;
  return (
    <>
      <span class="lead-mark">{LEAD_MARK}</span> {lead}
    </>
  );
}

import * as v from 'valibot';
import { parseDay } from '../day.ts';
import type { Article } from '../model.ts';
import type { InputProblem } from '../problem.ts';
import { ID, ISO_DAY, InputError, TEXT } from './fields.ts';
import { issuesToProblems, parseJson } from './json.ts';

/** The largest article text the ingest and the build read (bytes): a longer one is refused, not read for minutes. */
export const MAX_ARTICLE_BYTES = 10 * 1024 * 1024;

const ArticleSchema = v.object({
  id: ID,
  file: v.pipe(TEXT, v.check((f) => !f.startsWith('/') && !f.split(/[\\/]/).includes('..'), 'must be a relative path inside the folder')),
  headline: v.nullable(TEXT),
  outlet: v.nullable(TEXT),
  published: ISO_DAY,
  url: v.nullable(v.pipe(v.string(), v.url('must be a URL or null'))),
});

/** Parses the text of `articles.json`. Throws an InputError listing every problem found. */
export function parseArticles(json: string, file: string): Article[] {
  const data = parseJson(json, file);
  if (!Array.isArray(data)) throw new InputError([{ file, field: '(root)', message: 'must be an array of article records' }]);
  const problems: InputProblem[] = [];
  const articles: Article[] = [];
  const seen = new Set<string>();
  data.forEach((item, i) => {
    const result = v.safeParse(ArticleSchema, item);
    if (!result.success) return problems.push(...issuesToProblems(result.issues, file, `[${i}]`));
    const a = result.output;
    if (seen.has(a.id)) return problems.push({ file, field: `[${i}].id`, message: `duplicate id "${a.id}"` });
    seen.add(a.id);
    articles.push({ ...a, published: parseDay(a.published)! });
  });
  if (problems.length) throw new InputError(problems);
  return articles;
}

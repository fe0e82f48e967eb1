import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addArticles, type AddResult } from '../../src/ingest/add/add-articles.ts';
import { InputError, formatProblem, parseArticles } from '../../src/core/validate.ts';

const FIXTURES = join(process.cwd(), 'test/add/fixtures');

/** An empty work folder: `corpus/` (not there yet) and `in/`, with the named fixtures copied into `in/`. */
function createWorkspace(...fixtures: string[]): { corpus: string; articles: string; input: string } {
  const dir = mkdtempSync(join(tmpdir(), 'datelines-add-'));
  const input = join(dir, 'in');
  mkdirSync(input);
  for (const f of fixtures) copyFileSync(join(FIXTURES, f), join(input, f.split('/').pop()!));
  return { corpus: join(dir, 'corpus'), articles: join(dir, 'corpus', 'articles.json'), input };
}

function records(articles: string) {
  return JSON.parse(readFileSync(articles, 'utf8')) as Record<string, string | null>[];
}

function only(result: AddResult) {
  expect(result.problems.map(formatProblem)).toEqual([]);
  expect(result.outcomes).toHaveLength(1);
  return result.outcomes[0];
}

function textOf(corpus: string, file: string): string {
  return readFileSync(join(corpus, file), 'utf8');
}

describe('web pages: the story without the page furniture, and the record from the metadata', () => {
  it('reads headline, outlet, date and URL from Open Graph, and keeps the story only', () => {
    const w = createWorkspace('pages/open-graph.html');
    const o = only(addArticles([join(w.input, 'open-graph.html')], { articles: w.articles }));
    expect(o.record).toMatchObject({ headline: 'Floods kill dozens in southern Brazil', outlet: 'The Daily Example', published: '2024-05-05', url: 'https://daily.example.com/world/brazil-floods' });
    expect(o.sources).toEqual(['headline: og:title', 'outlet: og:site_name', 'published: article:published_time', 'url: og:url']);
    const text = textOf(w.corpus, o.record.file!);
    expect(text.startsWith('PORTO ALEGRE, Brazil — Floods in southern Brazil have killed')).toBe(true);
    expect(text).toContain('\n\nForecasters warned that more rain was expected');
    for (const furniture of ['Subscribe', 'cookies', 'Politics', 'Advertisement', 'Residents wade', 'Read more', 'climate-explainer', 'What is behind', 'Share on', 'Log in to comment', 'Copyright', 'Privacy']) {
      expect(text, furniture).not.toContain(furniture);
    }
  });

  it('reads them from JSON-LD alone (in an @graph), preferring the news article to the web site', () => {
    const w = createWorkspace('pages/json-ld.html');
    const o = only(addArticles([join(w.input, 'json-ld.html')], { articles: w.articles }));
    expect(o.record).toMatchObject({ headline: 'Brazil floods: dozens dead in Rio Grande do Sul', outlet: 'Example Wire', published: '2024-05-05', url: 'https://wire.example.org/2024/05/05/brazil-floods' });
    expect(o.sources).toContain('published: JSON-LD datePublished');
  });

  it('dates a page by its <time datetime> as the outlet wrote the day, not moved to UTC', () => {
    const w = createWorkspace('pages/time-only.html');
    const o = only(addArticles([join(w.input, 'time-only.html')], { articles: w.articles }));
    expect(o.record).toMatchObject({ headline: 'Floods kill dozens in southern Brazil', outlet: null, published: '2024-05-05', url: null });
    expect(o.sources).toEqual(['headline: <h1>', 'published: <time datetime>']);
  });

  it('refuses a page with no date, naming the flag to pass, and adds it when the flag gives the date', () => {
    const w = createWorkspace('pages/no-date.html');
    const page = join(w.input, 'no-date.html');
    const refused = addArticles([page], { articles: w.articles });
    expect(refused.outcomes).toEqual([]);
    expect(refused.problems.map(formatProblem)).toEqual([`${page}: published: not found (no article:published_time, JSON-LD datePublished or <time datetime> in the page): not added; pass --published YYYY-MM-DD`]);
    expect(existsSync(w.articles)).toBe(false);
    const o = only(addArticles([page], { articles: w.articles, published: '2024-05-06', outlet: 'Undated Times' }));
    expect(o.record).toMatchObject({ published: '2024-05-06', outlet: 'Undated Times' });
    expect(o.sources).toContain('published: --published');
  });

  it("never dates a page by another story's <time> (a sidebar of live news), and reads a written-out date <meta>", () => {
    const w = createWorkspace();
    const story = '<p>A third blogger was hacked to death in Sylhet on Tuesday, police said, the latest in a series of attacks on secular writers.</p>'.repeat(4);
    const sidebar = '<aside><h2>Live news</h2><ul><li><time datetime="2015-05-13T10:25:00+02:00">10:25</time> Other story</li></ul></aside>';
    writeFileSync(join(w.input, 'sidebar.html'), `<html><head><meta property="og:title" content="Third blogger killed"></head><body>${sidebar}<article>${story}</article></body></html>`);
    writeFileSync(join(w.input, 'written.html'), `<html><head><meta name="article:publicationdate" content="Fri Mar 13 21:30:09 EST 2015"></head><body><article>${story}</article></body></html>`);
    const result = addArticles([w.input], { articles: w.articles });
    expect(result.problems.map((p) => `${p.file.slice(w.input.length + 1)}: ${p.field}`)).toEqual(['sidebar.html: published']);
    expect(result.outcomes.map((o) => [o.record.published, o.sources.find((x) => x.startsWith('published'))])).toEqual([['2015-03-13', 'published: <meta name="article:publicationdate">']]);
  });

  it("warns when the text read holds few words of the page's description (the reader view chose the wrong block)", () => {
    const w = createWorkspace();
    const other = '<p>Business Daily: a French businessman says he was treated like a spy over his Russian links, in our programme.</p>'.repeat(4);
    writeFileSync(join(w.input, 'wrong.html'), `<html><head><meta property="og:description" content="A blogger was hacked to death by assailants using machetes in Bangladesh on Tuesday"><meta property="article:published_time" content="2015-05-12"></head><body><div>${other}</div></body></html>`);
    const o = only(addArticles([join(w.input, 'wrong.html')], { articles: w.articles }));
    expect(o.notes.join()).toContain('the text read may not be the story');
    writeFileSync(join(w.input, 'wrong.html'), readFileSync(join(w.input, 'wrong.html'), 'utf8').replace('<html>', '<html lang="fr-FR">'));
    expect(only(addArticles([join(w.input, 'wrong.html')], { articles: w.articles, force: true })).notes.join()).toContain('the page says its language is "fr-fr"');
    const right = createWorkspace('pages/open-graph.html');
    writeFileSync(join(right.input, 'open-graph.html'), readFileSync(join(right.input, 'open-graph.html'), 'utf8').replace('<meta property="og:type"', '<meta property="og:description" content="Floods in southern Brazil have killed at least 56 people, officials said"><meta property="og:type"'));
    expect(only(addArticles([join(right.input, 'open-graph.html')], { articles: right.articles })).notes).toEqual([]);
  });

  it('lets a flag override what the page says', () => {
    const w = createWorkspace('pages/open-graph.html');
    const o = only(addArticles([join(w.input, 'open-graph.html')], { articles: w.articles, outlet: 'Daily Example (print)', url: 'https://example.com/print/1' }));
    expect(o.record).toMatchObject({ outlet: 'Daily Example (print)', url: 'https://example.com/print/1', published: '2024-05-05' });
  });
});

describe('texts: datelines, a headline line, a date line, front matter', () => {
  it('reads an AP dateline ("KATMANDU, Nepal (AP) —") and a "Published:" line', () => {
    const w = createWorkspace('texts/ap-dateline.txt');
    const o = only(addArticles([join(w.input, 'ap-dateline.txt')], { articles: w.articles }));
    expect(o.record).toMatchObject({ headline: 'Powerful earthquake strikes western Nepal', outlet: 'Associated Press', published: '2023-11-04' });
    expect(textOf(w.corpus, o.record.file!)).toBe(readFileSync(join(FIXTURES, 'texts/ap-dateline.txt'), 'utf8'));
  });

  it('reads a Reuters dateline with its day ("PORTO ALEGRE, Brazil, May 5 (Reuters) -") and the date line above it', () => {
    const w = createWorkspace('texts/reuters-dateline.txt');
    const o = only(addArticles([join(w.input, 'reuters-dateline.txt')], { articles: w.articles }));
    expect(o.record).toMatchObject({ outlet: 'Reuters', published: '2024-05-05', headline: 'Floods kill dozens in southern Brazil as river hits record' });
    expect(o.notes).toEqual([]);
  });

  it('takes the publication day from a dateline that carries its year ("Baghdad (AFP) - June 23, 2014 -")', () => {
    const w = createWorkspace('texts/afp-dated-dateline.txt');
    const o = only(addArticles([join(w.input, 'afp-dated-dateline.txt')], { articles: w.articles }));
    expect(o.record).toMatchObject({ outlet: 'Agence France-Presse', published: '2014-06-23', headline: null });
    expect(o.record.id).toBe('agence-france-presse-2014-06-23-sunni-militants-seized-the-last-border');
  });

  it('reads a dateline that opens with its day ("Feb 13, 2007 (KHARTOUM) —") and keeps the headline above it', () => {
    const w = createWorkspace();
    writeFileSync(join(w.input, 'darfur.txt'), 'Several killed in Darfur clashes\n\nFeb 13, 2007 (KHARTOUM) — Several people have been killed in armed clashes in Darfur.\n');
    const o = only(addArticles([join(w.input, 'darfur.txt')], { articles: w.articles }));
    expect(o.record).toMatchObject({ headline: 'Several killed in Darfur clashes', published: '2007-02-13', outlet: null });
  });

  it('never takes a year for a dateline that gives only a month and day', () => {
    const w = createWorkspace('texts/dateline-without-year.txt');
    const file = join(w.input, 'dateline-without-year.txt');
    const result = addArticles([file], { articles: w.articles });
    expect(result.problems.map(formatProblem)).toEqual([`${file}: published: not found (no date line or dated dateline at the top of the text; the dateline says "June 23" but gives no year): not added; pass --published YYYY-MM-DD`]);
  });

  it('adds an article without a headline with headline null and says the app shows its first sentence', () => {
    const w = createWorkspace('texts/no-headline.txt');
    const o = only(addArticles([join(w.input, 'no-headline.txt')], { articles: w.articles, published: '2014-06-23' }));
    expect(o.record.headline).toBeNull();
    expect(o.notes.join()).toContain('first sentence');
    expect(parseArticles(readFileSync(w.articles, 'utf8'), 'articles.json')[0].headline).toBeNull();
  });

  it('reads Markdown front matter as web clippers write it, and keeps the text after it', () => {
    const w = createWorkspace('texts/front-matter.md');
    const o = only(addArticles([join(w.input, 'front-matter.md')], { articles: w.articles }));
    expect(o.record).toMatchObject({ headline: 'Ceasefire takes hold in Gaza after 11 days of fighting', outlet: 'Example Net News', published: '2021-05-21', url: 'https://news.example.net/2021/05/21/gaza-ceasefire' });
    expect(textOf(w.corpus, o.record.file!).startsWith('A ceasefire between Israel and Hamas')).toBe(true);
  });
});

describe('the corpus: idempotent, readable ids, records kept', () => {
  it('creates a missing corpus with readable ids (outlet-date-slug) and texts under articles/', () => {
    const w = createWorkspace('texts/ap-dateline.txt');
    addArticles([w.input], { articles: w.articles });
    expect(records(w.articles)).toEqual([{
      id: 'associated-press-2023-11-04-powerful-earthquake-strikes-western-nepal',
      file: 'articles/associated-press-2023-11-04-powerful-earthquake-strikes-western-nepal.txt',
      headline: 'Powerful earthquake strikes western Nepal', outlet: 'Associated Press', published: '2023-11-04', url: null,
    }]);
    expect(readdirSync(join(w.corpus, 'articles'))).toEqual(['associated-press-2023-11-04-powerful-earthquake-strikes-western-nepal.txt']);
  });

  it('adds the same article once, whatever its file is called, and leaves articles.json as it was', () => {
    const w = createWorkspace('texts/ap-dateline.txt');
    addArticles([join(w.input, 'ap-dateline.txt')], { articles: w.articles });
    const before = readFileSync(w.articles, 'utf8');
    copyFileSync(join(w.input, 'ap-dateline.txt'), join(w.input, 'copy-of-nepal.txt'));
    const again = addArticles([w.input], { articles: w.articles });
    expect(again.outcomes.map((o) => o.status)).toEqual(['unchanged', 'unchanged']);
    expect(again.outcomes[0].notes.join()).toContain('--force');
    expect(readFileSync(w.articles, 'utf8')).toBe(before);
    expect(readdirSync(join(w.corpus, 'articles'))).toHaveLength(1);
  });

  it('keeps a record a person edited unless --force, and then keeps its id, its file and the other records', () => {
    const w = createWorkspace('texts/ap-dateline.txt', 'texts/reuters-dateline.txt');
    addArticles([w.input], { articles: w.articles });
    const edited = readFileSync(w.articles, 'utf8').replace('"Associated Press"', '"AP (edited by hand)"');
    writeFileSync(w.articles, edited);
    addArticles([join(w.input, 'ap-dateline.txt')], { articles: w.articles });
    expect(readFileSync(w.articles, 'utf8')).toBe(edited);
    const forced = addArticles([join(w.input, 'ap-dateline.txt')], { articles: w.articles, force: true, url: 'https://apnews.example/nepal' });
    expect(forced.outcomes[0].status).toBe('replaced');
    const after = records(w.articles);
    expect(after[0]).toMatchObject({ id: 'associated-press-2023-11-04-powerful-earthquake-strikes-western-nepal', outlet: 'Associated Press', url: 'https://apnews.example/nepal' });
    expect(after[1]).toEqual(records(w.articles)[1]);
    expect(readFileSync(w.articles, 'utf8')).toContain('"reuters-2024-05-05-floods-kill-dozens-in-southern-brazil"');
  });

  it('keeps the bytes of records laid out by hand, one a line, when it adds to them', () => {
    const w = createWorkspace('texts/ap-dateline.txt', 'texts/reuters-dateline.txt');
    addArticles([join(w.input, 'ap-dateline.txt')], { articles: w.articles });
    const [record] = records(w.articles);
    const compact = `[\n  ${JSON.stringify(record)}\n]\n`;
    writeFileSync(w.articles, compact);
    addArticles([join(w.input, 'reuters-dateline.txt')], { articles: w.articles });
    expect(readFileSync(w.articles, 'utf8').startsWith(`[\n  ${JSON.stringify(record)},\n  {\n    "id": "reuters-2024-05-05-`)).toBe(true);
  });

  it('gives a different article with the same outlet, day and headline the next free id', () => {
    const w = createWorkspace('texts/ap-dateline.txt');
    writeFileSync(join(w.input, 'update.txt'), readFileSync(join(w.input, 'ap-dateline.txt'), 'utf8').replace('at least 128', 'at least 132'));
    const result = addArticles([w.input], { articles: w.articles });
    expect(result.outcomes.map((o) => o.record.id)).toEqual([
      'associated-press-2023-11-04-powerful-earthquake-strikes-western-nepal',
      'associated-press-2023-11-04-powerful-earthquake-strikes-western-nepal-2',
    ]);
  });

  it('adds a folder of mixed files, in subfolders too, skipping what is neither a page nor a text', () => {
    const w = createWorkspace();
    cpSync(FIXTURES, w.input, { recursive: true });
    writeFileSync(join(w.input, 'pages', 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
    const result = addArticles([w.input], { articles: w.articles });
    const added = result.outcomes.filter((o) => o.status === 'added').map((o) => o.file.slice(w.input.length + 1));
    // The three dated pages carry one story: one article, two "already there".
    expect(added).toEqual(['pages/json-ld.html', 'texts/afp-dated-dateline.txt', 'texts/ap-dateline.txt', 'texts/front-matter.md', 'texts/reuters-dateline.txt']);
    expect(result.outcomes.filter((o) => o.status === 'unchanged').map((o) => o.file.slice(w.input.length + 1))).toEqual(['pages/open-graph.html', 'pages/time-only.html']);
    expect(result.problems.map((p) => `${p.file.slice(w.input.length + 1)}: ${p.field}`)).toEqual(['README.md: published', 'pages/no-date.html: published', 'texts/dateline-without-year.txt: published', 'texts/no-headline.txt: published']);
    expect(parseArticles(readFileSync(w.articles, 'utf8'), w.articles)).toHaveLength(5);
  });
});

describe('bad input: a clear problem naming the file, and nothing in articles.json lost', () => {
  /** A corpus with one article in it, and the bytes of its articles.json. */
  function createCorpusWithOne() {
    const w = createWorkspace('texts/ap-dateline.txt');
    addArticles([join(w.input, 'ap-dateline.txt')], { articles: w.articles });
    return { ...w, before: readFileSync(w.articles, 'utf8') };
  }

  it.each([
    ['not UTF-8', 'latin1.txt', Buffer.from('Caf\xe9 in S\xe3o Paulo, June 5, 2024. Police said on Monday.', 'latin1'), 'is not valid UTF-8'],
    ['an empty page', 'empty.html', Buffer.from('<!doctype html><html><head><meta property="article:published_time" content="2024-01-01"></head><body></body></html>'), 'no article text found in the page'],
    ['a binary file', 'image.html', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), 'is a binary file, not text'],
    ['an empty text', 'empty.txt', Buffer.from(''), 'is empty'],
  ])('%s', (_name, file, bytes, message) => {
    const w = createCorpusWithOne();
    writeFileSync(join(w.input, file), bytes);
    const result = addArticles([join(w.input, file)], { articles: w.articles, published: '2024-01-01' });
    expect(result.problems.map(formatProblem).join('\n')).toContain(`${join(w.input, file)}: `);
    expect(result.problems.map((p) => p.message).join()).toContain(message);
    expect(readFileSync(w.articles, 'utf8')).toBe(w.before);
  });

  it('a link in a folder to a file outside it, and a path that is not there', () => {
    const w = createCorpusWithOne();
    const outside = join(w.input, '..', 'secret.txt');
    writeFileSync(outside, 'TOKEN=hunter2\nJune 5, 2024\n');
    const folder = join(w.input, 'folder');
    mkdirSync(folder);
    symlinkSync(outside, join(folder, 'link.txt'));
    const result = addArticles([folder, join(w.input, 'nowhere.html')], { articles: w.articles });
    expect(result.problems.map(formatProblem)).toEqual([
      `${join(w.input, 'nowhere.html')}: (file): no such file or folder`,
      `${join(folder, 'link.txt')}: (file): lies outside the corpus folder ${folder} (through a link)`,
    ]);
    expect(readFileSync(w.articles, 'utf8')).toBe(w.before);
  });

  it('an articles.json the ingest would refuse: every problem, nothing written', () => {
    const w = createCorpusWithOne();
    writeFileSync(w.articles, w.before.replace('"2023-11-04"', '"2023-02-30"'));
    const broken = readFileSync(w.articles, 'utf8');
    expect(() => addArticles([join(FIXTURES, 'texts/reuters-dateline.txt')], { articles: w.articles })).toThrow(InputError);
    expect(readFileSync(w.articles, 'utf8')).toBe(broken);
    expect(readdirSync(join(w.corpus, 'articles'))).toHaveLength(1);
  });

  it('a hostile page: scripts and handlers never reach the text, markup in the metadata stays text', () => {
    const w = createWorkspace();
    const payload = '<img src=x onerror="window.pwned=1">Kerry in <b>Baghdad</b>';
    const story = '<p>Militants seized the town of Tal Afar on Monday, officials said, after days of fighting in the north of the country.</p>'.repeat(4);
    writeFileSync(join(w.input, 'hostile.html'), `<html><head><meta property="og:title" content="${payload.replace(/"/g, '&quot;')}"><meta property="og:site_name" content="Wire&lt;script&gt;">`
      + `<meta property="article:published_time" content="2014-06-23"><link rel="canonical" href="javascript:alert(1)"></head>`
      + `<body><article>${story}<script>window.pwned = 2</script><p onclick="alert(3)">They said <a href="javascript:alert(4)">more</a> fighting was expected near the town.</p></article></body></html>`);
    const o = only(addArticles([join(w.input, 'hostile.html')], { articles: w.articles }));
    expect(o.record).toMatchObject({ headline: payload, outlet: 'Wire<script>', url: null });
    const text = textOf(w.corpus, o.record.file!);
    expect(text).not.toMatch(/pwned|alert|<script|onclick/);
    expect(text).toContain('They said more fighting was expected near the town.');
  });

  it('flags that cannot be used', () => {
    const w = createWorkspace('texts/ap-dateline.txt');
    expect(() => addArticles([w.input], { articles: w.articles, published: '23/06/2014', url: 'javascript:alert(1)' })).toThrow(
      '(command line): --published: "23/06/2014" is not a calendar day, YYYY-MM-DD\n(command line): --url: "javascript:alert(1)" is not an http(s) URL',
    );
  });
});

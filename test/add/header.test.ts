import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addArticles } from '../../src/ingest/add/add-articles.ts';
import { formatProblem } from '../../src/core/validate.ts';

const BODY = 'Floods hit Porto Alegre on Sunday, officials said, and rescuers searched Canoas for the missing.\n';

/** Adds one text, written as given, to a new corpus: its one outcome, and the text kept for it. */
function addText(name: string, content: string) {
  const dir = mkdtempSync(join(tmpdir(), 'datelines-header-'));
  mkdirSync(join(dir, 'in'));
  writeFileSync(join(dir, 'in', name), content);
  const result = addArticles([join(dir, 'in', name)], { articles: join(dir, 'corpus', 'articles.json') });
  expect(result.problems.map(formatProblem)).toEqual([]);
  expect(result.outcomes).toHaveLength(1);
  const outcome = result.outcomes[0];
  return { outcome, record: outcome.record, text: readFileSync(join(dir, 'corpus', outcome.record.file), 'utf8') };
}

describe('a text that opens with a header block: the block read, and never kept in the text', () => {
  it('reads "# key: value" header lines ended by a --- line, and makes the id from the title, not the header', () => {
    const { record, text, outcome } = addText('header.txt', '# title: Floods hit Porto Alegre\n# outlet: Example Wire\n# source_url: https://wire.example.org/floods\n# published: 2024-05-05\n# notes: check the Canoas figures on Monday\n---\n\n' + BODY);
    expect(record).toMatchObject({ id: 'example-wire-2024-05-05-floods-hit-porto-alegre', headline: 'Floods hit Porto Alegre', outlet: 'Example Wire', published: '2024-05-05', url: 'https://wire.example.org/floods' });
    expect(outcome.sources).toEqual(['headline: header "title"', 'outlet: header "outlet"', 'url: header "source_url"', 'published: header "published"']);
    expect(text).toBe(BODY);
  });

  it('reads "# key: value" header lines ended by a blank line', () => {
    const { record, text } = addText('header.md', '# Title: Floods hit Porto Alegre\n# Date: May 5, 2024\n\n' + BODY);
    expect(record).toMatchObject({ headline: 'Floods hit Porto Alegre', published: '2024-05-05' });
    expect(text).toBe(BODY);
  });

  it('reads email-style "Key: value" headers, a folded value and a date with its time and zone', () => {
    const { record, text } = addText('mail.txt', 'Subject: Floods hit Porto Alegre\n  as the river rises\nFrom: desk@wire.example.org\nDate: Sun, 5 May 2024 18:30:00 -0300\nSource URL: https://wire.example.org/floods\nPublisher: Example Wire\n\n' + BODY);
    expect(record).toMatchObject({ headline: 'Floods hit Porto Alegre as the river rises', outlet: 'Example Wire', published: '2024-05-05', url: 'https://wire.example.org/floods' });
    expect(text).toBe(BODY);
  });

  it('reads YAML front matter fully: quoted values with escapes, a folded block, a list, a comment, closed by ...', () => {
    const { record, text } = addText('clip.md', '---\n# clipped\ntitle: \'Floods hit Porto Alegre\'\'s centre\'\nsite_name: "Example \\"Wire\\""\ndescription: >\n  A long summary\n  over two lines\ntags:\n  - floods\n  - brazil\ndate: 2024-05-05T18:30:00-03:00\n...\n\n' + BODY);
    expect(record).toMatchObject({ headline: "Floods hit Porto Alegre's centre", outlet: 'Example "Wire"', published: '2024-05-05' });
    expect(text).toBe(BODY);
  });

  it('reads TOML front matter between +++ lines', () => {
    const { record, text } = addText('hugo.md', '+++\ntitle = "Floods hit Porto Alegre"\ndate = 2024-05-05\n[params]\noutlet = "Example Wire"\n+++\n' + BODY);
    expect(record).toMatchObject({ headline: 'Floods hit Porto Alegre', published: '2024-05-05', outlet: 'Example Wire' });
    expect(text).toBe(BODY);
  });

  it('keeps a first line with a colon that names no header key as the headline, in the text', () => {
    const content = 'Iraq: militants seize Tal Afar\n\nPublished: 2014-06-16\n\nMilitants seized the town of Tal Afar on Monday.\n';
    const { record, text } = addText('story.txt', content);
    expect(record).toMatchObject({ headline: 'Iraq: militants seize Tal Afar', published: '2014-06-16' });
    expect(text).toBe(content);
  });

  it('keeps a story that opens with a horizontal rule whole: it is not front matter', () => {
    const content = '---\nFloods hit Porto Alegre\n---\n\nPublished: 2024-05-05\n\n' + BODY;
    const { text } = addText('rule.md', content);
    expect(text).toBe(content);
  });

  it('never keeps a byte-order mark, and says when a header gives a date it cannot read', () => {
    const { text, outcome } = addText('bom.txt', '\uFEFF# title: Floods hit Porto Alegre\n# date: the fifth of May\n\nPublished: 2024-05-05\n\n' + BODY);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.startsWith('Published: 2024-05-05')).toBe(true);
    expect(outcome.notes.join('\n')).toContain('the header "date" says "the fifth of May", which is not a day');
  });
});

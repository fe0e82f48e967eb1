import { describe, expect, it } from 'vitest';
import { editArticlesJson } from '../../src/ingest/add/articles-json.ts';

function createRecord(id: string) {
  return { id, file: `articles/${id}.txt`, headline: 'Floods "kill" dozens\nin Brazil', outlet: null, published: '2024-05-05', url: null };
}

const EXPECTED_TWO = `[
  {
    "id": "a",
    "file": "articles/a.txt",
    "headline": "Floods \\"kill\\" dozens\\nin Brazil",
    "outlet": null,
    "published": "2024-05-05",
    "url": null
  },
  {
    "id": "b",
    "file": "articles/b.txt",
    "headline": "Floods \\"kill\\" dozens\\nin Brazil",
    "outlet": null,
    "published": "2024-05-05",
    "url": null
  }
]
`;

describe("articles.json edited in one pass", () => {
  it.each([['[]\n'], ['[\n]\n'], ['[ ]\n']])('appends to an empty array %j, each record on lines of its own', (text) => {
    expect(editArticlesJson(text, new Map(), [createRecord('a'), createRecord('b')])).toBe(EXPECTED_TWO);
  });

  it('appends after the last record, indented as it is, and keeps every byte before it', () => {
    const text = '[\n    {"id": "x", "note": "kept as typed"}\n]\n';
    const edited = editArticlesJson(text, new Map(), [createRecord('a')]);
    expect(edited.startsWith('[\n    {"id": "x", "note": "kept as typed"},\n    {\n      "id": "a",\n')).toBe(true);
    expect(edited.endsWith('      "url": null\n    }\n]\n')).toBe(true);
    expect(JSON.parse(edited)).toHaveLength(2);
  });

  it("keeps a file's CRLF line ends and byte-order mark", () => {
    const text = '\uFEFF[\r\n  {"id": "x"}\r\n]\r\n';
    const edited = editArticlesJson(text, new Map(), [createRecord('a')]);
    expect(edited.startsWith('\uFEFF[\r\n  {"id": "x"},\r\n  {\r\n    "id": "a",\r\n')).toBe(true);
    expect(edited.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('replaces a record in place, the others and the appended ones in the same pass', () => {
    const text = '[\n  {"id": "x"},\n  {"id": "y"},\n  {"id": "z"}\n]\n';
    const edited = editArticlesJson(text, new Map([[1, { id: 'y', replaced: true }]]), [{ id: 'w' }]);
    expect(edited).toBe('[\n  {"id": "x"},\n  {\n    "id": "y",\n    "replaced": true\n  },\n  {"id": "z"},\n  {\n    "id": "w"\n  }\n]\n');
  });

  it('appends 10,000 records in one edit, all of them there, in order', () => {
    const records = Array.from({ length: 10_000 }, (_, i) => createRecord(`r-${i}`));
    const edited = editArticlesJson(EXPECTED_TWO, new Map(), records);
    expect((JSON.parse(edited) as { id: string }[]).map((r) => r.id)).toEqual(['a', 'b', ...records.map((r) => r.id)]);
  });
});

import * as jsonc from 'jsonc-parser';

/**
 * The text of an `articles.json` (a JSON array, already validated) with some of its records replaced and others
 * appended, in one pass over it: every byte outside the records replaced is kept as it was (a person's layout,
 * line ends and byte-order mark too). New records are laid out as the records beside them are: each on lines of its
 * own, indented as the last record's line is (two spaces in an empty array), two spaces more a level inside,
 * with the file's line end. Linear in the text's length and the records': adding 10,000 records is one edit.
 */
export function editArticlesJson(text: string, replaced: ReadonlyMap<number, object>, appended: readonly object[]): string {
  if (replaced.size === 0 && appended.length === 0) return text;
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const root = jsonc.parseTree(text.slice(bom));
  if (!root || root.type !== 'array') throw new Error('articles.json is not an array'); // validated before: a bug
  const elements = root.children ?? [];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const edits: { offset: number; length: number; content: string }[] = [];
  for (const [index, record] of [...replaced].sort((a, b) => a[0] - b[0])) {
    const node = elements[index];
    const offset = bom + node.offset;
    const indent = indentAt(text, offset);
    edits.push({ offset, length: node.length, content: layout(record, indent ?? '', eol) });
  }
  if (appended.length) {
    const last = elements[elements.length - 1];
    if (last) {
      const end = bom + last.offset + last.length;
      const indent = indentAt(text, bom + last.offset) ?? '  ';
      edits.push({ offset: end, length: 0, content: appended.map((r) => `,${eol}${indent}${layout(r, indent, eol)}`).join('') });
    } else {
      // an empty array: its inside (whitespace only) becomes the records, the closing bracket on a line of its own
      const open = bom + root.offset;
      const indent = `${indentAt(text, open) ?? ''}  `;
      const records = appended.map((r) => `${indent}${layout(r, indent, eol)}`).join(`,${eol}`);
      edits.push({ offset: open + 1, length: root.length - 2, content: `${eol}${records}${eol}${indent.slice(2)}` });
    }
  }
  let out = '';
  let at = 0;
  for (const edit of edits.sort((a, b) => a.offset - b.offset)) {
    out += text.slice(at, edit.offset) + edit.content;
    at = edit.offset + edit.length;
  }
  return out + text.slice(at);
}

/** The whitespace that opens the line `offset` is on, when only whitespace comes before it there; else null. */
function indentAt(text: string, offset: number): string | null {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const before = text.slice(lineStart, offset);
  return /^[ \t]*$/.test(before.replace(/^\uFEFF/, '')) ? before.replace(/^\uFEFF/, '') : null;
}

/** A value as JSON on lines of its own below its first, each indented by `indent` and a unit a level. */
function layout(value: object, indent: string, eol: string): string {
  const unit = indent.startsWith('\t') ? '\t' : '  ';
  return JSON.stringify(value, null, unit).split('\n').join(`${eol}${indent}`);
}

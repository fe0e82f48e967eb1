import { cleanText } from './metadata.ts';

/**
 * The block of key–value lines some texts open with, which says what the text is and is not part of it. Three
 * forms are read, each only at the very top of the text:
 * - front matter, as web clippers and static sites write it: YAML between `---` lines (closed by `---` or `...`),
 *   or TOML between `+++` lines (`key = "value"`);
 * - header lines: `# key: value`, one a line, ended by a `---` line, a blank line or the first line of another kind;
 * - email-style headers: `Key: value` (RFC 5322's shape, a value may go on over indented lines), ended by a blank
 *   line or a `---` line.
 * A block of header lines or headers counts only when one of its keys is one we know (HEADER_KEYS): a story's first
 * line "Iraq: militants seize Tal Afar" is its headline, not a header.
 */
export interface TextHeader {
  form: 'front matter' | 'header';
  /** Keys as written (`Title`, `source_url`), values with quotes and surrounding space removed; none empty. */
  fields: [string, string][];
}

/** Keys, lowercased with spaces and hyphens as `_`, that make a block of `key: value` lines a header. */
export const HEADER_KEYS = new Set([
  'title', 'headline', 'subject', 'outlet', 'site', 'site_name', 'publisher', 'publication', 'source', 'source_url',
  'url', 'link', 'canonical', 'canonical_url', 'permalink', 'original_url', 'date', 'published', 'published_time',
  'published_at', 'publish_date', 'date_published', 'pubdate', 'author', 'authors', 'byline', 'tags', 'keywords',
  'updated', 'modified', 'language', 'lang',
]);

/** `Title`, `Source URL`, `site-name` → `title`, `source_url`, `site_name`. */
export function headerKey(key: string): string {
  return key.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

const LINE = /[^\r\n]*(?:\r\n|\r|\n|$)/y;
const HASH_LINE = /^#+[ \t]*([A-Za-z][\w-]*(?: [\w-]+){0,2})[ \t]*:(?:[ \t]+(.*)|[ \t]*)$/;
const EMAIL_LINE = /^([A-Za-z][\w-]*(?: [\w-]+){0,2})[ \t]*:(?:[ \t]+(.*)|[ \t]*)$/;
const YAML_LINE = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*)|[ \t]*)$/;
const TOML_LINE = /^([A-Za-z_][\w-]*)[ \t]*=[ \t]*(.*)$/;
const RULE = /^-{3,}[ \t]*$/;
const BLANK = /^[ \t]*$/;

/**
 * The text without the header block it opens with (and the blank lines after it), and the block's fields; the text
 * as it was and null when it opens with none. A leading byte-order mark is not part of the text either.
 */
export function splitHeader(source: string): { text: string; header: TextHeader | null } {
  const input = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const lines = linesOf(input);
  const found = frontMatter(lines) ?? headerLines(lines) ?? emailHeaders(lines);
  if (!found) return { text: input, header: null };
  let end = found.end;
  while (end < lines.length && BLANK.test(lines[end].line)) end++;
  const offset = end < lines.length ? lines[end].start : input.length;
  return { text: input.slice(offset), header: { form: found.form, fields: found.fields } };
}

interface Line {
  line: string; // without its line end
  start: number; // offset of its first character in the text
}

/** The text's lines, each with where it starts; at most the first MAX_HEADER_LINES + 2 are needed. */
function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  LINE.lastIndex = 0;
  while (LINE.lastIndex < text.length && lines.length < MAX_HEADER_LINES + 2) {
    const start = LINE.lastIndex;
    const m = LINE.exec(text)!;
    lines.push({ line: m[0].replace(/\r?\n$|\r$/, ''), start });
  }
  return lines;
}

const MAX_HEADER_LINES = 500; // a header longer than this is not one (and the text is not scanned further for it)

type Found = { form: TextHeader['form']; fields: [string, string][]; end: number } | null;

function frontMatter(lines: readonly Line[]): Found {
  const fence = lines[0]?.line.trimEnd();
  if (fence !== '---' && fence !== '+++') return null;
  const toml = fence === '+++';
  const close = lines.findIndex((l, i) => i > 0 && (toml ? l.line.trimEnd() === '+++' : /^(?:---|\.\.\.)[ \t]*$/.test(l.line)));
  if (close < 0) return null;
  // Every line inside must be of the form (a key, a list item, an indented line, a comment): a story that opens
  // with a horizontal rule is not front matter.
  const inside = lines.slice(1, close).map((l) => l.line);
  const other = toml ? /^(?:[ \t]*(?:#.*)?|\[[^\]]+\][ \t]*)$/ : /^(?:[ \t]*(?:#.*)?|[ \t]+.*|-(?:[ \t].*)?)$/;
  const key = toml ? TOML_LINE : YAML_LINE;
  if (!inside.every((line) => key.test(line) || other.test(line)) || !inside.some((line) => key.test(line))) return null;
  const fields: [string, string][] = [];
  for (let i = 1; i < close; i++) {
    const m = key.exec(lines[i].line);
    if (!m) continue; // a list item, a nested key, a comment: nothing of the record
    let raw = m[2] ?? '';
    if (!toml && /^[|>][+-]?$/.test(raw.trim())) {
      // a block scalar: the indented lines below it, folded into one
      const block: string[] = [];
      while (i + 1 < close && /^[ \t]+\S/.test(lines[i + 1].line)) block.push(lines[++i].line.trim());
      raw = block.join(' ');
    }
    const value = scalar(raw);
    if (value) fields.push([m[1], value]);
  }
  return { form: 'front matter', fields, end: close + 1 };
}

function headerLines(lines: readonly Line[]): Found {
  const fields: [string, string][] = [];
  let i = 0;
  for (; i < lines.length && i < MAX_HEADER_LINES; i++) {
    const m = HASH_LINE.exec(lines[i].line);
    if (!m) break;
    const value = cleanText(m[2]);
    if (value) fields.push([m[1], value]);
  }
  if (i === 0 || !fields.some(([key]) => HEADER_KEYS.has(headerKey(key)))) return null;
  if (i < lines.length && RULE.test(lines[i].line)) i++;
  return { form: 'header', fields, end: i };
}

function emailHeaders(lines: readonly Line[]): Found {
  const fields: [string, string][] = [];
  let i = 0;
  for (; i < lines.length && i < MAX_HEADER_LINES; i++) {
    const { line } = lines[i];
    if (i > 0 && /^[ \t]+\S/.test(line)) {
      // a folded header: its value goes on
      const last = fields[fields.length - 1];
      if (last) last[1] = cleanText(`${last[1]} ${line}`)!;
      continue;
    }
    const m = EMAIL_LINE.exec(line);
    if (!m) break;
    fields.push([m[1], cleanText(m[2]) ?? '']);
  }
  const ended = i < lines.length && (BLANK.test(lines[i].line) || RULE.test(lines[i].line));
  if (i === 0 || !ended || !fields.some(([key]) => HEADER_KEYS.has(headerKey(key)))) return null;
  return { form: 'header', fields: fields.filter(([, value]) => value !== ''), end: RULE.test(lines[i].line) ? i + 1 : i };
}

/** A YAML or TOML scalar as text: quotes removed (and a double-quoted one's escapes read), a trailing comment cut. */
function scalar(raw: string): string | null {
  const text = raw.trim();
  if (text.startsWith('"')) {
    const end = /^"(?:[^"\\]|\\.)*"/.exec(text);
    if (end) {
      try {
        return cleanText(JSON.parse(end[0]) as string);
      } catch {
        return cleanText(end[0].slice(1, -1));
      }
    }
  }
  if (text.startsWith("'")) {
    const end = /^'(?:[^']|'')*'/.exec(text);
    if (end) return cleanText(end[0].slice(1, -1).replace(/''/g, "'"));
  }
  return cleanText(text.replace(/[ \t]+#.*$/, ''));
}

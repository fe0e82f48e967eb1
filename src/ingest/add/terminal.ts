/**
 * Text from files and file names made safe to print on a terminal: every control character (C0 but for none, DEL,
 * C1), and the characters that reorder or break lines (bidirectional overrides and isolates, U+2028, U+2029), is
 * written as an escape a person can read (`\x1b`, `\n`, `\u202e`), so that an article cannot colour the terminal,
 * set its window's title, move the cursor or split one problem's line in two.
 */
export function forTerminal(text: string): string {
  return text.replace(UNSAFE, escapeOf);
}

/**
 * JSON text as JSON.stringify writes it (C0 controls inside strings escaped, line ends only between values) with
 * DEL, C1 and the others written as `\uXXXX` too: the same JSON value, safe on a terminal.
 */
export function jsonForTerminal(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeOf(c: string): string {
  const code = c.charCodeAt(0);
  return NAMED[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

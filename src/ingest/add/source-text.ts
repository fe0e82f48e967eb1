import { InputError } from '../../core/validate.ts';
import { BINARY_SNIFF_BYTES } from '../../io/read-files.ts';

/**
 * A source file's bytes as text, decoded as a browser or an editor would: by its byte-order mark (UTF-8, UTF-16LE,
 * UTF-16BE: a UTF-16 text is full of NUL bytes, and is not binary for it), else, for a web page, by the charset
 * its head declares (`<meta charset>`, `<meta http-equiv="Content-Type">`, an XML declaration; windows-1252,
 * Shift_JIS, any label the WHATWG Encoding Standard knows, decoded by TextDecoder), else as strict UTF-8. The text
 * has no byte-order mark. Throws an InputError naming the file: binary, or not valid in its encoding.
 */
export function decodeSource(bytes: Uint8Array, kind: 'page' | 'text', file: string): string {
  const field = '(file)';
  const bom = byteOrderMark(bytes);
  if (bom) return decodeStrictly(bytes.subarray(bom.length), bom.encoding, file, `is not valid ${bom.name} (its byte-order mark says ${bom.name})`);
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) throw new InputError([{ file, field, message: 'is a binary file, not text' }]);
  const declared = kind === 'page' ? declaredCharset(bytes) : null;
  if (declared && declared.encoding !== 'utf-8') return decodeStrictly(bytes, declared.encoding, file, `is not valid ${declared.label} (as its ${declared.where} declares)`);
  return decodeStrictly(bytes, 'utf-8', file, kind === 'page' ? 'is not valid UTF-8 (and declares no other charset in a <meta charset>)' : 'is not valid UTF-8 (save it as UTF-8, or as UTF-16 with a byte-order mark)');
}

function byteOrderMark(bytes: Uint8Array): { length: number; encoding: string; name: string } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { length: 3, encoding: 'utf-8', name: 'UTF-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { length: 2, encoding: 'utf-16le', name: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { length: 2, encoding: 'utf-16be', name: 'UTF-16BE' };
  return null;
}

const PRESCAN_BYTES = 1024; // the HTML standard's prescan reads the first 1,024 bytes for a declared charset

/**
 * The encoding a page's head declares, as the HTML standard's prescan finds it (roughly: the first `<meta>` with a
 * charset, in the first 1,024 bytes); null when none, or a label no decoder knows. A page that declares UTF-16
 * without a byte-order mark is read as UTF-8, as the standard says.
 */
export function declaredCharset(bytes: Uint8Array): { encoding: string; label: string; where: string } | null {
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1');
  const withoutComments = head.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  const meta = /<meta\s[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(withoutComments);
  const xml = meta ? null : /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(withoutComments);
  const label = (meta ?? xml)?.[1];
  if (!label) return null;
  let encoding: string;
  try {
    encoding = new TextDecoder(label).encoding;
  } catch {
    return null; // a label nobody knows: read as UTF-8, and said if that fails
  }
  return { encoding: encoding.startsWith('utf-16') ? 'utf-8' : encoding, label, where: meta ? '<meta charset>' : 'XML declaration' };
}

function decodeStrictly(bytes: Uint8Array, encoding: string, file: string, failure: string): string {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new InputError([{ file, field: '(file)', message: failure }]);
  }
  return encoding === 'windows-1252' ? windows1252Fixed(text) : text;
}

/**
 * Node 20.18.3 and later decode windows-1252 as Latin-1 (https://github.com/nodejs/node/issues/60888): bytes
 * 0x80–0x9F come out as C1 controls, not as the curly quotes, dashes and € they are. Those code points can come
 * from nowhere else in windows-1252, so mapping them by the WHATWG index is right whether the decoder is fixed or not.
 */
function windows1252Fixed(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? c);
}

/** Bytes 0x80–0x9F of windows-1252 (the WHATWG index); undefined where the byte is its own C1 code point. */
const WINDOWS_1252_C1: (string | undefined)[] = [
  '€', undefined, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', undefined, 'Ž', undefined,
  undefined, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', undefined, 'ž', 'Ÿ',
];

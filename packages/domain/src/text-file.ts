import { type FieldError, fieldError } from './validation.ts';

/**
 * Reads the bytes of an uploaded text file (a police list saved as CSV) into
 * text, detecting the character set rather than assuming one. Danish Excel
 * saves "CSV (semikolonsepareret)" in Windows-1252 ("Søren" has the single
 * byte 0xF8) and "CSV UTF-8" in UTF-8 with a byte order mark; a browser that
 * reads either as UTF-8 turns "ø" into U+FFFD without a word. So:
 *
 * 1. A byte order mark decides: UTF-8, or UTF-16 (Excel's "Unicode-tekst").
 * 2. Without one, bytes that are valid UTF-8 are UTF-8 (plain ASCII too).
 * 3. Otherwise Windows-1252, unless a byte is one of the five it leaves
 *    undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D): then the file is something else
 *    and is refused, since a guess would corrupt names.
 *
 * The one ambiguity: Windows-1252 text whose every non-ASCII letter is
 * followed by a byte that continues it in UTF-8 (a Danish letter directly
 * followed by a symbol such as €, ° or a typographic quote) reads as UTF-8.
 * Names, dates and phone numbers in a police list do not look like that.
 *
 * A NUL byte or another control character (other than tab and line breaks)
 * means the file is not text (an Excel workbook, a PDF); zero bytes in every
 * other position mean UTF-16 without a byte order mark. Both are refused with
 * a message that says what to do, never decoded into garbage.
 */
export type TextFileEncoding = 'UTF-8' | 'WINDOWS-1252' | 'UTF-16LE' | 'UTF-16BE';

export type DecodedTextFile =
  | { ok: true; text: string; encoding: TextFileEncoding; byteOrderMark: boolean }
  | { ok: false; error: FieldError };

/** Windows-1252's 0x80-0x9F; null where the code page defines no character. */
const CP1252_HIGH: readonly (number | null)[] = [
  0x20ac,
  null,
  0x201a,
  0x0192,
  0x201e,
  0x2026,
  0x2020,
  0x2021,
  0x02c6,
  0x2030,
  0x0160,
  0x2039,
  0x0152,
  null,
  0x017d,
  null,
  null,
  0x2018,
  0x2019,
  0x201c,
  0x201d,
  0x2022,
  0x2013,
  0x2014,
  0x02dc,
  0x2122,
  0x0161,
  0x203a,
  0x0153,
  null,
  0x017e,
  0x0178,
];

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const NOT_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function strictDecode(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Windows-1252 by its table, not the platform's decoder: Node 20's
 * TextDecoder('windows-1252') decodes 0x80-0x9F as Latin-1 (0x80 becomes
 * U+0080, not €). Null on a byte the code page leaves undefined.
 */
function decodeWindows1252(bytes: Uint8Array): string | null {
  const chunks: string[] = [];
  let codes: number[] = [];
  for (const byte of bytes) {
    const code = byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : byte;
    if (code === null || code === undefined) return null;
    codes.push(code);
    if (codes.length === 8192) {
      chunks.push(String.fromCharCode(...codes));
      codes = [];
    }
  }
  chunks.push(String.fromCharCode(...codes));
  return chunks.join('');
}

/** Zero bytes in one of the two byte positions and hardly any in the other: UTF-16 without a BOM. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) evenZeros++;
      else oddZeros++;
    }
  }
  const half = sample.length / 2;
  return Math.max(evenZeros, oddZeros) >= half * 0.3 && Math.min(evenZeros, oddZeros) <= half * 0.05;
}

function refused(field: string, code: 'FILE_NOT_TEXT' | 'FILE_ENCODING'): DecodedTextFile {
  return { ok: false, error: fieldError(field, code) };
}

function accepted(text: string, encoding: TextFileEncoding, byteOrderMark: boolean, field: string) {
  if (NOT_TEXT.test(text)) return refused(field, 'FILE_NOT_TEXT');
  return { ok: true, text, encoding, byteOrderMark } as const;
}

/** The file's text, or a FILE_NOT_TEXT / FILE_ENCODING error on `field` (Danish and English). */
export function decodeTextFile(bytes: Uint8Array, field = 'file'): DecodedTextFile {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = strictDecode('utf-8', bytes.subarray(3));
    return text === null ? refused(field, 'FILE_ENCODING') : accepted(text, 'UTF-8', true, field);
  }
  for (const [bom, encoding] of [
    [[0xff, 0xfe], 'utf-16le'],
    [[0xfe, 0xff], 'utf-16be'],
  ] as const) {
    if (startsWith(bytes, bom)) {
      const text = strictDecode(encoding, bytes.subarray(2));
      const name = encoding === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE';
      return text === null ? refused(field, 'FILE_ENCODING') : accepted(text, name, true, field);
    }
  }
  if (bytes.includes(0)) {
    return refused(field, looksLikeUtf16(bytes) ? 'FILE_ENCODING' : 'FILE_NOT_TEXT');
  }
  const utf8 = strictDecode('utf-8', bytes);
  if (utf8 !== null) return accepted(utf8, 'UTF-8', false, field);
  const cp1252 = decodeWindows1252(bytes);
  return cp1252 === null ? refused(field, 'FILE_ENCODING') : accepted(cp1252, 'WINDOWS-1252', false, field);
}

import { describe, expect, it } from 'vitest';
import { decodeTextFile } from './text-file.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** A police list line as Danish Excel saves it: ; separated, CRLF. */
const HEADER = ascii('Dato;Type;Navn\r\n');

describe('decodeTextFile', () => {
  it('reads Windows-1252 ("CSV (semikolonsepareret)"): "Søren" is 0xF8, not U+FFFD', () => {
    // S ø r e n / Æ r ø / Å
    const file = bytes(
      ...HEADER,
      ...ascii('01-11-2026;Vold;S'),
      0xf8,
      ...ascii('ren '),
      0xc6,
      ...ascii('r'),
      0xf8,
      0x0d,
      0x0a,
    );
    const decoded = decodeTextFile(file);
    expect(decoded).toEqual({
      ok: true,
      text: 'Dato;Type;Navn\r\n01-11-2026;Vold;Søren Ærø\r\n',
      encoding: 'WINDOWS-1252',
      byteOrderMark: false,
    });
  });

  it('reads UTF-8 without a byte order mark', () => {
    const file = bytes(...ascii('Navn\n'), 0x53, 0xc3, 0xb8, 0x72, 0x65, 0x6e, 0x0a);
    expect(decodeTextFile(file)).toEqual({
      ok: true,
      text: 'Navn\nSøren\n',
      encoding: 'UTF-8',
      byteOrderMark: false,
    });
  });

  it('reads UTF-8 with a byte order mark ("CSV UTF-8") and drops the mark', () => {
    const file = bytes(0xef, 0xbb, 0xbf, ...ascii('Navn\n'), 0xc3, 0x85, 0x73, 0x65);
    expect(decodeTextFile(file)).toEqual({
      ok: true,
      text: 'Navn\nÅse',
      encoding: 'UTF-8',
      byteOrderMark: true,
    });
  });

  it('reads plain ASCII and an empty file as UTF-8', () => {
    expect(decodeTextFile(bytes(...ascii('a;b\r\n1;2')))).toMatchObject({
      ok: true,
      text: 'a;b\r\n1;2',
      encoding: 'UTF-8',
    });
    expect(decodeTextFile(bytes())).toMatchObject({ ok: true, text: '', encoding: 'UTF-8' });
  });

  it("decodes Windows-1252's 0x80-0x9F by the code page (€, typographic quotes, Š, Ÿ), the rest as Latin-1", () => {
    // From the code page's published table; Node 20's own TextDecoder('windows-1252') gets these wrong
    // (it decodes 0x80 as U+0080), which is why the module carries the table.
    const high = '€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ';
    for (let byte = 0x20; byte <= 0xff; byte++) {
      if ([0x7f, 0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(byte)) continue;
      const expected = byte >= 0x80 && byte <= 0x9f ? high[byte - 0x80] : String.fromCharCode(byte);
      // A ø first makes the file invalid UTF-8, so Windows-1252 is chosen.
      expect(decodeTextFile(bytes(0xf8, byte)), `byte 0x${byte.toString(16)}`).toMatchObject({
        ok: true,
        encoding: 'WINDOWS-1252',
        text: `ø${expected}`,
      });
    }
    expect(decodeTextFile(bytes(0x80, 0x93, 0x4a, 0x61, 0x94))).toMatchObject({ text: '€“Ja”' });
  });

  it('refuses bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) with a clear message', () => {
    for (const byte of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) {
      const decoded = decodeTextFile(bytes(...ascii('S'), 0xf8, byte));
      expect(decoded, `byte 0x${byte.toString(16)}`).toEqual({
        ok: false,
        error: expect.objectContaining({ field: 'file', code: 'FILE_ENCODING' }),
      });
    }
    const decoded = decodeTextFile(bytes(0x81));
    expect(decoded.ok || decoded.error.message.da).toContain('hverken UTF-8 eller Windows-1252');
    expect(decoded.ok || decoded.error.message.en).toContain('neither UTF-8 nor Windows-1252');
  });

  it('refuses UTF-16 without a byte order mark', () => {
    const utf16le = bytes(
      ...[...'Navn;Søren\r\n'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
    );
    const utf16be = bytes(
      ...[...'Navn;Søren\r\n'].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff]),
    );
    expect(decodeTextFile(utf16le)).toMatchObject({ ok: false, error: { code: 'FILE_ENCODING' } });
    expect(decodeTextFile(utf16be)).toMatchObject({ ok: false, error: { code: 'FILE_ENCODING' } });
  });

  it('reads UTF-16 with a byte order mark (Excel\'s "Unicode-tekst")', () => {
    const le = bytes(
      0xff,
      0xfe,
      ...[...'Navn\tSøren'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
    );
    const be = bytes(
      0xfe,
      0xff,
      ...[...'Navn\tSøren'].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff]),
    );
    expect(decodeTextFile(le)).toEqual({
      ok: true,
      text: 'Navn\tSøren',
      encoding: 'UTF-16LE',
      byteOrderMark: true,
    });
    expect(decodeTextFile(be)).toEqual({
      ok: true,
      text: 'Navn\tSøren',
      encoding: 'UTF-16BE',
      byteOrderMark: true,
    });
    // An odd number of bytes after the mark is not UTF-16.
    expect(decodeTextFile(bytes(0xff, 0xfe, 0x41))).toMatchObject({
      ok: false,
      error: { code: 'FILE_ENCODING' },
    });
  });

  it('refuses a byte order mark followed by invalid UTF-8', () => {
    expect(decodeTextFile(bytes(0xef, 0xbb, 0xbf, 0x53, 0xf8, 0x72))).toMatchObject({
      ok: false,
      error: { code: 'FILE_ENCODING' },
    });
  });

  it('refuses binary files: an Excel workbook (zip), a PDF, NUL and other control bytes', () => {
    const xlsx = bytes(
      0x50,
      0x4b,
      0x03,
      0x04,
      0x14,
      0x00,
      0x06,
      0x00,
      0x08,
      0x00,
      0x00,
      0x00,
      0x21,
      0x00,
      0x62,
      0xee,
    );
    const pdf = bytes(...ascii('%PDF-1.7\n'), 0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a, 0x01, 0x02);
    for (const [name, file] of [
      ['xlsx', xlsx],
      ['pdf', pdf],
      ['NUL', bytes(...ascii('Navn\nS'), 0x00, ...ascii('ren'))],
      ['BEL', bytes(...ascii('Navn\nS'), 0x07, ...ascii('ren'))],
      ['ESC in Windows-1252', bytes(0xf8, 0x1b)],
    ] as const) {
      expect(decodeTextFile(file), name).toMatchObject({
        ok: false,
        error: { field: 'file', code: 'FILE_NOT_TEXT' },
      });
    }
    const decoded = decodeTextFile(xlsx);
    expect(decoded.ok || decoded.error.message.da).toContain('Excel');
  });

  it('names the field it is given', () => {
    expect(decodeTextFile(bytes(0x81), 'policeList')).toMatchObject({ error: { field: 'policeList' } });
  });

  it('reads a 1 MB Windows-1252 list quickly and completely', () => {
    const line = bytes(...ascii('01-11-2026;Vold;J'), 0xf8, ...ascii('rgen Hansen;22334455\r\n'));
    const file = new Uint8Array(line.length * 25_000);
    for (let i = 0; i < 25_000; i++) file.set(line, i * line.length);
    const started = performance.now();
    const decoded = decodeTextFile(file);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(decoded.ok && decoded.text.split('\r\n').length).toBe(25_001);
    expect(decoded.ok && decoded.text.includes('Jørgen')).toBe(true);
  });
});

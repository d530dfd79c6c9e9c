import { describe, expect, it } from 'vitest';
import { cellTextProblems, checkTextInput } from './text-input.ts';

const single = { multiline: false };
const multi = { multiline: true };

describe('checkTextInput', () => {
  it('normalises to NFC: a decomposed "å" becomes the one composed character', () => {
    const decomposed = 'Ka\u030Are';
    expect(checkTextInput(decomposed, single)).toEqual({ ok: true, value: 'K\u00E5re' });
    expect(checkTextInput('Søren Ærø', single)).toEqual({ ok: true, value: 'Søren Ærø' });
  });

  it('refuses NUL, the other C0 controls, DEL and the C1 controls everywhere', () => {
    for (const code of [0x00, 0x01, 0x07, 0x08, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x9f]) {
      const text = `A${String.fromCharCode(code)}B`;
      expect(checkTextInput(text, single), code.toString(16)).toEqual({
        ok: false,
        code: 'CONTROL_CHARACTER',
      });
      expect(checkTextInput(text, multi), code.toString(16)).toEqual({
        ok: false,
        code: 'CONTROL_CHARACTER',
      });
    }
  });

  it('allows line breaks and tab only in multi-line texts', () => {
    for (const text of ['A\nB', 'A\r\nB', 'A\rB', 'A\u2028B', 'A\u2029B']) {
      expect(checkTextInput(text, single)).toEqual({ ok: false, code: 'LINE_BREAK' });
      expect(checkTextInput(text, multi)).toEqual({ ok: true, value: text });
    }
    expect(checkTextInput('A\tB', single)).toEqual({ ok: false, code: 'CONTROL_CHARACTER' });
    expect(checkTextInput('A\tB', multi)).toEqual({ ok: true, value: 'A\tB' });
  });

  it('refuses bidi embeddings, overrides, isolates and the invisible direction marks', () => {
    for (const code of [
      0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c,
    ]) {
      const text = `Søren${String.fromCharCode(code)}gpj.exe`;
      expect(checkTextInput(text, single), code.toString(16)).toEqual({ ok: false, code: 'BIDI_CONTROL' });
      expect(checkTextInput(text, multi), code.toString(16)).toEqual({ ok: false, code: 'BIDI_CONTROL' });
    }
  });

  it('keeps right-to-left scripts, emoji and other letters', () => {
    for (const text of ['محمد', 'שלום', 'Zoë Ñúñez', 'Łukasz Żółć', '👩‍👧 ok', 'Ōtsuka 大塚', 'Ẩ']) {
      expect(checkTextInput(text, single)).toEqual({ ok: true, value: text.normalize('NFC') });
    }
  });

  it('refuses unpaired surrogates and the noncharacters U+FFFE and U+FFFF', () => {
    for (const text of ['A\uD800', '\uDC00B', 'A\uDBFF\uDBFFB', 'A\uFFFE', 'A\uFFFF']) {
      expect(checkTextInput(text, multi), JSON.stringify(text)).toEqual({ ok: false, code: 'INVALID_TEXT' });
    }
    expect(checkTextInput('A\uD83D\uDE00', single)).toEqual({ ok: true, value: 'A😀' });
  });

  it('accepts the empty string', () => {
    expect(checkTextInput('', single)).toEqual({ ok: true, value: '' });
  });
});

describe('cellTextProblems', () => {
  it('names the row index, field and rule of each bad cell, up to the limit', () => {
    const rows = [
      { name: 'Søren', phone: '22334455' },
      { name: 'S\uFFFDren', phone: '2233\u00004455' },
      { name: 'Bo\u202E', age: 5 },
    ];
    expect(cellTextProblems(rows, 10)).toEqual([
      { index: 1, field: 'name', code: 'UNREADABLE_CHARACTER' },
      { index: 1, field: 'phone', code: 'CONTROL_CHARACTER' },
      { index: 2, field: 'name', code: 'BIDI_CONTROL' },
    ]);
    expect(cellTextProblems(rows, 2)).toHaveLength(2);
    expect(cellTextProblems([{ name: 'Søren' }], 10)).toEqual([]);
  });
});

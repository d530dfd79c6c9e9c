/**
 * What a text typed, pasted or read from a file may hold before it is stored.
 * The gateway applies this to every text input (names, notes, plan names, the
 * rows of a police list); the apps may apply it early to point at the cell.
 *
 * - The text is normalised to NFC, so "ø" typed on one keyboard and pasted
 *   from another is the same text (and the same duplicate key).
 * - Refused everywhere: NUL and the other C0 control characters, DEL and the
 *   C1 controls (U+0080-U+009F): invisible, never typed, and PostgreSQL
 *   refuses NUL in text outright.
 * - Refused everywhere: the bidirectional embeddings, overrides and isolates
 *   (U+202A-U+202E, U+2066-U+2069) and the invisible direction marks (U+200E,
 *   U+200F, U+061C). They can make a name display as another ("Trojan
 *   Source"), and the marks make two equal-looking names differ. Our texts are
 *   Danish and English; a right-to-left name still displays correctly without
 *   them.
 * - Line breaks (LF, CR, U+2028, U+2029) and tab only where a text is meant to
 *   span lines (a call script, a safety plan); elsewhere a line break is
 *   refused and a tab counts as a control character.
 * - Unpaired UTF-16 surrogates and the noncharacters U+FFFE/U+FFFF are not
 *   text: encoding them for the database would silently turn them into U+FFFD.
 */
export type TextProblemCode = 'CONTROL_CHARACTER' | 'LINE_BREAK' | 'BIDI_CONTROL' | 'INVALID_TEXT';

export interface TextRules {
  /** A text meant to span lines (a textarea): line breaks and tab allowed. */
  multiline: boolean;
}

export type TextCheck = { ok: true; value: string } | { ok: false; code: TextProblemCode };

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NONCHARACTER = /[\uFFFE\uFFFF]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const TAB = /\t/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

/** The NFC form of `value`, or the first rule it breaks. */
export function checkTextInput(value: string, rules: TextRules): TextCheck {
  if (UNPAIRED_SURROGATE.test(value) || NONCHARACTER.test(value)) return { ok: false, code: 'INVALID_TEXT' };
  if (CONTROL_EXCEPT_LINES.test(value)) return { ok: false, code: 'CONTROL_CHARACTER' };
  if (!rules.multiline) {
    if (TAB.test(value)) return { ok: false, code: 'CONTROL_CHARACTER' };
    if (LINE_BREAK.test(value)) return { ok: false, code: 'LINE_BREAK' };
  }
  if (BIDI_CONTROL.test(value)) return { ok: false, code: 'BIDI_CONTROL' };
  return { ok: true, value: value.normalize('NFC') };
}

export type CellProblemCode = TextProblemCode | 'UNREADABLE_CHARACTER';

export interface CellProblem {
  /** The row's index in `rows` (0-based). */
  index: number;
  field: string;
  code: CellProblemCode;
}

/**
 * The cells of a table read from a file (a police list) that break the
 * one-line text rules, or hold U+FFFD: a byte the file's reader could not
 * decode, so a name such as "S\uFFFDren" is garbled, not typed. At most
 * `limit`: the fix is to the file, not to each cell.
 */
export function cellTextProblems(
  rows: readonly Readonly<Record<string, unknown>>[],
  limit: number,
): CellProblem[] {
  const problems: CellProblem[] = [];
  for (const [index, row] of rows.entries()) {
    for (const [field, value] of Object.entries(row)) {
      if (typeof value !== 'string') continue;
      const check = checkTextInput(value, { multiline: false });
      if (!check.ok) problems.push({ index, field, code: check.code });
      else if (value.includes('\uFFFD')) problems.push({ index, field, code: 'UNREADABLE_CHARACTER' });
      if (problems.length >= limit) return problems;
    }
  }
  return problems;
}

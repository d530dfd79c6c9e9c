import {
  OVERRIDABLE_TEXT_GROUPS,
  type OverridableTextGroup,
  overridableSource,
  overridableTextGroups,
} from '@vi/domain';

/**
 * The translation screen's rows: every text a lead may reword in one language, with the Danish
 * source, the built-in text and the organisation's override, grouped by where it is shown, and the
 * search over them. Kept apart from the screen so the filter is tested without a browser.
 */

export type TranslationRow = {
  readonly key: string;
  readonly group: OverridableTextGroup;
  readonly source: string;
  readonly builtIn: string;
  /** The organisation's text, or null when the built-in one is used. */
  readonly override: string | null;
};

export function translationRows(
  builtIn: Readonly<Record<string, string>>,
  overrides: ReadonlyArray<{ readonly key: string; readonly text: string }>,
): TranslationRow[] {
  const groups = overridableTextGroups();
  const overridden = new Map(overrides.map((o) => [o.key, o.text]));
  return [...overridableSource()].map(([key, label]) => ({
    key,
    group: groups.get(key) ?? 'pages',
    source: label.da,
    // A language without its own text shows the Danish one, as the participant pages do.
    builtIn: builtIn[key]?.trim() ? (builtIn[key] as string) : label.da,
    override: overridden.get(key) ?? null,
  }));
}

/** Case- and accent-insensitive, so "spørgsmål" finds "Spørgsmål" and "resume" finds "résumé". */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** The rows whose key, source, built-in text or override contains every word of the search. */
export function filterTranslationRows(
  rows: readonly TranslationRow[],
  search: string,
  onlyChanged = false,
): TranslationRow[] {
  const words = fold(search).split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    if (onlyChanged && row.override === null) return false;
    if (words.length === 0) return true;
    const haystack = fold(`${row.key}\n${row.source}\n${row.builtIn}\n${row.override ?? ''}`);
    return words.every((word) => haystack.includes(word));
  });
}

/** The rows by group, in the groups' fixed order, leaving out empty groups. */
export function groupTranslationRows(
  rows: readonly TranslationRow[],
): Array<{ group: OverridableTextGroup; rows: TranslationRow[] }> {
  return OVERRIDABLE_TEXT_GROUPS.map((group) => ({
    group,
    rows: rows.filter((row) => row.group === group),
  })).filter((entry) => entry.rows.length > 0);
}

import { MIN_CELL, suppressCount } from '@vi/domain';

/**
 * Disclosure control for counts tied together by sums that are all shown, such as the
 * outreach funnel (identified = no contact details + with contact details; reached =
 * wants a call + declines + will call themselves; …). The domain's `suppressTable` covers
 * a rows × columns table; a funnel is a tree of such sums, so here the domain's rule is
 * applied to every sum at once:
 * - primary: a count the domain's `suppressCount` hides (under MIN_CELL people);
 * - secondary: in every sum, either nothing is hidden or at least two members are, so no
 *   hidden count equals "total minus the shown parts". The other member hidden is the
 *   smallest shown non-zero part (losing the least information), a zero part only when
 *   no non-zero part is left, and the total only when no part is left. Repeated until
 *   nothing changes, because hiding a count can break another sum it belongs to.
 * A hidden part never forces its total to be hidden while another part can be hidden
 * instead, so adding a breakdown under a total does not change what the total shows.
 */
export type SuppressedCount = {
  /** null when hidden. */
  value: number | null;
  suppressed: boolean;
  reason: 'PRIMARY' | 'SECONDARY' | null;
};

export type CountRelation = { total: string; parts: readonly string[] };

export function suppressRelatedCounts<K extends string>(
  counts: Readonly<Record<K, number>>,
  relations: readonly CountRelation[],
): Record<K, SuppressedCount> {
  const keys = Object.keys(counts) as K[];
  const reason = new Map<string, 'PRIMARY' | 'SECONDARY'>();
  for (const key of keys) {
    if (suppressCount(counts[key]).suppressed) reason.set(key, 'PRIMARY');
  }
  const countOf = (key: string): number => {
    const value = (counts as Record<string, number>)[key];
    if (value === undefined) throw new Error(`Relation names an unknown count: ${key}`);
    return value;
  };
  for (const relation of relations) [relation.total, ...relation.parts].forEach(countOf);

  let changed = true;
  while (changed) {
    changed = false;
    for (const relation of relations) {
      const members = [relation.total, ...relation.parts];
      const hidden = members.filter((key) => reason.has(key));
      if (hidden.length !== 1) continue;
      const shownParts = relation.parts.filter((key) => !reason.has(key));
      const byValue = (a: string, b: string) => countOf(a) - countOf(b);
      const nonZero = shownParts.filter((key) => countOf(key) > 0).sort(byValue);
      const candidate = nonZero[0] ?? shownParts[0] ?? relation.total;
      if (reason.has(candidate)) continue;
      reason.set(candidate, 'SECONDARY');
      changed = true;
    }
  }

  const result = {} as Record<K, SuppressedCount>;
  for (const key of keys) {
    const why = reason.get(key) ?? null;
    result[key] = { value: why ? null : counts[key], suppressed: why !== null, reason: why };
  }
  return result;
}

/** Exposed so tests can state the threshold they check against. */
export const MINIMUM_CELL = MIN_CELL;

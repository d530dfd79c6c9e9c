import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { selectedOrganizationIds } from './organization-rows.ts';

describe('selectedOrganizationIds', () => {
  const slow = (ids: readonly string[]) =>
    [...new Set(ids.map((id) => id.toLowerCase()))].sort((a, b) => (a < b ? -1 : 1));

  it('gives lower-case ids, sorted, each once, whatever order and case they come in', () => {
    const ids = Array.from({ length: 40 }, () => randomUUID());
    const messy = [...ids, ids[3]!.toUpperCase(), ids[7]!].reverse();
    expect(selectedOrganizationIds(messy)).toEqual(slow(ids));
    // A list already in that order passes as it is (a copy).
    const canonical = slow(ids);
    const result = selectedOrganizationIds(canonical);
    expect(result).toEqual(canonical);
    expect(result).not.toBe(canonical);
  });

  it('does not take a sorted list with a duplicate or an upper-case id as canonical', () => {
    const [a, b] = slow([randomUUID(), randomUUID()]) as [string, string];
    expect(selectedOrganizationIds([a, a, b])).toEqual([a, b]);
    expect(selectedOrganizationIds([a.toUpperCase(), b])).toEqual(slow([a, b]));
    expect(selectedOrganizationIds([])).toEqual([]);
  });
});

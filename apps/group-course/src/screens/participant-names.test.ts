import { describe, expect, it } from 'vitest';
import { withDistinctNames } from './participant-names.ts';

describe('withDistinctNames', () => {
  it('adds the participant code to a name that occurs more than once, and only there', () => {
    const named = withDistinctNames([
      { id: 'a', displayName: 'Birthe', participantCode: 'G3CAG-CKKH3' },
      { id: 'b', displayName: 'Anna', participantCode: 'TWEAG-NYNXX' },
      { id: 'c', displayName: 'Birthe', participantCode: 'RTKY3-M7GH3' },
    ]);
    expect(named.map((e) => e.displayName)).toEqual(['Birthe (G3CAG-CKKH3)', 'Anna', 'Birthe (RTKY3-M7GH3)']);
    expect(named.map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(new Set(named.map((e) => e.displayName)).size).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import {
  PSYCHOLOGIST_HOURS_PER_PERSON,
  summarisePsychologistHours,
  validatePsychologistHours,
} from './psychologist-hours.ts';

const stay = { womanPersonId: 'W', childPersonIds: ['K1', 'K2'] };

describe('psychologist hours', () => {
  it('allow up to 10 hours for the woman and for each child', () => {
    expect(PSYCHOLOGIST_HOURS_PER_PERSON).toBe(10);
    expect(
      validatePsychologistHours(
        [
          { personId: 'W', role: 'WOMAN', booked: 10, used: 7.5 },
          { personId: 'K1', role: 'CHILD', booked: 10, used: 10 },
          { personId: 'K2', role: 'CHILD', booked: 0, used: 0 },
        ],
        stay,
      ),
    ).toEqual([]);
  });

  it('refuse more than 10 booked, more used than booked, odd fractions, and people not on the stay', () => {
    const errors = validatePsychologistHours(
      [
        { personId: 'W', role: 'WOMAN', booked: 10.25, used: 1 },
        { personId: 'K1', role: 'CHILD', booked: 4, used: 5 },
        { personId: 'K2', role: 'CHILD', booked: 1.1, used: -1 },
        { personId: 'K9', role: 'CHILD', booked: 1, used: 0 },
        { personId: 'W', role: 'WOMAN', booked: 1, used: 0 },
      ],
      stay,
    );
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['hours.0.booked', 'HOURS_OVER_ENTITLEMENT'],
      ['hours.1.used', 'USED_OVER_BOOKED'],
      ['hours.2.booked', 'QUARTER_HOURS'],
      ['hours.2.used', 'OUT_OF_RANGE'],
      ['hours.3.personId', 'CHILD_NOT_LINKED'],
      ['hours.4.personId', 'DUPLICATE_PERSON'],
    ]);
    expect(errors[0]?.message.en).toBe('At most 10 psychologist hours can be booked per person.');
  });

  it('sum hours used by the woman and the children', () => {
    const summary = summarisePsychologistHours([
      { personId: 'W', role: 'WOMAN', booked: 8, used: 6 },
      { personId: 'K1', role: 'CHILD', booked: 5, used: 2.5 },
    ]);
    expect(summary).toEqual({
      persons: 2,
      booked: 13,
      used: 8.5,
      unbooked: 7,
      byRole: { WOMAN: { persons: 1, used: 6 }, CHILD: { persons: 1, used: 2.5 } },
    });
  });
});

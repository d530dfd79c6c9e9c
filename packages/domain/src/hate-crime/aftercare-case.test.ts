import { describe, expect, it } from 'vitest';
import { type HateCrimeCaseEntry, validateHateCrimeCaseEntry } from './aftercare-case.ts';

const TODAY = '2026-03-10';
const fromOutreach: HateCrimeCaseEntry = {
  entryPoint: 'OUTREACH_CALL',
  outreachCaseId: 'case-1',
  otherEntryText: null,
  motive: 'RELIGION',
  openedOn: '2026-03-10',
};
const codes = (e: Partial<HateCrimeCaseEntry>) =>
  validateHateCrimeCaseEntry({ ...fromOutreach, ...e }, TODAY).map((x) => [x.field, x.code]);

describe('the entry of an aftercare case', () => {
  it('from the outreach call points at its outreach case', () => {
    expect(codes({})).toEqual([]);
    expect(codes({ outreachCaseId: null })).toEqual([['outreachCaseId', 'REQUIRED']]);
  });
  it('from the police or the victim has no outreach case; "others" says who in a few words', () => {
    expect(codes({ entryPoint: 'POLICE_HATE_CRIME_UNIT', outreachCaseId: null })).toEqual([]);
    expect(codes({ entryPoint: 'SELF' })).toEqual([['outreachCaseId', 'NOT_APPLICABLE']]);
    expect(codes({ entryPoint: 'OTHER', outreachCaseId: null })).toEqual([['otherEntryText', 'REQUIRED']]);
    expect(codes({ entryPoint: 'OTHER', outreachCaseId: null, otherEntryText: 'LGBT+ Danmark' })).toEqual([]);
    expect(codes({ entryPoint: 'OTHER', outreachCaseId: null, otherEntryText: 'x'.repeat(101) })).toEqual([
      ['otherEntryText', 'TOO_LONG'],
    ]);
  });
  it('may leave the motive out, but not use an unknown one', () => {
    expect(codes({ motive: null })).toEqual([]);
    expect(codes({ motive: 'ASTROLOGY' as never })).toEqual([['motive', 'UNKNOWN_OPTION']]);
  });
  it('is opened on a real date, not in the future', () => {
    expect(codes({ openedOn: '2026-03-11' })).toEqual([['openedOn', 'DATE_IN_FUTURE']]);
    expect(codes({ openedOn: '10-03-2026' })).toEqual([['openedOn', 'INVALID_DATE']]);
  });
});

import { type Answers, findItem, isItemShown, itemsOf } from '@vi/domain';
import { describe, expect, it } from 'vitest';
import {
  errorsForItem,
  parseIntegerInput,
  toggleOption,
  withAnswer,
  withoutHiddenAnswers,
} from './answers-state.ts';

describe('draft answers', () => {
  it('removes an item when its answer is emptied', () => {
    expect(withAnswer({ age: 30 }, 'age', undefined)).toEqual({});
    expect(withAnswer({ heard_from: ['POLICE'] }, 'heard_from', [])).toEqual({});
    expect(withAnswer({}, 'violence_status', {})).toEqual({});
    expect(withAnswer({}, 'age', 41)).toEqual({ age: 41 });
  });

  it('keeps a typed number that is not a whole number as text, so the validator can name it', () => {
    expect(parseIntegerInput(' 42 ')).toBe(42);
    expect(parseIntegerInput('4,5')).toBe('4,5');
    expect(parseIntegerInput('')).toBeUndefined();
  });

  it('makes exclusive options exclude the rest', () => {
    const item = findItem('REGISTRATION', 'referred_to');
    if (item?.kind !== 'multi') throw new Error('referred_to must be a multi item');
    expect(toggleOption(item, ['GROUP_COURSE'], 'SHELTER', true)).toEqual(['GROUP_COURSE', 'SHELTER']);
    expect(toggleOption(item, ['GROUP_COURSE', 'SHELTER'], 'DECLINED', true)).toEqual(['DECLINED']);
    expect(toggleOption(item, ['DECLINED'], 'GROUP_COURSE', true)).toEqual(['GROUP_COURSE']);
    expect(toggleOption(item, ['GROUP_COURSE', 'SHELTER'], 'SHELTER', false)).toEqual(['GROUP_COURSE']);
  });

  it('drops the "other" text when Other is unticked', () => {
    const answers = { heard_from: ['POLICE'], heard_from_other: 'Naboen' };
    expect(
      withoutHiddenAnswers(itemsOf('REGISTRATION'), answers, (item, a) => isItemShown(item, a as Answers)),
    ).toEqual({ heard_from: ['POLICE'] });
  });

  it('finds an item’s errors, its grid rows’ and those the gateway reports under answers.', () => {
    const errors = [
      { field: 'answers.age', code: 'REQUIRED', message: { da: 'a', en: 'a' } },
      { field: 'violence_status.PHYSICAL', code: 'REQUIRED', message: { da: 'b', en: 'b' } },
      { field: 'age_group', code: 'REQUIRED', message: { da: 'c', en: 'c' } },
    ];
    expect(errorsForItem(errors, 'age').map((e) => e.message.da)).toEqual(['a']);
    expect(errorsForItem(errors, 'violence_status').map((e) => e.message.da)).toEqual(['b']);
  });
});

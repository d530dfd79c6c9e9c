import { describe, expect, it } from 'vitest';
import {
  type Answers,
  COURSE_ITEM_IDS,
  type Condition,
  conditionHolds,
  findItem,
  INSPIRE_ITEM_IDS,
  INSPIRE_O_ITEM_IDS,
  isItemRequired,
  isItemShown,
  itemsOf,
  optionsFor,
  PARTICIPANT_PRIVACY_NOTICE,
  QUESTIONNAIRES,
  type QuestionnaireItem,
  type QuestionnaireKind,
  validateAnswers,
} from './questionnaires.ts';
import { STILL_PRESENT, VIOLENCE_FORMS } from './taxonomies.ts';
import type { FieldError } from './validation.ts';

const KINDS: QuestionnaireKind[] = ['REGISTRATION', 'BASELINE', 'END'];

const allNotRelevant = Object.fromEntries(VIOLENCE_FORMS.map((f) => [f.code, 'NOT_RELEVANT']));

function validRegistration(): Record<string, unknown> {
  return {
    gender: 'WOMAN',
    age: 34,
    heard_from: ['POLICE', 'SOCIAL_MEDIA'],
    violence_status: { ...allNotRelevant, PSYCHOLOGICAL: 'ONGOING', PHYSICAL: 'STOPPED_2_YEARS' },
    violence_frequency: { PSYCHOLOGICAL: 'DAILY' },
    sara_done: 'YES',
    referred_to: ['GROUP_COURSE'],
  };
}

function errorsOf(kind: QuestionnaireKind, answers: unknown): FieldError[] {
  const result = validateAnswers(kind, answers);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

function codes(errors: FieldError[]): string[] {
  return errors.map((e) => `${e.field}:${e.code}`);
}

function conditionItems(
  condition: Condition,
): Array<{ item: string; row?: string; codes: readonly string[] }> {
  if ('any' in condition) return condition.any.flatMap(conditionItems);
  if ('anyOf' in condition) return [{ item: condition.item, row: condition.row, codes: condition.anyOf }];
  return [{ item: condition.item, row: condition.row, codes: condition.answeredExcept }];
}

describe('questionnaire definitions', () => {
  for (const kind of KINDS) {
    it(`${kind}: unique snake_case item ids, labels in both languages`, () => {
      const items = itemsOf(kind);
      const ids = items.map((i) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const item of items) {
        expect(item.id).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(item.label.da.length, item.id).toBeGreaterThan(0);
        expect(item.label.en.length, item.id).toBeGreaterThan(0);
      }
    });

    it(`${kind}: every condition points at an existing item, row and option`, () => {
      const items = itemsOf(kind);
      const byId = new Map(items.map((i) => [i.id, i]));
      for (const item of items) {
        const conditions = [
          item.showWhen,
          typeof item.required === 'object' ? item.required.when : undefined,
        ];
        for (const condition of conditions) {
          if (!condition) continue;
          for (const ref of conditionItems(condition)) {
            const target = byId.get(ref.item) as QuestionnaireItem;
            expect(target, `${item.id} → ${ref.item}`).toBeDefined();
            if (ref.row !== undefined) {
              expect(target.kind).toBe('grid');
              if (target.kind === 'grid') expect(target.rows.map((r) => r.code)).toContain(ref.row);
            }
            if ('options' in target) {
              for (const code of ref.codes) expect(target.options.map((o) => o.code)).toContain(code);
            }
          }
        }
      }
    });
  }

  it('has the item ids the gateway and bench rely on', () => {
    for (const id of [
      'gender',
      'age',
      'heard_from',
      'violence_status',
      'violence_frequency',
      'sara_done',
      'referred_to',
    ]) {
      expect(findItem('REGISTRATION', id), id).toBeDefined();
    }
    for (const kind of ['BASELINE', 'END'] as const) {
      for (const id of [...INSPIRE_O_ITEM_IDS, ...INSPIRE_ITEM_IDS]) {
        expect(findItem(kind, id)?.kind, `${kind} ${id}`).toBe('likert');
      }
    }
    for (const id of [
      ...COURSE_ITEM_IDS,
      'sessions_attended',
      'still_present',
      'helped_on',
      'helped_on_to',
    ]) {
      expect(findItem('END', id), id).toBeDefined();
    }
    expect(findItem('REGISTRATION', 'violence_status')?.kind).toBe('grid');
  });

  it('end form has the eleven course items: mirroring ×4, recognition ×3, network ×2, overall ×2', () => {
    expect(COURSE_ITEM_IDS).toEqual(Array.from({ length: 11 }, (_, i) => `course_${i + 1}`));
    const dimensions = COURSE_ITEM_IDS.map((id) => {
      const item = findItem('END', id);
      return item?.kind === 'likert' ? item.dimension : undefined;
    });
    const count = (d: string) => dimensions.filter((x) => x === d).length;
    expect([count('MIRRORING'), count('RECOGNITION'), count('NETWORK'), count('OVERALL')]).toEqual([
      4, 3, 2, 2,
    ]);
  });

  it('tells participants, and only them, that nobody around them can see the answers', () => {
    expect(QUESTIONNAIRES.BASELINE.privacyNotice).toBe(PARTICIPANT_PRIVACY_NOTICE);
    expect(QUESTIONNAIRES.END.privacyNotice).toBe(PARTICIPANT_PRIVACY_NOTICE);
    expect(QUESTIONNAIRES.REGISTRATION.privacyNotice).toBeUndefined();
    expect(PARTICIPANT_PRIVACY_NOTICE.da).toContain('politiet');
    expect(PARTICIPANT_PRIVACY_NOTICE.en).toContain('police');
  });

  it('lets participants skip any question of their own forms', () => {
    for (const kind of ['BASELINE', 'END'] as const) {
      expect(validateAnswers(kind, {})).toEqual({ ok: true, answers: {} });
    }
  });
});

describe('validateAnswers: registration', () => {
  it('accepts a complete form and cleans it', () => {
    const result = validateAnswers('REGISTRATION', {
      ...validRegistration(),
      age: ' 34 ',
      heard_from: ['SOCIAL_MEDIA', 'POLICE'],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.answers.age).toBe(34);
    // Options are stored in the definition's order.
    expect(result.answers.heard_from).toEqual(['POLICE', 'SOCIAL_MEDIA']);
    expect(Object.keys(result.answers.violence_status as object)).toEqual(VIOLENCE_FORMS.map((f) => f.code));
  });

  it('requires the staff-filled items, naming each', () => {
    expect(codes(errorsOf('REGISTRATION', {}))).toEqual([
      'gender:REQUIRED',
      'age:REQUIRED',
      'heard_from:REQUIRED',
      ...VIOLENCE_FORMS.map((f) => `violence_status.${f.code}:REQUIRED`),
      'sara_done:REQUIRED',
      'referred_to:REQUIRED',
    ]);
  });

  it('names the missing grid row', () => {
    const answers = validRegistration();
    const status = { ...(answers.violence_status as Record<string, string>) };
    delete status.DIGITAL;
    expect(codes(errorsOf('REGISTRATION', { ...answers, violence_status: status }))).toEqual([
      'violence_status.DIGITAL:REQUIRED',
    ]);
  });

  it('rejects unknown options, rows and items', () => {
    const errors = errorsOf('REGISTRATION', {
      ...validRegistration(),
      gender: 'ROBOT',
      violence_status: { ...allNotRelevant, PHYSICAL: 'SOMETIMES', TELEPATHIC: 'ONGOING' },
      favourite_colour: 'blue',
    });
    expect(codes(errors)).toEqual([
      'favourite_colour:UNKNOWN_ITEM',
      'gender:UNKNOWN_OPTION',
      'violence_status.PHYSICAL:UNKNOWN_OPTION',
      'violence_status.TELEPATHIC:UNKNOWN_ITEM',
    ]);
    expect(errors[1]?.message.da).toContain('ROBOT');
  });

  it('checks the age range and number format', () => {
    expect(codes(errorsOf('REGISTRATION', { ...validRegistration(), age: 12 }))).toEqual([
      'age:OUT_OF_RANGE',
    ]);
    expect(codes(errorsOf('REGISTRATION', { ...validRegistration(), age: 'forty' }))).toEqual([
      'age:NOT_A_NUMBER',
    ]);
    expect(codes(errorsOf('REGISTRATION', { ...validRegistration(), age: 34.5 }))).toEqual([
      'age:NOT_AN_INTEGER',
    ]);
    expect(codes(errorsOf('REGISTRATION', { ...validRegistration(), age: true }))).toEqual([
      'age:NOT_A_NUMBER',
    ]);
  });

  it('requires the "other" text when OTHER is chosen, and rejects it otherwise', () => {
    const withOther = { ...validRegistration(), heard_from: ['OTHER'] };
    expect(codes(errorsOf('REGISTRATION', withOther))).toEqual(['heard_from_other:REQUIRED']);
    expect(validateAnswers('REGISTRATION', { ...withOther, heard_from_other: '  Veninde  ' })).toMatchObject({
      ok: true,
      answers: { heard_from_other: 'Veninde' },
    });
    expect(codes(errorsOf('REGISTRATION', { ...validRegistration(), heard_from_other: 'x' }))).toEqual([
      'heard_from_other:NOT_APPLICABLE',
    ]);

    const otherSupport = { ...validRegistration(), referred_to: ['GROUP_COURSE', 'OTHER_SUPPORT'] };
    expect(codes(errorsOf('REGISTRATION', otherSupport))).toEqual(['referred_to_other:REQUIRED']);
  });

  it('requires a description of other violence when that row is relevant', () => {
    const answers = validRegistration();
    const status = { ...(answers.violence_status as Record<string, string>), OTHER: 'ONGOING' };
    expect(codes(errorsOf('REGISTRATION', { ...answers, violence_status: status }))).toEqual([
      'violence_other:REQUIRED',
    ]);
    expect(
      validateAnswers('REGISTRATION', {
        ...answers,
        violence_status: status,
        violence_other: 'Trusler mod kæledyr',
      }).ok,
    ).toBe(true);
    const byFrequency = { ...answers, violence_frequency: { OTHER: 'WEEKLY_OR_MORE' } };
    expect(codes(errorsOf('REGISTRATION', byFrequency))).toEqual(['violence_other:REQUIRED']);
  });

  it('does not combine "no referral" with a referral, nor repeat an option', () => {
    expect(
      codes(errorsOf('REGISTRATION', { ...validRegistration(), referred_to: ['DECLINED', 'GROUP_COURSE'] })),
    ).toEqual(['referred_to:EXCLUSIVE_OPTION']);
    expect(
      codes(errorsOf('REGISTRATION', { ...validRegistration(), referred_to: ['SHELTER', 'SHELTER'] })),
    ).toEqual(['referred_to:DUPLICATE_OPTION']);
  });

  it('rejects answers of the wrong shape', () => {
    expect(codes(errorsOf('REGISTRATION', { ...validRegistration(), heard_from: 'POLICE' }))).toEqual([
      'heard_from:INVALID_TYPE',
    ]);
    expect(codes(errorsOf('REGISTRATION', { ...validRegistration(), violence_status: ['ONGOING'] }))).toEqual(
      ['violence_status:INVALID_TYPE'],
    );
    expect(codes(errorsOf('REGISTRATION', null))).toEqual(['answers:NOT_AN_OBJECT']);
    expect(codes(errorsOf('REGISTRATION', [1, 2]))).toEqual(['answers:NOT_AN_OBJECT']);
  });
});

describe('validateAnswers: participant forms', () => {
  const inspire = (values: number[], prefix: string) =>
    Object.fromEntries(values.map((v, i) => [`${prefix}_${i + 1}`, v]));

  it('accepts likert answers 1-5 and rejects others', () => {
    const ok = validateAnswers('BASELINE', {
      ...inspire([1, 2, 3, 4, 5], 'inspire_o'),
      ...inspire([5, 5, 5, 5, 5], 'inspire'),
    });
    expect(ok.ok).toBe(true);
    expect(
      codes(errorsOf('BASELINE', { inspire_o_1: 0, inspire_o_2: 6, inspire_o_3: 'lots', inspire_o_4: 2.5 })),
    ).toEqual([
      'inspire_o_1:OUT_OF_RANGE',
      'inspire_o_2:OUT_OF_RANGE',
      'inspire_o_3:NOT_A_NUMBER',
      'inspire_o_4:NOT_AN_INTEGER',
    ]);
  });

  it('asks the children’s ages only when there are children', () => {
    expect(
      validateAnswers('BASELINE', { children: ['OWN_AT_HOME'], children_ages: ['CHILD_3_5', 'CHILD_10_13'] })
        .ok,
    ).toBe(true);
    expect(codes(errorsOf('BASELINE', { children: ['NONE'], children_ages: ['CHILD_3_5'] }))).toEqual([
      'children_ages:NOT_APPLICABLE',
    ]);
    expect(codes(errorsOf('BASELINE', { children: ['NONE', 'OWN_AT_HOME'] }))).toEqual([
      'children:EXCLUSIVE_OPTION',
    ]);
  });

  it('asks where the participant was helped on only after "yes"', () => {
    expect(validateAnswers('END', { helped_on: 'YES', helped_on_to: ['QNET', 'OWN_GP'] })).toMatchObject({
      ok: true,
      answers: { helped_on_to: ['OWN_GP', 'QNET'] },
    });
    expect(codes(errorsOf('END', { helped_on: 'NOT_NEEDED', helped_on_to: ['QNET'] }))).toEqual([
      'helped_on_to:NOT_APPLICABLE',
    ]);
  });

  it('limits sessions attended to 1-10 and the comment length', () => {
    expect(validateAnswers('END', { sessions_attended: 10 }).ok).toBe(true);
    expect(codes(errorsOf('END', { sessions_attended: 11 }))).toEqual(['sessions_attended:OUT_OF_RANGE']);
    expect(codes(errorsOf('END', { comment: 'x'.repeat(2001) }))).toEqual(['comment:TOO_LONG']);
    expect(validateAnswers('END', { comment: 'æ'.repeat(2000) }).ok).toBe(true);
  });

  it('drops empty answers instead of storing them', () => {
    expect(
      validateAnswers('END', { comment: '   ', helped_on_to: [], gender: '', violence_frequency: {} }),
    ).toEqual({ ok: true, answers: {} });
  });

  it('rejects registration-only items on the end form', () => {
    expect(codes(errorsOf('END', { sara_done: 'YES' }))).toEqual(['sara_done:UNKNOWN_ITEM']);
  });
});

describe('isItemShown / isItemRequired', () => {
  it('follow the answers so far', () => {
    const item = findItem('REGISTRATION', 'heard_from_other') as QuestionnaireItem;
    const none: Answers = {};
    expect(isItemShown(item, none)).toBe(false);
    expect(isItemRequired(item, none)).toBe(false);
    expect(isItemShown(item, { heard_from: ['OTHER'] })).toBe(true);
    expect(isItemRequired(item, { heard_from: ['OTHER'] })).toBe(true);
  });
});

describe('required rules with a condition', () => {
  it('require the item only when the condition holds', () => {
    const item: QuestionnaireItem = {
      id: 'why',
      kind: 'text',
      label: { da: 'Hvorfor?', en: 'Why?' },
      required: { when: { item: 'sara_done', anyOf: ['NO'] } },
      maxLength: 100,
      multiline: false,
    };
    expect(isItemRequired(item, { sara_done: 'NO' })).toBe(true);
    expect(isItemRequired(item, { sara_done: 'YES' })).toBe(false);
    expect(isItemRequired(item, {})).toBe(false);
  });
});

describe('conditionHolds', () => {
  const answers: Answers = {
    heard_from: ['POLICE'],
    sara_done: 'NO',
    violence_status: { OTHER: 'NOT_RELEVANT', PHYSICAL: 'ONGOING' },
  };
  it('anyOf matches single and multi answers and grid rows', () => {
    expect(conditionHolds({ item: 'heard_from', anyOf: ['POLICE', 'OTHER'] }, answers)).toBe(true);
    expect(conditionHolds({ item: 'sara_done', anyOf: ['YES'] }, answers)).toBe(false);
    expect(conditionHolds({ item: 'violence_status', row: 'PHYSICAL', anyOf: ['ONGOING'] }, answers)).toBe(
      true,
    );
  });
  it('answeredExcept needs an answer outside the list', () => {
    expect(
      conditionHolds({ item: 'violence_status', row: 'OTHER', answeredExcept: ['NOT_RELEVANT'] }, answers),
    ).toBe(false);
    expect(
      conditionHolds({ item: 'violence_status', row: 'DIGITAL', answeredExcept: ['NOT_RELEVANT'] }, answers),
    ).toBe(false);
    expect(conditionHolds({ item: 'heard_from', answeredExcept: ['OTHER'] }, answers)).toBe(true);
  });
  it('any holds when one condition does', () => {
    const either: Condition = {
      any: [
        { item: 'sara_done', anyOf: ['YES'] },
        { item: 'heard_from', anyOf: ['POLICE'] },
      ],
    };
    expect(conditionHolds(either, answers)).toBe(true);
    expect(conditionHolds({ any: [{ item: 'sara_done', anyOf: ['YES'] }] }, answers)).toBe(false);
  });
});

describe('answers that only make sense after the course', () => {
  const stillPresentCodes = (kind: QuestionnaireKind) => {
    const item = findItem(kind, 'still_present');
    if (item?.kind !== 'single') throw new Error('still_present must be a single-choice item');
    return item.options.map((o) => o.code);
  };

  it('the baseline does not offer the answers that compare with before the course; the end form does', () => {
    expect(stillPresentCodes('BASELINE')).toEqual(['STOPPED', 'YES_STILL', 'LEFT_RELATION']);
    expect(stillPresentCodes('END')).toEqual([
      'STOPPED',
      'YES_BETTER',
      'YES_SAME',
      'YES_WORSE',
      'LEFT_RELATION',
    ]);
    expect(optionsFor('BASELINE', STILL_PRESENT).some((o) => o.label.da.includes('før gruppeforløbet'))).toBe(
      false,
    );
  });

  it('validation follows the form: an end-only answer on a baseline is refused, and the other way round', () => {
    expect(codes(errorsOf('BASELINE', { still_present: 'YES_WORSE' }))).toEqual([
      'still_present:UNKNOWN_OPTION',
    ]);
    expect(codes(errorsOf('END', { still_present: 'YES_STILL' }))).toEqual(['still_present:UNKNOWN_OPTION']);
    expect(validateAnswers('BASELINE', { still_present: 'YES_STILL' }).ok).toBe(true);
    expect(validateAnswers('END', { still_present: 'YES_WORSE' }).ok).toBe(true);
  });
});

describe('"Anden vold – skriv selv" in the participant forms', () => {
  it('is a text item shown in the grid’s OTHER row, answerable before a frequency is chosen', () => {
    for (const kind of ['BASELINE', 'END'] as const) {
      const item = findItem(kind, 'violence_other');
      expect(item?.kind).toBe('text');
      if (item?.kind !== 'text') continue;
      expect(item.inRow).toEqual({ item: 'violence_frequency', row: 'OTHER' });
      expect(isItemShown(item, {})).toBe(true);
      expect(validateAnswers(kind, { violence_other: 'Trusler mod min hund' })).toEqual({
        ok: true,
        answers: { violence_other: 'Trusler mod min hund' },
      });
    }
  });
});

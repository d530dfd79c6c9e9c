import { describe, expect, it } from 'vitest';
import { INTERVENTION_MODELS, PHASES } from '../taxonomies.ts';
import { MODEL_PHASES, REACH_LANGUAGE_CODES, TARGET_GROUPS, validateReachAnswers } from './index.ts';

describe('reach answers', () => {
  it('accepts empty and partial answers', () => {
    expect(validateReachAnswers(undefined)).toEqual([]);
    expect(validateReachAnswers({})).toEqual([]);
    expect(
      validateReachAnswers({ preferredLanguage: 'ar', interpreterNeeded: 'YES', mutualViolence: null }),
    ).toEqual([]);
  });

  it('names the field and the reason for an unknown code, field or shape', () => {
    const errors = validateReachAnswers({
      preferredLanguage: 'xx',
      sameSexRelationship: 'MAYBE',
      ethnicity: 'A',
    });
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['reach.preferredLanguage', 'UNKNOWN_OPTION'],
      ['reach.sameSexRelationship', 'UNKNOWN_OPTION'],
      ['reach.ethnicity', 'UNKNOWN_ITEM'],
    ]);
    expect(errors[0]?.message.da).toContain('xx');
    expect(validateReachAnswers({ childrenAffected: true }).map((e) => e.code)).toEqual(['INVALID_TYPE']);
    expect(validateReachAnswers('YES').map((e) => e.field)).toEqual(['reach']);
  });

  it('offers the participant languages and another language, and records no ethnicity', () => {
    expect(REACH_LANGUAGE_CODES).toEqual(['da', 'en', 'ar', 'tr', 'so', 'ur', 'fa', 'pl', 'uk', 'other']);
    expect(TARGET_GROUPS.map((g) => g.code)).not.toContain('ETHNIC_MINORITY');
  });

  it('sets a phase of the national frame on every intervention model', () => {
    const phases = PHASES.map((p) => p.code as string);
    for (const model of INTERVENTION_MODELS) expect(phases).toContain(MODEL_PHASES[model.code]);
  });
});

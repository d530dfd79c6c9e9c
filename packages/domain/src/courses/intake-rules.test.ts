import { describe, expect, it } from 'vitest';
import { checkIntakeAnswers, checkIntakeContact, registrationWithDecision } from './intake-rules.ts';

describe('intake contact by privacy stance', () => {
  it('keeps only alias and a way to reach the person when anonymous', () => {
    const result = checkIntakeContact('ANONYMOUS', {
      alias: ' Mette ',
      phone: '20 30 40 50',
      reachNote: 'Efter kl. 16',
    });
    expect(result).toEqual({
      ok: true,
      contact: {
        alias: 'Mette',
        name: null,
        phone: '+4520304050',
        reachNote: 'Efter kl. 16',
        caseReference: null,
      },
    });
  });

  it('refuses a name or case reference in an anonymous organisation, naming the fields', () => {
    const result = checkIntakeContact('ANONYMOUS', {
      alias: 'M',
      name: 'Mette Hansen',
      caseReference: '27.12.04',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => [e.field, e.code])).toEqual([
        ['name', 'NOT_STORED_WHEN_ANONYMOUS'],
        ['caseReference', 'NOT_STORED_WHEN_ANONYMOUS'],
      ]);
      expect(result.errors[0]?.message.da).toContain('anonymt');
    }
  });

  it('requires an alias when anonymous and a name or alias when journalised', () => {
    const anonymous = checkIntakeContact('ANONYMOUS', { phone: '20304050' });
    expect(anonymous.ok ? [] : anonymous.errors.map((e) => e.code)).toEqual(['ALIAS_REQUIRED']);
    const journalised = checkIntakeContact('JOURNALISED', { alias: '  ' });
    expect(journalised.ok ? [] : journalised.errors.map((e) => e.code)).toEqual(['NAME_OR_ALIAS_REQUIRED']);
    expect(checkIntakeContact('JOURNALISED', { name: 'Test Testesen', caseReference: 'K-1' }).ok).toBe(true);
  });

  it('rejects a phone number that is not Danish and overlong text', () => {
    const result = checkIntakeContact('JOURNALISED', { name: 'x'.repeat(121), phone: '1234' });
    expect(result.ok ? [] : result.errors.map((e) => [e.field, e.code])).toEqual([
      ['name', 'TOO_LONG'],
      ['phone', 'INVALID_PHONE'],
    ]);
  });
});

describe('intake answers and the decision section', () => {
  const rows = [
    'PHYSICAL',
    'PSYCHOLOGICAL',
    'SEXUAL',
    'MATERIAL',
    'ECONOMIC',
    'DIGITAL',
    'STALKING',
    'HONOUR_RELATED',
    'OTHER',
  ];
  const base = {
    gender: 'WOMAN',
    age: 41,
    heard_from: ['POLICE'],
    violence_status: Object.fromEntries(
      rows.map((row) => [row, row === 'PSYCHOLOGICAL' ? 'ONGOING' : 'NOT_RELEVANT']),
    ),
  };

  it('lets the decision wait for the risk assessment, and fills it in from the assessment', () => {
    const result = checkIntakeAnswers(base);
    expect(result.ok && result.decisionPending).toBe(true);
    if (!result.ok) return;
    expect(result.answers).not.toHaveProperty('referred_to');
    const decided = registrationWithDecision(result.answers, {
      routes: ['GROUP_COURSE', 'OTHER_SUPPORT'],
      otherSupport: 'Psykolog',
    });
    expect(decided).toMatchObject({
      sara_done: 'YES',
      referred_to: ['GROUP_COURSE', 'OTHER_SUPPORT'],
      referred_to_other: 'Psykolog',
    });
    expect(checkIntakeAnswers(decided).ok).toBe(true);
  });

  it('checks the whole form when a decision is given at intake', () => {
    const result = checkIntakeAnswers({ ...base, sara_done: 'NO' });
    expect(result.ok ? [] : result.errors.map((e) => [e.field, e.code])).toEqual([
      ['referred_to', 'REQUIRED'],
    ]);
  });

  it('still reports the other required items', () => {
    const { age: _age, ...withoutAge } = base;
    const result = checkIntakeAnswers(withoutAge);
    expect(result.ok ? [] : result.errors.map((e) => [e.field, e.code])).toEqual([['age', 'REQUIRED']]);
  });
});

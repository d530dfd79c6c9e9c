import { describe, expect, it } from 'vitest';
import { checkRiskAssessment } from './risk-assessment-rules.ts';

const journalised = {
  stance: 'JOURNALISED' as const,
  riskLevels: ['LOW', 'MODERATE', 'HIGH'],
  today: '2026-05-10',
};
const anonymous = { ...journalised, stance: 'ANONYMOUS' as const };

function codes(result: ReturnType<typeof checkRiskAssessment>): string[][] {
  return result.ok ? [] : result.errors.map((e) => [e.field, e.code]);
}

describe('risk assessment', () => {
  it('keeps result, plan and re-assessment date in a journalised organisation', () => {
    const result = checkRiskAssessment(
      {
        assessedOn: '2026-05-10',
        riskLevel: 'MODERATE',
        safetyPlan: 'Aftalt kodeord med veninde',
        reassessOn: '2026-08-01',
        routes: ['GROUP_COURSE'],
      },
      journalised,
    );
    expect(result).toEqual({
      ok: true,
      assessment: {
        assessedOn: '2026-05-10',
        riskLevel: 'MODERATE',
        safetyPlan: 'Aftalt kodeord med veninde',
        reassessOn: '2026-08-01',
        routes: ['GROUP_COURSE'],
        otherSupport: null,
      },
    });
  });

  it('refuses assessment content in an anonymous organisation but keeps the decision', () => {
    expect(
      codes(
        checkRiskAssessment(
          { assessedOn: '2026-05-01', riskLevel: 'HIGH', safetyPlan: 'x', routes: ['SHELTER'] },
          anonymous,
        ),
      ),
    ).toEqual([
      ['riskLevel', 'NOT_STORED_WHEN_ANONYMOUS'],
      ['safetyPlan', 'NOT_STORED_WHEN_ANONYMOUS'],
    ]);
    const ok = checkRiskAssessment(
      { assessedOn: '2026-05-01', reassessOn: '2026-06-01', routes: ['SHELTER'] },
      anonymous,
    );
    expect(ok.ok && ok.assessment).toMatchObject({ riskLevel: null, safetyPlan: null, routes: ['SHELTER'] });
  });

  it("requires one of the organisation's own risk levels when journalised", () => {
    expect(
      codes(checkRiskAssessment({ assessedOn: '2026-05-01', routes: ['GROUP_COURSE'] }, journalised)),
    ).toEqual([['riskLevel', 'RISK_LEVEL_REQUIRED']]);
    expect(
      codes(
        checkRiskAssessment(
          { assessedOn: '2026-05-01', riskLevel: 'EXTREME', routes: ['GROUP_COURSE'] },
          journalised,
        ),
      ),
    ).toEqual([['riskLevel', 'UNKNOWN_OPTION']]);
  });

  it('checks dates: real, not in the future, re-assessment after assessment', () => {
    expect(codes(checkRiskAssessment({ assessedOn: '2026-02-30', routes: ['DECLINED'] }, anonymous))).toEqual(
      [['assessedOn', 'INVALID_DATE']],
    );
    expect(codes(checkRiskAssessment({ assessedOn: '2026-05-11', routes: ['DECLINED'] }, anonymous))).toEqual(
      [['assessedOn', 'DATE_IN_FUTURE']],
    );
    expect(
      codes(
        checkRiskAssessment(
          { assessedOn: '2026-05-01', reassessOn: '2026-05-01', routes: ['DECLINED'] },
          anonymous,
        ),
      ),
    ).toEqual([['reassessOn', 'NOT_AFTER_ASSESSMENT']]);
  });

  it('routes: at least one, "no referral" alone, other support needs its text', () => {
    expect(codes(checkRiskAssessment({ assessedOn: '2026-05-01', routes: [] }, anonymous))).toEqual([
      ['routes', 'ROUTE_REQUIRED'],
    ]);
    expect(
      codes(checkRiskAssessment({ assessedOn: '2026-05-01', routes: ['DECLINED', 'SHELTER'] }, anonymous)),
    ).toEqual([['routes', 'EXCLUSIVE_OPTION']]);
    expect(
      codes(checkRiskAssessment({ assessedOn: '2026-05-01', routes: ['OTHER_SUPPORT'] }, anonymous)),
    ).toEqual([['otherSupport', 'REQUIRED']]);
    expect(
      codes(
        checkRiskAssessment(
          { assessedOn: '2026-05-01', routes: ['SHELTER'], otherSupport: 'Psykolog' },
          anonymous,
        ),
      ),
    ).toEqual([['otherSupport', 'NOT_APPLICABLE']]);
    const multi = checkRiskAssessment(
      { assessedOn: '2026-05-01', routes: ['GROUP_COURSE', 'OTHER_SUPPORT'], otherSupport: 'Psykolog' },
      anonymous,
    );
    expect(multi.ok && multi.assessment.routes).toEqual(['GROUP_COURSE', 'OTHER_SUPPORT']);
  });
});

import { createTestDatabase, ownerQuery } from '@vi/db/testing';
import { validateAnswers, validateGroupCourseCostInputs, validateOutreachCostInputs } from '@vi/domain';
import { describe, expect, it } from 'vitest';
import { fillDataset, parametersForScale } from './generate.ts';

// A fingerprint of what was generated: same parameters must give the same rows, whatever plan
// or engine runs the SQL (the draws are hashes of row numbers, not random()).
const FINGERPRINT = `SELECT md5(string_agg(x, ',' ORDER BY x)) AS f FROM (
  SELECT concat_ws('|', id, status, "incidentType", gender, "ageAtIncident", outcome, "declineReason") AS x
  FROM "OutreachCase"
  UNION ALL SELECT concat_ws('|', "participantCode", kind, "inspireOScore", "inspireScore") FROM "QuestionnaireResponse"
  UNION ALL SELECT concat_ws('|', id, answers) FROM "IntakeRegistration") rows`;

describe('the synthetic dataset', () => {
  it('is the same on every run, follows the scale and writes answers and cost inputs the domain accepts', async () => {
    const parameters = parametersForScale(0.002);
    const fingerprints: string[] = [];
    for (let run = 0; run < 2; run++) {
      const db = await createTestDatabase();
      try {
        // The generator makes its own schema and functions: the owner's work, not the runtime role's.
        await fillDataset({ query: (sql, params) => ownerQuery(sql, params, db) }, parameters, () => {});
        fingerprints.push((await db.query<{ f: string }>(FINGERPRINT))[0]!.f);
        const [counts] = await db.query<{
          cases: number;
          intakes: number;
          courses: number;
          sessions: number;
        }>(
          `SELECT (SELECT count(*) FROM "OutreachCase")::int AS cases, (SELECT count(*) FROM "IntakeRegistration")::int AS intakes,
                  (SELECT count(*) FROM "Course")::int AS courses, (SELECT count(*) FROM "CourseSession")::int AS sessions`,
        );
        expect(counts).toEqual({
          cases: parameters.outreachCases,
          intakes: parameters.intakes,
          courses: parameters.courses,
          sessions: parameters.courses * 10,
        });
        // Intake answers are what the registration form would have stored.
        const registrations = await db.query<{ answers: unknown }>(
          `SELECT answers FROM "IntakeRegistration"`,
        );
        const invalid = registrations
          .map((row) => validateAnswers('REGISTRATION', row.answers))
          .filter((result) => !result.ok);
        expect(JSON.stringify(invalid.slice(0, 1))).toBe('[]');
        const inputs = await db.query<{ model: string; inputs: unknown }>(
          `SELECT model::text, inputs FROM "CostInput"`,
        );
        expect(inputs.length).toBeGreaterThan(0);
        for (const row of inputs) {
          const result =
            row.model === 'OUTREACH'
              ? validateOutreachCostInputs(row.inputs)
              : validateGroupCourseCostInputs(row.inputs);
          expect(result.ok, JSON.stringify(result)).toBe(true);
        }
      } finally {
        await db.close();
      }
    }
    expect(fingerprints[0]).toBe(fingerprints[1]);
  }, 120_000);
});

import { createTestDatabase, ownerQuery } from '@vi/db/testing';
import {
  type CivilSocietyReferral,
  type CostModel,
  type CounsellingItem,
  type LegalTask,
  stayEpisodes,
  validateAnswers,
  validateCivilSocietyReferral,
  validateCostInputs,
  validateCounsellingChecklist,
  validateLegalTask,
} from '@vi/domain';
import { describe, expect, it } from 'vitest';
import { fillDataset, parametersForScale } from './generate.ts';

// A fingerprint of what was generated: same parameters must give the same rows, whatever plan
// or engine runs the SQL (the draws are hashes of row numbers, not random()).
const FINGERPRINT = `SELECT md5(string_agg(x, ',' ORDER BY x)) AS f FROM (
  SELECT concat_ws('|', id, status, "incidentType", gender, "ageAtIncident", outcome, "declineReason") AS x
  FROM "OutreachCase"
  UNION ALL SELECT concat_ws('|', "participantCode", kind, "inspireOScore", "inspireScore") FROM "QuestionnaireResponse"
  UNION ALL SELECT concat_ws('|', id, answers) FROM "IntakeRegistration"
  UNION ALL SELECT concat_ws('|', id, "personKey", "admittedOn", "movedOutOn", "repeatStay", "recordKey") FROM "ShelterStay"
  UNION ALL SELECT concat_ws('|', id, status, "sentOn", "startedOn", "recordKey") FROM "HateCrimeReferral"
  UNION ALL SELECT concat_ws('|', id, kind, outcome, "closedOn") FROM "HateCrimeLegalTask"
  UNION ALL SELECT concat_ws('|', id, "outreachCaseId", "intakeRegistrationId", "preferredLanguage", "interpreterNeeded",
                             "childrenAffected", "sameSexRelationship", "mutualViolence") FROM "ReachAnswers") rows`;

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
        // Every model's rows, the aftercare models' too, are what the cost screen would have saved.
        expect(new Set(inputs.map((row) => row.model))).toEqual(
          new Set(['OUTREACH', 'GROUP_COURSE', 'HATE_CRIME_AFTERCARE', 'SHELTER_AFTERCARE']),
        );
        for (const row of inputs) {
          const result = validateCostInputs(row.model as CostModel, row.inputs);
          expect(result.ok, JSON.stringify(result)).toBe(true);
        }
      } finally {
        await db.close();
      }
    }
    expect(fingerprints[0]).toBe(fingerprints[1]);
  }, 120_000);
});

describe('the synthetic aftercare data', () => {
  it('follows the seeds’ proportions and holds only records the domain’s rules accept', async () => {
    // Hate crime at scale 0.1 (75 cases over ten years: the start-up's 75 a year at scale 1 is 750),
    // shelters at scale 0.05 (about 1,180 women, 155 move-outs a year).
    const SHELTER_SCALE = 0.05;
    const parameters = {
      hateCrimeCases: parametersForScale(0.1).hateCrimeCases,
      shelterWomen: parametersForScale(SHELTER_SCALE).shelterWomen,
    };
    expect(parameters.hateCrimeCases).toBe(75);
    const db = await createTestDatabase();
    const today = '2025-12-31';
    try {
      await fillDataset(
        { query: (sql, params) => ownerQuery(sql, params, db) },
        {
          ...parametersForScale(0.002),
          hateCrimeCases: parameters.hateCrimeCases,
          shelterWomen: parameters.shelterWomen,
        },
        () => {},
      );
      // The Red Cross aftercare paper: about 3,100 move-outs a year nationally (here at scale 0.01), a quarter repeat stays.
      const stays = await db.query<{
        id: string;
        woman: string;
        admitted: string;
        out: string | null;
        org: string;
      }>(
        `SELECT id::text, coalesce("personKey", "personId"::text) AS woman, "admittedOn"::text AS admitted,
                "movedOutOn"::text AS out, "organizationId"::text AS org FROM "ShelterStay"`,
      );
      const moveOuts = stays.filter((s) => s.out !== null).length;
      expect(moveOuts / 10).toBeGreaterThan(3100 * SHELTER_SCALE * 0.7);
      expect(moveOuts / 10).toBeLessThan(3100 * SHELTER_SCALE * 1.3);
      const episodes = stayEpisodes(
        stays.map((s) => ({
          id: s.id,
          personId: s.woman,
          shelterOrganizationId: s.org,
          admittedOn: s.admitted,
          movedOutOn: s.out,
        })),
      );
      const repeats = episodes.filter((e, i) => i > 0 && episodes[i - 1]!.personId === e.personId).length;
      expect(repeats / episodes.length).toBeGreaterThan(0.12);
      expect(repeats / episodes.length).toBeLessThan(0.32);
      // The Copenhagen hate-crime pre-study: 50-100 aftercare cases a year at the start of the model.
      const [cases] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "HateCrimeAftercareCase"`,
      );
      expect(cases!.n).toBeGreaterThanOrEqual(70);
      expect(cases!.n).toBeLessThanOrEqual(parameters.hateCrimeCases);

      const tasks = await db.query<LegalTask>(
        `SELECT kind::text, status::text, "openedOn"::text AS "openedOn", "closedOn"::text AS "closedOn", outcome::text
         FROM "HateCrimeLegalTask"`,
      );
      expect(tasks.length).toBeGreaterThan(0);
      const badTasks = tasks.filter((task) => validateLegalTask(task, today).length > 0);
      expect(JSON.stringify(badTasks.slice(0, 2))).toBe('[]');

      const referrals = await db.query<CivilSocietyReferral>(
        `SELECT offer::text, NULL AS "otherOfferName", status::text, "offeredOn"::text AS "offeredOn",
                "consentGivenOn"::text AS "consentGivenOn", "referredOn"::text AS "referredOn",
                "startedOn"::text AS "startedOn", outcome::text FROM "CivilSocietyReferral"`,
      );
      expect(referrals.length).toBeGreaterThan(0);
      const badReferrals = referrals
        .map((referral) => ({ referral, errors: validateCivilSocietyReferral(referral, today) }))
        .filter((r) => r.errors.length > 0);
      expect(JSON.stringify(badReferrals.slice(0, 2))).toBe('[]');

      const checklists = await db.query<{
        out: string | null;
        planned: string;
        children: number;
        items: CounsellingItem[];
      }>(
        `SELECT st."movedOutOn"::text AS out, st."plannedMoveOutOn"::text AS planned,
                (SELECT count(*)::int FROM "ShelterStayChild" c WHERE c."stayId" = st.id) AS children,
                (SELECT json_agg(json_build_object('area', i.area, 'status', i.status, 'dueOn', i."dueOn"::text,
                                                   'completedOn', i."completedOn"::text))
                 FROM "CounsellingItem" i WHERE i."stayId" = st.id) AS items
         FROM "ShelterStay" st`,
      );
      const badChecklists = checklists
        .map((c) =>
          validateCounsellingChecklist(c.items ?? [], {
            moveOutOn: c.out ?? c.planned,
            today,
            hasChildren: c.children > 0,
          }),
        )
        .filter((errors) => errors.length > 0);
      expect(JSON.stringify(badChecklists.slice(0, 2))).toBe('[]');
    } finally {
      await db.close();
    }
  }, 120_000);
});

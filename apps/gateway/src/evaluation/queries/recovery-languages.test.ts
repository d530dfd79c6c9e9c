// Issue 14: Brief INSPIRE-O / Brief INSPIRE scores from a form in a language without a validated
// translation are kept apart. On a real database (PGlite, or DATABASE_URL's PostgreSQL): Danish,
// English and pre-language (NULL) forms, Arabic forms, and pairs that mix a Danish form with an
// Arabic one. The main figures must equal the figures of the same database with every Arabic form
// deleted (the validated rows keep their record keys, so even the noise is the same); the apart
// figure must count the Arabic forms, exactly as the domain's rule publishes their true cells.
import { type Database, getDatabase } from '@vi/db';
import { ownerQuery } from '@vi/db/testing';
import { type CountCell, discloseCount, isValidatedTranslation, MIN_CELL } from '@vi/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { keyedUniform } from '../disclosure-key.ts';
import type { EvaluationFilter } from './evaluation-filter.ts';
import { recovery, unvalidatedLanguages, validatedLanguages } from './recovery.ts';

const uniform = keyedUniform(Buffer.alloc(32, 11));

/** Every number to 10 significant digits, so float sums in another order compare equal. */
function rounded(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? value : Number(value.toPrecision(10));
  if (Array.isArray(value)) return value.map(rounded);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, rounded(inner)]));
  return value;
}

let db: Database;
let filter: EvaluationFilter;

type Form = { code: string; kind: 'BASELINE' | 'END'; locale: string | null; o: number; l: number };

/** Deterministic, varied scores (0-100 in steps of 2.5, as the rule gives). */
const score = (i: number, shift: number) => Math.min(100, ((i * 37 + shift) % 33) * 2.5);

function pairs(prefix: string, count: number, before: string | null, after: string | null): Form[] {
  return Array.from({ length: count }, (_, i) => [
    { code: `${prefix}-${i}`, kind: 'BASELINE' as const, locale: before, o: score(i, 3), l: score(i, 5) },
    { code: `${prefix}-${i}`, kind: 'END' as const, locale: after, o: score(i, 11), l: score(i, 17) },
  ]).flat();
}

const FORMS: Form[] = [
  ...pairs('da', 12, 'da', 'da'),
  ...pairs('en', 2, 'en', 'en'),
  ...pairs('legacy', 3, null, null),
  ...pairs('ar', 8, 'ar', 'ar'),
  // Validated baseline, Arabic end form: the baseline counts unpaired, the end apart, no pair.
  ...pairs('da-ar', 4, 'da', 'ar'),
  ...pairs('ar-en', 2, 'ar', 'en'),
  // An Arabic baseline with no end form.
  ...pairs('ar-only', 3, 'ar', 'ar').filter((form) => form.kind === 'BASELINE'),
];

beforeAll(async () => {
  db = await getDatabase();
  const [org] = (await ownerQuery(
    `INSERT INTO "Organization" (slug, name, kind, stance) VALUES ('recovery-languages', 'Sprogforening', 'NGO', 'JOURNALISED')
     RETURNING id::text AS id`,
    [],
    db,
  )) as Array<{ id: string }>;
  filter = { organizationIds: [org!.id] };
  for (const form of FORMS)
    await ownerQuery(
      `INSERT INTO "QuestionnaireResponse" ("organizationId", "participantCode", kind, answers, "inspireOScore", "inspireScore", locale, "submittedAt")
       VALUES ($1::uuid, $2, $3::"QuestionnaireKind", '{}'::jsonb, $4, $5, $6, '2025-05-01T10:00:00Z')`,
      [org!.id, form.code, form.kind, form.o, form.l, form.locale],
      db,
    );
});

/** The true cell of the forms matching `where` (with their record keys, as the gateway sums them). */
async function cell(where: string, params: unknown[]): Promise<CountCell> {
  const [row] = await db.query<{ n: number; key: string }>(
    `SELECT count(*)::int AS n, coalesce(sum("recordKey"), 0)::bigint::text AS key
     FROM "QuestionnaireResponse" q WHERE q."organizationId" = $1::uuid AND ${where}`,
    [filter.organizationIds[0], ...params],
  );
  return { count: row!.n, keySum: row!.key };
}

describe('recovery: scores from unvalidated translations kept apart', () => {
  it('takes the validated languages from the domain (Danish and English today)', () => {
    for (const measure of ['INSPIRE_O', 'INSPIRE'] as const) {
      expect(validatedLanguages(measure)).toEqual(['da', 'en']);
      expect(unvalidatedLanguages(measure)).toContain('ar');
      for (const language of unvalidatedLanguages(measure))
        expect(isValidatedTranslation(measure, language)).toBe(false);
    }
  });

  it('counts the Arabic forms apart, per language and time point, under disclosure control', async () => {
    const result = await recovery(db, filter, uniform);
    for (const figure of result.measures) {
      expect(figure.validatedLanguages).toEqual(['da', 'en']);
      expect(figure.unvalidated.map((row) => row.language)).toEqual(unvalidatedLanguages(figure.measure));
      const arabic = figure.unvalidated.find((row) => row.language === 'ar')!;
      const column = figure.measure === 'INSPIRE_O' ? 'inspireOScore' : 'inspireScore';
      const baseline = await cell(`q.locale = 'ar' AND q.kind = 'BASELINE'`, []);
      const end = await cell(`q.locale = 'ar' AND q.kind = 'END'`, []);
      expect(baseline.count).toBe(8 + 2 + 3);
      expect(end.count).toBe(8 + 4);
      expect(arabic.baseline.n).toEqual(discloseCount(baseline, uniform));
      expect(arabic.end.n).toEqual(discloseCount(end, uniform));
      // The mean is shown where the published n clears the threshold, near the true Arabic mean.
      const [truth] = await db.query<{ b: number; e: number }>(
        `SELECT avg("${column}") FILTER (WHERE kind = 'BASELINE')::float8 AS b,
                avg("${column}") FILTER (WHERE kind = 'END')::float8 AS e
         FROM "QuestionnaireResponse" WHERE "organizationId" = $1::uuid AND locale = 'ar'`,
        [filter.organizationIds[0]],
      );
      for (const [summary, mean] of [
        [arabic.baseline, truth!.b],
        [arabic.end, truth!.e],
      ] as const) {
        if ((summary.n.value ?? 0) >= MIN_CELL) {
          expect(summary.mean).not.toBeNull();
          expect(Math.abs(summary.mean! - mean)).toBeLessThan(15);
        } else expect(summary.mean).toBeNull();
      }
      // Languages with no forms show a zero, not a missing row.
      const turkish = figure.unvalidated.find((row) => row.language === 'tr')!;
      expect(turkish.baseline).toEqual({ n: { value: 0, suppressed: false }, mean: null, sd: null });
    }
  });

  it('does not split a small apart group by language: a lone Turkish form reads as every language hidden', async () => {
    const [org] = (await ownerQuery(
      `INSERT INTO "Organization" (slug, name, kind, stance) VALUES ('recovery-lone-language', 'Enkeltsprog', 'NGO', 'JOURNALISED')
       RETURNING id::text AS id`,
      [],
      db,
    )) as Array<{ id: string }>;
    // A record key whose noise leaves the lone form's cell at 1-4 ("under 5"): the case where a
    // split would name the language (noise can also take a count of 1 to 0 or past 5).
    let recordKey = 0;
    while (!discloseCount({ count: 1, keySum: recordKey }, uniform).suppressed) recordKey++;
    await ownerQuery(
      `INSERT INTO "QuestionnaireResponse" ("organizationId", "participantCode", kind, answers, "inspireOScore", "inspireScore", locale, "submittedAt", "recordKey")
       VALUES ($1::uuid, 'lone-tr', 'BASELINE', '{}'::jsonb, 40, 60, 'tr', '2025-05-01T10:00:00Z', $2)`,
      [org!.id, recordKey],
      db,
    );
    const [stored] = await db.query<{ key: number }>(
      `SELECT "recordKey" AS key FROM "QuestionnaireResponse" WHERE "participantCode" = 'lone-tr'`,
    );
    expect(stored?.key).toBe(recordKey);
    const result = await recovery(db, { organizationIds: [org!.id] }, uniform);
    for (const figure of result.measures) {
      // The baseline has one unvalidated form: no language can be told from another.
      const baselines = figure.unvalidated.map((row) => row.baseline);
      expect(new Set(baselines.map((b) => JSON.stringify(b))).size).toBe(1);
      expect(baselines[0]).toEqual({ n: { value: null, suppressed: true }, mean: null, sd: null });
      // No end form in any unvalidated language: a true zero everywhere is shown as zero.
      for (const row of figure.unvalidated) expect(row.end.n).toEqual({ value: 0, suppressed: false });
    }
  });

  it('leaves a validated form paired with an Arabic one out of the pairs', async () => {
    const result = await recovery(db, filter, uniform);
    // Pairs with both forms validated: 12 Danish, 2 English, 3 from before the language was recorded.
    const validatedPairs = await cell(
      `q.kind = 'BASELINE' AND (q.locale IS NULL OR q.locale IN ('da', 'en'))
       AND EXISTS (SELECT 1 FROM "QuestionnaireResponse" e WHERE e."participantCode" = q."participantCode"
                   AND e.kind = 'END' AND (e.locale IS NULL OR e.locale IN ('da', 'en')))`,
      [],
    );
    expect(validatedPairs.count).toBe(17);
    for (const figure of result.measures)
      expect(figure.total.paired.n).toEqual(discloseCount(validatedPairs, uniform));
  });

  it('main figures equal the figures of the same data without the Arabic forms', async () => {
    const withArabic = await recovery(db, filter, uniform);
    await ownerQuery(`DELETE FROM "QuestionnaireResponse" WHERE locale = 'ar'`, [], db);
    const validatedOnly = await recovery(db, filter, uniform);
    for (const [i, figure] of withArabic.measures.entries()) {
      const reference = validatedOnly.measures[i]!;
      expect(figure.measure).toBe(reference.measure);
      // Equal to 10 significant digits: PostgreSQL may sum the same rows in another order.
      expect(rounded(figure.total)).toEqual(rounded(reference.total));
      expect(rounded(figure.byOrganization)).toEqual(rounded(reference.byOrganization));
      // Without them the apart figure is empty: it held nothing but the Arabic forms.
      expect(reference.unvalidated.every((row) => row.baseline.n.value === 0 && row.end.n.value === 0)).toBe(
        true,
      );
    }
    // The comparison is not vacuous: the Danish-only data have pairs and means to compare.
    expect(withArabic.measures[0]!.total.baseline.mean).not.toBeNull();
    expect(withArabic.measures[0]!.total.paired.meanBefore).not.toBeNull();
  });
});

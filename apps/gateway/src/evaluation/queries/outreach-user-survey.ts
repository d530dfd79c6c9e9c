import {
  type CountCell,
  type DisclosedCount,
  discloseCount,
  disclosedRate,
  type KeyedUniform,
  MIN_CELL,
  OUTREACH_SURVEY_LANGUAGES,
  type OutreachSurveyLanguage,
  outreachSurveyItems,
  type Rate,
  SURVEY_NOT_OFFERED_REASONS,
} from '@vi/domain';
import { EMPTY_CELL, unionCell } from './count-table.ts';
import {
  type AggregateSource,
  assertValidEvaluationFilter,
  type EvaluationFilter,
  type FilterDimension,
  filterSql,
  SqlParameters,
} from './evaluation-filter.ts';
import { cellsByKey, OUTREACH_COLUMNS } from './outreach-funnel.ts';
import { surveyOffers } from './survey-offers.ts';

/**
 * The outreach user survey in the evaluation (issue 14): how many links went out, were opened
 * and answered; how the answers fall on each item; why reached people were not offered it.
 *
 * Three sources that nothing joins (see the schema's comment on the survey tables):
 * - links, per case: sent/opened/answered counts are sets of PEOPLE and carry the case's record
 *   key (the person's), so they take the incident-type, gender, age and role filters; the period
 *   is the day the link was sent.
 * - responses, per respondent: only organisation and month are known, so the other filters are
 *   ignored (ignoredFilters says so) and the period is the month the answers came in. Each
 *   response has its own random record key.
 * - the reasons for not offering: the surveyOffers figure's cells, so both show the same values.
 * Every count is perturbed on its own (cell-key method); shares come from published counts.
 */

export type SurveyOptionCount = { code: string; count: DisclosedCount; share: Rate | null };
export type SurveyItemDistribution = {
  itemId: string;
  kind: 'single' | 'multi';
  source: 'report' | 'ours';
  answered: DisclosedCount;
  /** Empty where `answered` is not published as MIN_CELL or more (the zeros would name a lone answer). */
  options: SurveyOptionCount[];
  /** Answered with one of the item's positive codes (the report's "ja, enig eller positiv"), out of answered. */
  positive: Rate | null;
  reportPositivePercent: number | null;
};

export type OutreachUserSurvey = {
  sent: DisclosedCount;
  opened: DisclosedCount;
  answered: DisclosedCount;
  openedRate: Rate | null;
  /** Answered out of sent: the response rate. */
  responseRate: Rate | null;
  responses: DisclosedCount;
  byLanguage: Array<{ language: OutreachSurveyLanguage; count: DisclosedCount }>;
  items: SurveyItemDistribution[];
  notOffered: Array<{ status: (typeof SURVEY_NOT_OFFERED_REASONS)[number]; count: DisclosedCount }>;
  followUps: DisclosedCount;
  ignoredFilters: FilterDimension[];
};

type Row = { key: string; n: number; key_sum: string };

/** The coded items the evaluation counts (free text and the follow-up items are not in `answers`). */
export function countedItems() {
  return outreachSurveyItems().filter(
    (item): item is Extract<typeof item, { kind: 'single' | 'multi' }> =>
      (item.kind === 'single' || item.kind === 'multi') && item.id !== 'follow_up_interview',
  );
}

export async function outreachUserSurvey(
  db: AggregateSource,
  filter: EvaluationFilter,
  uniform: KeyedUniform,
): Promise<OutreachUserSurvey> {
  assertValidEvaluationFilter(filter);
  const disclose = (cell: CountCell | undefined) => discloseCount(cell ?? EMPTY_CELL, uniform);

  // Links: one row per case, the person's key. sent = all, opened ⊇ answered.
  const linkParams = new SqlParameters();
  const links = filterSql(filter, linkParams, { ...OUTREACH_COLUMNS, instant: 'l."sentAt"' });
  const linkRows = await db.query<Row>(
    `SELECT CASE WHEN l."answeredAt" IS NOT NULL THEN 'ANSWERED'
                 WHEN l."openedAt" IS NOT NULL THEN 'OPENED' ELSE 'SENT' END AS key,
            count(*)::int AS n, sum(c."recordKey")::bigint AS key_sum
       FROM "OutreachSurveyLink" l JOIN "OutreachCase" c ON c.id = l."caseId"
      WHERE ${links.where}
      GROUP BY 1`,
    linkParams.values,
  );
  const linkCells = cellsByKey(linkRows);
  const answeredCell = linkCells.get('ANSWERED') ?? EMPTY_CELL;
  const openedCell = unionCell([answeredCell, linkCells.get('OPENED') ?? EMPTY_CELL]);
  const sent = disclose(unionCell(linkCells.values()));
  const opened = disclose(openedCell);
  const answered = disclose(answeredCell);

  // Responses: organisation and month only.
  const responseParams = new SqlParameters();
  const responses = filterSql(filter, responseParams, {
    organization: 'r."organizationId"',
    date: 'r."submittedMonth"',
  });
  const counted = countedItems();
  // One statement (one snapshot): a row per (item, code) and per item's answered, and per language.
  const answerRows = await db.query<Row & { item: string }>(
    `WITH r AS (
       SELECT r.answers, r.language, r."recordKey" FROM "OutreachSurveyResponse" r WHERE ${responses.where}
     ), codes AS (
       SELECT i.item, CASE WHEN jsonb_typeof(r.answers -> i.item) = 'array'
                           THEN e.code ELSE r.answers ->> i.item END AS code, r."recordKey"
         FROM r CROSS JOIN unnest(${responseParams.add(counted.map((item) => item.id))}::text[]) AS i(item)
         LEFT JOIN LATERAL jsonb_array_elements_text(
           CASE WHEN jsonb_typeof(r.answers -> i.item) = 'array' THEN r.answers -> i.item ELSE '[]'::jsonb END
         ) AS e(code) ON true
        WHERE (r.answers -> i.item) IS NOT NULL
     )
     SELECT item, code AS key, count(*)::int AS n, sum("recordKey")::bigint AS key_sum
       FROM codes WHERE code IS NOT NULL GROUP BY item, code
     UNION ALL
     SELECT i.item, '' AS key, count(*)::int, sum(r."recordKey")::bigint
       FROM r CROSS JOIN unnest(${responseParams.add(counted.map((item) => item.id))}::text[]) AS i(item)
      WHERE (r.answers -> i.item) IS NOT NULL AND r.answers -> i.item <> '[]'::jsonb GROUP BY i.item
     UNION ALL
     SELECT '#language', language, count(*)::int, sum("recordKey")::bigint FROM r GROUP BY language
     UNION ALL
     SELECT '#all', '', count(*)::int, coalesce(sum("recordKey"), 0)::bigint FROM r`,
    responseParams.values,
  );
  const cellOf = new Map<string, CountCell>();
  for (const row of answerRows)
    cellOf.set(`${row.item}\u0000${row.key}`, { count: row.n, keySum: row.key_sum });
  const cell = (item: string, key: string) => cellOf.get(`${item}\u0000${key}`);

  // A distribution is shown only where its group is published as MIN_CELL or more. Elsewhere the
  // pattern of its zeros would give the answer away: a count of nobody is always 0 and a count of
  // someone rarely is, so one code not 0 among zeros names what a lone respondent answered (the
  // survey attack test guessed 33 of 38 such groups before this rule). Whether the group is shown
  // depends only on its published n, so hiding it tells nothing more.
  const distributionShown = (n: DisclosedCount) => n.value !== null && n.value >= MIN_CELL;
  const items: SurveyItemDistribution[] = counted.map((item) => {
    const itemAnswered = disclose(cell(item.id, ''));
    const shown = distributionShown(itemAnswered);
    const options = (shown ? item.options : []).map((option) => {
      const count = disclose(cell(item.id, option.code));
      return { code: option.code, count, share: disclosedRate(count, itemAnswered) };
    });
    // A single item's positive codes are disjoint answers of different respondents: their union's cell.
    const positiveCodes = item.positiveCodes ?? [];
    const positive =
      shown && item.kind === 'single' && positiveCodes.length > 0
        ? disclosedRate(
            disclose(unionCell(positiveCodes.map((code) => cell(item.id, code) ?? EMPTY_CELL))),
            itemAnswered,
          )
        : null;
    return {
      itemId: item.id,
      kind: item.kind,
      source: item.source,
      answered: itemAnswered,
      options,
      positive,
      reportPositivePercent: item.reportPositivePercent ?? null,
    };
  });

  // Follow-up interviews agreed to: organisation and day.
  const followParams = new SqlParameters();
  const follow = filterSql(filter, followParams, {
    organization: 'f."organizationId"',
    date: 'f."createdOn"',
  });
  // A task has no record key of its own: its id's hash gives it one, stable for the same task.
  const followRows = await db.query<{ n: number; key_sum: string }>(
    `SELECT count(*)::int AS n,
            coalesce(sum(('x' || substr(md5(f.id::text), 1, 8))::bit(32)::bigint % 2147483648), 0)::bigint AS key_sum
       FROM "OutreachSurveyFollowUp" f WHERE ${follow.where}`,
    followParams.values,
  );

  const offers = await surveyOffers(db, filter, uniform);
  const notOffered = SURVEY_NOT_OFFERED_REASONS.map((status) => ({
    status,
    count: offers.byStatus.find((entry) => entry.status === status)?.count ?? disclose(EMPTY_CELL),
  }));

  const responseCount = disclose(cell('#all', ''));
  const ignored = new Set<FilterDimension>([...links.ignored, ...responses.ignored, ...follow.ignored]);
  // The response and follow-up sources cannot apply the person filters: say so whenever one is set.
  for (const dimension of ['incidentTypes', 'genders', 'ageGroups', 'roles'] as const) {
    if ((filter[dimension]?.length ?? 0) > 0) ignored.add(dimension);
  }
  return {
    sent,
    opened,
    answered,
    openedRate: disclosedRate(opened, sent),
    responseRate: disclosedRate(answered, sent),
    responses: responseCount,
    // The languages are the respondents' too: shown on the same rule as an item's distribution.
    byLanguage: distributionShown(responseCount)
      ? OUTREACH_SURVEY_LANGUAGES.map((language) => ({
          language,
          count: disclose(cell('#language', language)),
        }))
      : [],
    items,
    notOffered,
    followUps: disclose({ count: followRows[0]?.n ?? 0, keySum: followRows[0]?.key_sum ?? 0 }),
    ignoredFilters: [...ignored],
  };
}

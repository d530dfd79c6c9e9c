import type { Prisma, PrismaClient } from '@vi/db';
import {
  type AcceptanceCounts,
  type AcceptanceRow,
  AGE_GROUPS,
  acceptanceBreakdown,
  ageGroupOf,
  GENDERS,
  INCIDENT_TYPES,
  type OutreachFunnelCounts,
  type OutreachFunnelRates,
  outreachFunnelRates,
  PERSON_ROLES,
  type Rate,
} from '@vi/domain';
import { requireOrganizationId } from '../authorization.ts';
import { builder } from '../builder.ts';
import { prisma } from '../database.ts';
import { OverviewPeriodEnum } from './outreach-enums.ts';
import { LEAD_ROLES } from './outreach-roles.ts';

type Client = PrismaClient | Prisma.TransactionClient;
export type OverviewPeriod = 'TODAY' | 'THIS_MONTH';

/** The group of people whose gender or age the police list did not give. */
export const UNKNOWN_GROUP = 'UNKNOWN';

/**
 * The period in Danish time: [start of today or of this month, start of the next).
 * Computed in SQL so the boundary follows Denmark's summer time.
 */
const BOUNDS = `
  WITH bounds AS (
    SELECT date_trunc($2::text, $1::timestamptz AT TIME ZONE 'Europe/Copenhagen') AT TIME ZONE 'Europe/Copenhagen' AS f,
           (date_trunc($2::text, $1::timestamptz AT TIME ZONE 'Europe/Copenhagen')
             + CASE WHEN $2::text = 'day' THEN interval '1 day' ELSE interval '1 month' END)
             AT TIME ZONE 'Europe/Copenhagen' AS t
  )`;

export interface OutreachOverviewData {
  period: OverviewPeriod;
  from: Date;
  to: Date;
  counts: OutreachFunnelCounts & { inactiveType: number };
  rates: OutreachFunnelRates;
  byIncidentType: AcceptanceRow[];
  byGender: AcceptanceRow[];
  byAgeGroup: AcceptanceRow[];
  byRole: AcceptanceRow[];
}

/**
 * The lead's figures, counted in SQL (three statements) and turned into rates by the
 * domain's `outreachFunnelRates` / `acceptanceBreakdown`, as the evaluation app does:
 * - identified / with contact details / inactive type: cases imported in the period
 *   (identified excludes switched-off incident types, which are outside the target);
 * - reached and its outcomes: cases reached in the period;
 * - referrals: open now (whatever their age), and closed in the period by result.
 */
export async function loadOutreachOverview(
  client: Client,
  args: { organizationId: string; period: OverviewPeriod; now: Date },
): Promise<OutreachOverviewData> {
  const unit = args.period === 'TODAY' ? 'day' : 'month';
  const params = [args.now, unit, args.organizationId];
  const [caseCounts] = await client.$queryRawUnsafe<
    {
      f: Date;
      t: Date;
      identified: number;
      with_contact: number;
      inactive_type: number;
      reached: number;
      wants_call: number;
      declined: number;
      will_call_self: number;
    }[]
  >(
    `${BOUNDS}
     SELECT b.f, b.t,
       count(*) FILTER (WHERE c."createdAt" >= b.f AND c."createdAt" < b.t AND c.status <> 'INACTIVE_TYPE')::int AS identified,
       count(*) FILTER (WHERE c."createdAt" >= b.f AND c."createdAt" < b.t
                          AND c.status NOT IN ('INACTIVE_TYPE', 'NO_CONTACT_DETAILS'))::int AS with_contact,
       count(*) FILTER (WHERE c."createdAt" >= b.f AND c."createdAt" < b.t AND c.status = 'INACTIVE_TYPE')::int AS inactive_type,
       count(*) FILTER (WHERE c."reachedAt" >= b.f AND c."reachedAt" < b.t)::int AS reached,
       count(*) FILTER (WHERE c."reachedAt" >= b.f AND c."reachedAt" < b.t AND c.outcome = 'WANTS_CALL')::int AS wants_call,
       count(*) FILTER (WHERE c."reachedAt" >= b.f AND c."reachedAt" < b.t AND c.outcome = 'DECLINED')::int AS declined,
       count(*) FILTER (WHERE c."reachedAt" >= b.f AND c."reachedAt" < b.t AND c.outcome = 'WILL_CALL_SELF')::int AS will_call_self
     FROM bounds b LEFT JOIN "OutreachCase" c ON c."organizationId" = $3::uuid
     GROUP BY b.f, b.t`,
    ...params,
  );
  const [referralCounts] = await client.$queryRawUnsafe<
    { open: number; held: number; other: number; lost: number }[]
  >(
    `${BOUNDS}
     SELECT
       count(*) FILTER (WHERE r.status IN ('OPEN', 'TAKEN'))::int AS open,
       count(*) FILTER (WHERE r.status = 'CONVERSATION_HELD' AND r."closedAt" >= b.f AND r."closedAt" < b.t)::int AS held,
       count(*) FILTER (WHERE r.status = 'REGISTERED_OTHER' AND r."closedAt" >= b.f AND r."closedAt" < b.t)::int AS other,
       count(*) FILTER (WHERE r.status = 'LOST' AND r."closedAt" >= b.f AND r."closedAt" < b.t)::int AS lost
     FROM bounds b LEFT JOIN "Referral" r ON r."organizationId" = $3::uuid`,
    ...params,
  );
  // One pass for the four breakdowns; GROUPING() tells which set a row belongs to.
  // Ages come back as ages and are grouped by the domain's ageGroupOf, not re-coded in SQL.
  const breakdownRows = await client.$queryRawUnsafe<
    {
      g_type: number;
      g_gender: number;
      g_age: number;
      g_role: number;
      incident_type: string | null;
      gender: string | null;
      age: number | null;
      role: string | null;
      wants_call: number;
      declined: number;
      will_call_self: number;
    }[]
  >(
    `${BOUNDS}
     SELECT GROUPING(c."incidentType")::int AS g_type, GROUPING(c.gender)::int AS g_gender,
            GROUPING(c."ageAtIncident")::int AS g_age, GROUPING(c.role)::int AS g_role,
            c."incidentType"::text AS incident_type, c.gender::text AS gender, c."ageAtIncident" AS age,
            c.role::text AS role,
            count(*) FILTER (WHERE c.outcome = 'WANTS_CALL')::int AS wants_call,
            count(*) FILTER (WHERE c.outcome = 'DECLINED')::int AS declined,
            count(*) FILTER (WHERE c.outcome = 'WILL_CALL_SELF')::int AS will_call_self
       FROM bounds b JOIN "OutreachCase" c
         ON c."organizationId" = $3::uuid AND c."reachedAt" >= b.f AND c."reachedAt" < b.t
      GROUP BY GROUPING SETS ((c."incidentType"), (c.gender), (c."ageAtIncident"), (c.role))`,
    ...params,
  );

  const tally = (codes: readonly string[]) => {
    const map = new Map<string, AcceptanceCounts>(
      codes.map((code) => [code, { group: code, wantsCall: 0, declined: 0, willCallSelf: 0 }]),
    );
    return {
      add(group: string, row: { wants_call: number; declined: number; will_call_self: number }) {
        const entry = map.get(group) ?? { group, wantsCall: 0, declined: 0, willCallSelf: 0 };
        entry.wantsCall += Number(row.wants_call);
        entry.declined += Number(row.declined);
        entry.willCallSelf += Number(row.will_call_self);
        map.set(group, entry);
      },
      rows: () => acceptanceBreakdown([...map.values()]),
    };
  };
  const byType = tally(INCIDENT_TYPES.map((t) => t.code));
  const byGender = tally([...GENDERS.map((g) => g.code), UNKNOWN_GROUP]);
  const byAge = tally([...AGE_GROUPS.map((g) => g.code), UNKNOWN_GROUP]);
  const byRole = tally(PERSON_ROLES.map((r) => r.code));
  for (const row of breakdownRows) {
    if (Number(row.g_type) === 0) byType.add(row.incident_type ?? UNKNOWN_GROUP, row);
    else if (Number(row.g_gender) === 0) byGender.add(row.gender ?? UNKNOWN_GROUP, row);
    else if (Number(row.g_age) === 0)
      byAge.add(row.age === null ? UNKNOWN_GROUP : ageGroupOf(Number(row.age)), row);
    else if (Number(row.g_role) === 0) byRole.add(row.role ?? UNKNOWN_GROUP, row);
  }

  const c = caseCounts!;
  const r = referralCounts!;
  const counts = {
    identified: Number(c.identified),
    withContactDetails: Number(c.with_contact),
    inactiveType: Number(c.inactive_type),
    reached: Number(c.reached),
    wantsCall: Number(c.wants_call),
    declined: Number(c.declined),
    willCallSelf: Number(c.will_call_self),
    referralsOpen: Number(r.open),
    conversationHeld: Number(r.held),
    registeredOther: Number(r.other),
    lost: Number(r.lost),
  };
  return {
    period: args.period,
    from: new Date(c.f),
    to: new Date(c.t),
    counts,
    rates: outreachFunnelRates(counts),
    byIncidentType: byType.rows(),
    byGender: byGender.rows(),
    byAgeGroup: byAge.rows(),
    byRole: byRole.rows(),
  };
}

// ── GraphQL ────────────────────────────────────────────────────────────────

const RateRef = builder.objectRef<Rate>('OutreachRate').implement({
  description: 'A proportion with its Wilson 95 % interval; rate is null when the denominator is 0.',
  authScopes: { role: LEAD_ROLES },
  fields: (t) => ({
    numerator: t.exposeInt('numerator', { nullable: false }),
    denominator: t.exposeInt('denominator', { nullable: false }),
    rate: t.exposeFloat('rate', { nullable: true }),
    low: t.float({ nullable: true, resolve: (r) => r.ci95?.[0] ?? null }),
    high: t.float({ nullable: true, resolve: (r) => r.ci95?.[1] ?? null }),
  }),
});

const AcceptanceRowRef = builder.objectRef<AcceptanceRow>('AcceptanceRow').implement({
  description: 'Outcomes of reached people in one group (incident type, gender, age group or role code).',
  authScopes: { role: LEAD_ROLES },
  fields: (t) => ({
    group: t.exposeString('group', { nullable: false }),
    reached: t.exposeInt('reached', { nullable: false }),
    wantsCall: t.field({ nullable: false, type: RateRef, resolve: (r) => r.wantsCall }),
    declined: t.field({ nullable: false, type: RateRef, resolve: (r) => r.declined }),
    willCallSelf: t.field({ nullable: false, type: RateRef, resolve: (r) => r.willCallSelf }),
  }),
});

const OutreachCountsRef = builder.objectRef<OutreachOverviewData['counts']>('OutreachCounts').implement({
  authScopes: { role: LEAD_ROLES },
  fields: (t) => ({
    identified: t.exposeInt('identified', {
      nullable: false,
      description: 'Imported in the period, switched-off types excluded.',
    }),
    withContactDetails: t.exposeInt('withContactDetails', { nullable: false }),
    inactiveType: t.exposeInt('inactiveType', {
      nullable: false,
      description: 'Imported in the period with a switched-off type.',
    }),
    reached: t.exposeInt('reached', { nullable: false, description: 'Reached in the period.' }),
    wantsCall: t.exposeInt('wantsCall', { nullable: false }),
    declined: t.exposeInt('declined', { nullable: false }),
    willCallSelf: t.exposeInt('willCallSelf', { nullable: false }),
    referralsOpen: t.exposeInt('referralsOpen', {
      nullable: false,
      description: 'Waiting or taken now, whenever created.',
    }),
    conversationHeld: t.exposeInt('conversationHeld', {
      nullable: false,
      description: 'Closed in the period.',
    }),
    registeredOther: t.exposeInt('registeredOther', { nullable: false }),
    lost: t.exposeInt('lost', { nullable: false }),
  }),
});

const OutreachRatesRef = builder.objectRef<OutreachFunnelRates>('OutreachRates').implement({
  authScopes: { role: LEAD_ROLES },
  fields: (t) => ({
    contactDetails: t.field({ nullable: false, type: RateRef, resolve: (r) => r.contactDetails }),
    reached: t.field({ nullable: false, type: RateRef, resolve: (r) => r.reached }),
    acceptance: t.field({ nullable: false, type: RateRef, resolve: (r) => r.acceptance }),
    declined: t.field({ nullable: false, type: RateRef, resolve: (r) => r.declined }),
    willCallSelf: t.field({ nullable: false, type: RateRef, resolve: (r) => r.willCallSelf }),
    conversion: t.field({ nullable: false, type: RateRef, resolve: (r) => r.conversion }),
    referralsClosed: t.exposeInt('referralsClosed', { nullable: false }),
  }),
});

const OutreachOverviewRef = builder.objectRef<OutreachOverviewData>('OutreachOverview').implement({
  description: "The project lead's outreach figures for today or this month (aggregates, no person).",
  authScopes: { role: LEAD_ROLES },
  fields: (t) => ({
    period: t.field({ nullable: false, type: OverviewPeriodEnum, resolve: (o) => o.period }),
    from: t.field({ nullable: false, type: 'DateTime', resolve: (o) => o.from }),
    to: t.field({ nullable: false, type: 'DateTime', resolve: (o) => o.to }),
    counts: t.field({ nullable: false, type: OutreachCountsRef, resolve: (o) => o.counts }),
    rates: t.field({ nullable: false, type: OutreachRatesRef, resolve: (o) => o.rates }),
    byIncidentType: t.field({ nullable: false, type: [AcceptanceRowRef], resolve: (o) => o.byIncidentType }),
    byGender: t.field({ nullable: false, type: [AcceptanceRowRef], resolve: (o) => o.byGender }),
    byAgeGroup: t.field({ nullable: false, type: [AcceptanceRowRef], resolve: (o) => o.byAgeGroup }),
    byRole: t.field({ nullable: false, type: [AcceptanceRowRef], resolve: (o) => o.byRole }),
  }),
});

builder.queryField('outreachOverview', (t) =>
  t.field({
    nullable: false,
    type: OutreachOverviewRef,
    authScopes: { role: LEAD_ROLES },
    args: { period: t.arg({ type: OverviewPeriodEnum, required: true }) },
    resolve: async (_root, { period }, context) => {
      const organizationId = requireOrganizationId(context);
      context.audit({ action: 'READ', entity: 'OutreachOverview', detail: { period } });
      return loadOutreachOverview(prisma(), { organizationId, period, now: new Date() });
    },
  }),
);

import {
  CIVIL_SOCIETY_OFFERS,
  CIVIL_SOCIETY_REFERRAL_STATUSES,
  type CountCell,
  type DisclosedCount,
  discloseCount,
  disclosedRate,
  type KeyedUniform,
  type Rate,
} from '@vi/domain';
import { unionCell } from './count-table.ts';
import {
  type AggregateSource,
  assertValidEvaluationFilter,
  type EvaluationFilter,
  type FilterDimension,
  filterSql,
  SqlParameters,
} from './evaluation-filter.ts';
import { cellOf, selectedOrganizationIds } from './organization-rows.ts';
import { MOVE_OUT_COLUMNS } from './shelter-counselling.ts';

/**
 * Civil-society aftercare (the Red Cross recommendations' must-have: referral to Qnet, Fra Bolig til Hjem and the
 * organisation's own offers, with her consent): of the stays that ended in the period, how many
 * women were offered a civil-society offer, referred (she consented: the statuses marked
 * `consent` in CIVIL_SOCIETY_REFERRAL_STATUSES) and took it up (`uptake`), per offer and for
 * any offer; and the share of move-outs with a referral. The domain's civilSocietyUptake, in SQL:
 * referred / offered and started / referred. "Any offer" counts each woman's stay once (offered
 * any, referred to any, started any), so it is a set of women, not a sum of the offers' rows.
 * The organisation is the shelter of the stay; the period is the move-out day.
 */
export const CIVIL_SOCIETY_OFFER_CODES: readonly string[] = CIVIL_SOCIETY_OFFERS.map((offer) => offer.code);
export const ANY_OFFER = 'ANY';
const CONSENT_STATUSES = CIVIL_SOCIETY_REFERRAL_STATUSES.filter((s) => s.consent).map((s) => s.code);
const UPTAKE_STATUSES = CIVIL_SOCIETY_REFERRAL_STATUSES.filter((s) => s.uptake).map((s) => s.code);

export type CivilSocietyRow = {
  organizationId: string | null;
  /** A CivilSocietyOffer code, or ANY. */
  offer: string;
  offered: DisclosedCount;
  referred: DisclosedCount;
  started: DisclosedCount;
  referredRate: Rate | null;
  uptake: Rate | null;
};

export type ShelterCivilSociety = {
  /** Per offer and ANY, over all selected organisations. */
  offers: CivilSocietyRow[];
  /** ANY per organisation. */
  byOrganization: CivilSocietyRow[];
  /** Stays that ended in the period, and those with a referral (she consented) to any offer. */
  moveOuts: DisclosedCount;
  referredShareOfMoveOuts: Rate | null;
  ignoredFilters: FilterDimension[];
};

type Row = {
  org: string;
  offer: string;
  offered: number;
  offered_key: string;
  referred: number;
  referred_key: string;
  started: number;
  started_key: string;
};

export async function shelterCivilSociety(
  db: AggregateSource,
  filter: EvaluationFilter,
  uniform: KeyedUniform,
): Promise<ShelterCivilSociety> {
  assertValidEvaluationFilter(filter);
  const params = new SqlParameters();
  const { where, ignored } = filterSql(filter, params, MOVE_OUT_COLUMNS);
  const consent = params.add(CONSENT_STATUSES);
  const uptake = params.add(UPTAKE_STATUSES);
  const any = params.add(ANY_OFFER);
  // Per stay and offer first (a stay has at most a few referrals), then per stay for any offer;
  // the stays without a referral are the MOVE_OUTS row's other part.
  const rows = await db.query<Row>(
    `WITH s AS (
       SELECT st.id, st."organizationId"::text AS org, st."recordKey" AS record_key
       FROM "ShelterStay" st WHERE st."movedOutOn" IS NOT NULL AND ${where}
     ),
     per_offer AS (
       SELECT s.id, s.org, s.record_key, c.offer::text AS offer,
              bool_or(c.status = ANY (${consent}::"CivilSocietyReferralStatus"[])) AS referred,
              bool_or(c.status = ANY (${uptake}::"CivilSocietyReferralStatus"[])) AS started
       FROM s JOIN "CivilSocietyReferral" c ON c."stayId" = s.id
       GROUP BY s.id, s.org, s.record_key, c.offer
     ),
     per_stay AS (
       SELECT s.id, s.org, s.record_key, ${any}::text AS offer,
              coalesce(bool_or(p.referred), false) AS referred, coalesce(bool_or(p.started), false) AS started,
              count(p.id) > 0 AS offered
       FROM s LEFT JOIN per_offer p ON p.id = s.id
       GROUP BY s.id, s.org, s.record_key
     )
     SELECT org, offer, count(*)::int AS offered, sum(record_key)::bigint AS offered_key,
            count(*) FILTER (WHERE referred)::int AS referred,
            coalesce(sum(record_key) FILTER (WHERE referred), 0)::bigint AS referred_key,
            count(*) FILTER (WHERE started)::int AS started,
            coalesce(sum(record_key) FILTER (WHERE started), 0)::bigint AS started_key
     FROM (SELECT id, org, record_key, offer, referred, started FROM per_offer
           UNION ALL SELECT id, org, record_key, offer, referred, started FROM per_stay WHERE offered) x
     GROUP BY org, offer
     UNION ALL
     SELECT org, 'MOVE_OUTS', count(*)::int, sum(record_key)::bigint, 0, 0, 0, 0 FROM s GROUP BY org`,
    params.values,
  );
  const orgs = selectedOrganizationIds(filter.organizationIds);
  const rowOf = new Map(rows.map((row) => [`${row.org}|${row.offer}`, row]));
  const cellsOf = (org: string, offer: string) => {
    const row = rowOf.get(`${org}|${offer}`);
    return {
      offered: cellOf(row?.offered, row?.offered_key),
      referred: cellOf(row?.referred, row?.referred_key),
      started: cellOf(row?.started, row?.started_key),
    };
  };
  const shape = (
    organizationId: string | null,
    offer: string,
    cells: { offered: CountCell; referred: CountCell; started: CountCell },
  ): CivilSocietyRow => {
    const offered = discloseCount(cells.offered, uniform);
    const referred = discloseCount(cells.referred, uniform);
    const started = discloseCount(cells.started, uniform);
    return {
      organizationId,
      offer,
      offered,
      referred,
      started,
      referredRate: disclosedRate(referred, offered),
      uptake: disclosedRate(started, referred),
    };
  };
  const overOrgs = (offer: string) => {
    const parts = orgs.map((org) => cellsOf(org, offer));
    return {
      offered: unionCell(parts.map((p) => p.offered)),
      referred: unionCell(parts.map((p) => p.referred)),
      started: unionCell(parts.map((p) => p.started)),
    };
  };
  const anyTotal = overOrgs(ANY_OFFER);
  const moveOuts = discloseCount(unionCell(orgs.map((org) => cellsOf(org, 'MOVE_OUTS').offered)), uniform);
  return {
    offers: [...CIVIL_SOCIETY_OFFER_CODES, ANY_OFFER].map((offer) =>
      shape(null, offer, offer === ANY_OFFER ? anyTotal : overOrgs(offer)),
    ),
    byOrganization: orgs.map((org) => shape(org, ANY_OFFER, cellsOf(org, ANY_OFFER))),
    moveOuts,
    referredShareOfMoveOuts: disclosedRate(discloseCount(anyTotal.referred, uniform), moveOuts),
    ignoredFilters: ignored,
  };
}

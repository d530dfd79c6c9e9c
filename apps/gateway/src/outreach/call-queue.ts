import type { Database, Prisma, PrismaClient } from '@vi/db';
import {
  danishCalendarDate,
  decodeQueueCursor,
  encodeQueueCursor,
  fieldError,
  type IncidentTypeCode,
  type PersonRoleCode,
  type QueueOrderKey,
} from '@vi/domain';
import { requireOrganizationId, requireUser } from '../authorization.ts';
import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { database, prisma } from '../database.ts';
import { GenderEnum, IncidentTypeEnum, PersonRoleEnum } from '../enums.ts';
import { ErrorCode, gatewayError, throwValidation } from '../errors.ts';
import { CALLER_ROLES } from './outreach-roles.ts';

type Client = PrismaClient | Prisma.TransactionClient;

/**
 * The callable-now condition, shared by the queue page, its count and the claim, so a
 * person the worker sees is a person they can claim. `c` is "OutreachCase", `$1` the
 * organisation, `$2` the worker, `$3` today's date in Denmark. A claim held by someone
 * else hides the case until it expires; the worker's own claim keeps it visible.
 *
 * Written for the queue's partial index (migration 0313, "OutreachCase_call_queue_idx"):
 * status = 'OPEN' is its predicate, and the call window and the retry time are tests on
 * its columns (the retry as the same COALESCE expression the index holds), so PostgreSQL
 * checks them on the index entry and skips a case that waits for a retry or is not
 * callable yet without reading the table. They are evaluated at every read against today
 * and now(), never stored, so a case becomes callable the moment its time comes. Only the
 * claim test reads the table, for the few cases someone holds.
 */
const CALLABLE_NOW = `
  c."organizationId" = $1::uuid
  AND c.status = 'OPEN'
  AND c."callableFrom" <= $3::date AND c."callableUntil" >= $3::date
  AND COALESCE(c."nextAttemptAfter", '-infinity'::timestamp) <= now()
  AND (c."claimedById" IS NULL OR c."claimedById" = $2::uuid OR c."claimExpiresAt" < now())`;

/**
 * ORDER BY for compareQueueOrder in @vi/domain (priority desc, callableFrom, createdAt, id),
 * column for column the index's, so the first callable entry of the index is the answer
 * and nothing is sorted. "queuePriority" is the type's priority kept on the case by
 * triggers (migration 0313): a settings change re-ranks the open cases at once.
 */
const QUEUE_ORDER = `-c."queuePriority", c."callableFrom", c."createdAt", c.id`;

/**
 * The queue's count stops here: counting every callable person read the whole queue on
 * every page (0.3-0.5 s at 88,000 callable on PostgreSQL, against 2-5 ms for this cap;
 * call-queue-load.test.ts), and nobody plans a shift on the difference between 1,200 and
 * 12,000 waiting. Past it the page says "over 1,000" (totalCountCapped).
 */
export const QUEUE_COUNT_CAP = 1000;

export interface QueueFilter {
  incidentTypes?: readonly IncidentTypeCode[] | null;
  roles?: readonly PersonRoleCode[] | null;
}

function filterSql(filter: QueueFilter, params: unknown[]): string {
  let sql = '';
  if (filter.incidentTypes && filter.incidentTypes.length > 0) {
    params.push([...filter.incidentTypes]);
    sql += ` AND c."incidentType"::text = ANY($${params.length}::text[])`;
  }
  if (filter.roles && filter.roles.length > 0) {
    params.push([...filter.roles]);
    sql += ` AND c.role::text = ANY($${params.length}::text[])`;
  }
  return sql;
}

export interface QueueEntry {
  id: string;
  personId: string;
  pseudonym: string;
  incidentType: IncidentTypeCode;
  occurredOn: string;
  role: PersonRoleCode;
  gender: string | null;
  ageAtIncident: number | null;
  callableFrom: string;
  callableUntil: string;
  attemptCount: number;
  priority: number;
  createdAt: Date;
  claimedByMe: boolean;
}

export interface QueuePage {
  entries: QueueEntry[];
  /** Callable people matching the filter, at most QUEUE_COUNT_CAP. */
  totalCount: number;
  /** More than QUEUE_COUNT_CAP are callable: totalCount is the cap, not the count. */
  totalCountCapped: boolean;
  endCursor: string | null;
  hasNextPage: boolean;
}

interface QueueRow {
  id: string;
  person_id: string;
  pseudonym: string;
  incident_type: IncidentTypeCode;
  occurred_on: string;
  role: PersonRoleCode;
  gender: string | null;
  age: number | null;
  callable_from: string;
  callable_until: string;
  attempt_count: number;
  priority: number;
  created_at: Date;
  claimed_by_me: boolean;
  total: number;
}

export const MAX_QUEUE_PAGE = 100;

/**
 * One page of the call queue in ONE SQL statement whatever the page size: the page
 * (keyset after the cursor, so claims by others do not shift it) and the capped count
 * of the filtered queue come back together, even when the page is empty. Both are
 * index-range reads of the queue's index: the page starts at the cursor (the keyset's
 * row comparison is on the index's own columns) and stops after `first` + 1 entries, the
 * count stops after QUEUE_COUNT_CAP + 1.
 */
export async function loadQueuePage(client: Client, args: QueuePageArgs): Promise<QueuePage> {
  const { sql, params } = queuePageStatement(args);
  const result = await client.$queryRawUnsafe<(Omit<QueueRow, 'id'> & { id: string | null })[]>(
    sql,
    ...params,
  );
  const counted = Number(result[0]?.total ?? 0);
  const rows = result.filter((r): r is QueueRow => r.id !== null);
  const hasNextPage = rows.length > args.first;
  const pageRows = rows.slice(0, args.first);
  const entries = pageRows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    pseudonym: r.pseudonym,
    incidentType: r.incident_type,
    occurredOn: r.occurred_on,
    role: r.role,
    gender: r.gender,
    ageAtIncident: r.age,
    callableFrom: r.callable_from,
    callableUntil: r.callable_until,
    attemptCount: Number(r.attempt_count),
    priority: Number(r.priority),
    createdAt: new Date(r.created_at),
    claimedByMe: r.claimed_by_me,
  }));
  const last = entries.at(-1);
  return {
    entries,
    totalCount: Math.min(counted, QUEUE_COUNT_CAP),
    totalCountCapped: counted > QUEUE_COUNT_CAP,
    endCursor: last ? encodeQueueCursor(last) : null,
    hasNextPage,
  };
}

export type QueuePageArgs = {
  organizationId: string;
  workerId: string;
  today: string;
  first: number;
  after: QueueOrderKey | null;
} & QueueFilter;

/** The queue page's one statement, also EXPLAINed by call-queue-index.test.ts. */
export function queuePageStatement(args: QueuePageArgs): { sql: string; params: unknown[] } {
  const params: unknown[] = [args.organizationId, args.workerId, args.today];
  const filters = filterSql(args, params);
  let keyset = '';
  if (args.after) {
    // createdAt travels as ISO text and is read back as UTC wall time, the way it is stored
    // (timestamp(3) without time zone), whatever the session's time zone.
    params.push(
      -args.after.priority,
      args.after.callableFrom,
      args.after.createdAt.toISOString(),
      args.after.id,
    );
    const n = params.length;
    keyset = ` AND (-c."queuePriority", c."callableFrom", c."createdAt", c.id)
      > ($${n - 3}::int, $${n - 2}::date, ($${n - 1}::timestamptz AT TIME ZONE 'UTC'), $${n}::uuid)`;
  }
  params.push(args.first + 1);
  const limit = params.length;
  params.push(QUEUE_COUNT_CAP + 1);
  const cap = params.length;
  const sql = `
    WITH page AS (
      SELECT c.id, c."personId" AS person_id, c."incidentType" AS incident_type, c.role, c.gender,
             c."ageAtIncident" AS age, c."callableFrom" AS callable_from_d, c."callableUntil" AS callable_until_d,
             c."attemptCount" AS attempt_count, c."queuePriority" AS priority, c."createdAt" AS created_at,
             c."incidentId" AS incident_id,
             (c."claimedById" = $2::uuid AND c."claimExpiresAt" >= now()) AS claimed_by_me
        FROM "OutreachCase" c
       WHERE ${CALLABLE_NOW} ${filters} ${keyset}
       ORDER BY ${QUEUE_ORDER}
       LIMIT $${limit}
    )
    SELECT t.total, page.*
      FROM (
        -- The ORDER BY changes nothing in the count: it keeps the planner on the queue's index.
        -- Without it a LIMIT tempts it into a sequential scan that "stops after 1,001 rows",
        -- which on a real table (open cases are the newest rows, at its end) reads nearly all of it.
        SELECT count(*)::int AS total
          FROM (SELECT 1 FROM "OutreachCase" c WHERE ${CALLABLE_NOW} ${filters}
                 ORDER BY ${QUEUE_ORDER} LIMIT $${cap}) capped
      ) t
      LEFT JOIN LATERAL (
        -- The page's few people only (not the whole queue).
        SELECT f.id, f.person_id, p.pseudonym, f.incident_type::text AS incident_type,
               to_char(i."occurredOn", 'YYYY-MM-DD') AS occurred_on, f.role::text AS role, f.gender::text AS gender,
               f.age, to_char(f.callable_from_d, 'YYYY-MM-DD') AS callable_from,
               to_char(f.callable_until_d, 'YYYY-MM-DD') AS callable_until, f.attempt_count, f.priority, f.created_at,
               COALESCE(f.claimed_by_me, false) AS claimed_by_me
          FROM page f
          JOIN "Person" p ON p.id = f.person_id
          JOIN "Incident" i ON i.id = f.incident_id
      ) page ON true
     ORDER BY -page.priority, page.callable_from, page.created_at, page.id`;
  return { sql, params };
}

export interface ClaimedCase {
  id: string;
  personId: string;
  claimExpiresAt: Date;
}

/**
 * Claims the first callable case for a worker. The inner SELECT reads the queue's index
 * from the front of the organisation's range and stops at the first case callable now
 * (a plan test in call-queue-index.test.ts keeps it so). FOR UPDATE SKIP LOCKED skips a
 * row another worker's claim is locking right now, and PostgreSQL re-checks the WHERE
 * clause on a row whose claim committed meanwhile, so two workers claiming at the same
 * moment get two different people.
 */
export async function claimNextCase(
  client: Client | Database,
  args: ClaimNextArgs,
): Promise<ClaimedCase | null> {
  const { sql, params } = claimNextStatement(args);
  const rows =
    'engine' in client
      ? await client.query<ClaimRow>(sql, params)
      : await client.$queryRawUnsafe<ClaimRow[]>(sql, ...params);
  const row = rows[0];
  return row ? { id: row.id, personId: row.person_id, claimExpiresAt: new Date(row.claim_expires_at) } : null;
}

export type ClaimNextArgs = {
  organizationId: string;
  workerId: string;
  today: string;
  /** How long the claim holds; absent: the organisation's claimMinutes, read in the same statement. */
  claimMinutes?: number;
} & QueueFilter;

interface ClaimRow {
  id: string;
  person_id: string;
  claim_expires_at: Date;
}

/** The claim's one statement, also EXPLAINed by call-queue-index.test.ts. */
export function claimNextStatement(args: ClaimNextArgs): { sql: string; params: unknown[] } {
  const params: unknown[] = [args.organizationId, args.workerId, args.today];
  const filters = filterSql(args, params);
  let minutes = `(SELECT o."claimMinutes" FROM "Organization" o WHERE o.id = $1::uuid)`;
  if (args.claimMinutes !== undefined) {
    params.push(args.claimMinutes);
    minutes = `$${params.length}::int`;
  }
  const sql = `UPDATE "OutreachCase"
        SET "claimedById" = $2::uuid, "claimExpiresAt" = now() + make_interval(mins => ${minutes})
      WHERE id = (
        SELECT c.id FROM "OutreachCase" c
         WHERE ${CALLABLE_NOW} ${filters}
           AND (c."claimedById" IS DISTINCT FROM $2::uuid OR c."claimExpiresAt" < now())
         ORDER BY ${QUEUE_ORDER}
         LIMIT 1
         FOR UPDATE OF c SKIP LOCKED)
      RETURNING id, "personId" AS person_id,
                -- Stored as UTC wall time: say so, for a driver that would read it as local time.
                "claimExpiresAt" AT TIME ZONE 'UTC' AS claim_expires_at`;
  return { sql, params };
}

/** Claims one case the worker picked from the queue, if nobody else holds it. */
export async function claimCase(
  client: Client,
  args: { organizationId: string; workerId: string; today: string; claimMinutes: number; caseId: string },
): Promise<ClaimedCase | null> {
  const rows = await client.$queryRawUnsafe<{ id: string; person_id: string; claim_expires_at: Date }[]>(
    `UPDATE "OutreachCase" c
        SET "claimedById" = $2::uuid, "claimExpiresAt" = now() + make_interval(mins => $5::int)
      WHERE c.id = $4::uuid AND ${CALLABLE_NOW}
      RETURNING id, "personId" AS person_id, "claimExpiresAt" AS claim_expires_at`,
    args.organizationId,
    args.workerId,
    args.today,
    args.caseId,
    args.claimMinutes,
  );
  const row = rows[0];
  return row ? { id: row.id, personId: row.person_id, claimExpiresAt: new Date(row.claim_expires_at) } : null;
}

// ── GraphQL ────────────────────────────────────────────────────────────────

const QueueEntryRef = builder.objectRef<QueueEntry>('QueueEntry').implement({
  description: 'A person waiting for an outreach call: pseudonym and incident facts, no contact details.',
  authScopes: { role: CALLER_ROLES },
  fields: (t) => ({
    caseId: t.id({ nullable: false, resolve: (e) => e.id }),
    pseudonym: t.exposeString('pseudonym', { nullable: false }),
    incidentType: t.field({ nullable: false, type: IncidentTypeEnum, resolve: (e) => e.incidentType }),
    occurredOn: t.field({
      nullable: false,
      type: 'Date',
      resolve: (e) => new Date(`${e.occurredOn}T00:00:00Z`),
    }),
    role: t.field({ nullable: false, type: PersonRoleEnum, resolve: (e) => e.role }),
    gender: t.field({ type: GenderEnum, nullable: true, resolve: (e) => e.gender as never }),
    ageAtIncident: t.exposeInt('ageAtIncident', { nullable: true }),
    callableFrom: t.field({
      nullable: false,
      type: 'Date',
      resolve: (e) => new Date(`${e.callableFrom}T00:00:00Z`),
    }),
    callableUntil: t.field({
      nullable: false,
      type: 'Date',
      resolve: (e) => new Date(`${e.callableUntil}T00:00:00Z`),
    }),
    attemptCount: t.exposeInt('attemptCount', { nullable: false }),
    priority: t.exposeInt('priority', { nullable: false }),
    claimedByMe: t.exposeBoolean('claimedByMe', { nullable: false }),
  }),
});

const CallQueueRef = builder.objectRef<QueuePage>('CallQueue').implement({
  authScopes: { role: CALLER_ROLES },
  fields: (t) => ({
    entries: t.field({ nullable: false, type: [QueueEntryRef], resolve: (p) => p.entries }),
    totalCount: t.exposeInt('totalCount', {
      nullable: false,
      description: `Callable people matching the filter, counted up to ${QUEUE_COUNT_CAP}: see totalCountCapped.`,
    }),
    totalCountCapped: t.exposeBoolean('totalCountCapped', {
      nullable: false,
      description: `More than ${QUEUE_COUNT_CAP} people are callable; show "over ${QUEUE_COUNT_CAP}" / "mere end ${QUEUE_COUNT_CAP}".`,
    }),
    endCursor: t.exposeString('endCursor', { nullable: true }),
    hasNextPage: t.exposeBoolean('hasNextPage', { nullable: false }),
  }),
});

function pageSize(first: number | null | undefined): number {
  const size = first ?? 25;
  throwValidation(
    size < 1 || size > MAX_QUEUE_PAGE
      ? [fieldError('first', 'OUT_OF_RANGE', { min: 1, max: MAX_QUEUE_PAGE })]
      : [],
  );
  return size;
}

function cursor(after: string | null | undefined): QueueOrderKey | null {
  if (!after) return null;
  const key = decodeQueueCursor(after);
  throwValidation(key ? [] : [fieldError('after', 'INVALID_TYPE')]);
  return key;
}

builder.queryField('callQueue', (t) =>
  t.field({
    nullable: false,
    type: CallQueueRef,
    description:
      'People callable now, priority types first, then the oldest callable. One SQL query per page.',
    authScopes: { role: CALLER_ROLES },
    args: {
      first: t.arg.int(),
      after: t.arg.string(),
      incidentTypes: t.arg({ type: [IncidentTypeEnum] }),
      roles: t.arg({ type: [PersonRoleEnum] }),
    },
    resolve: async (_root, args, context) => {
      const organizationId = requireOrganizationId(context);
      const user = requireUser(context);
      const page = await loadQueuePage(prisma(), {
        organizationId,
        workerId: user.id,
        today: danishCalendarDate(new Date()),
        first: pageSize(args.first),
        after: cursor(args.after),
        incidentTypes: args.incidentTypes as IncidentTypeCode[] | null,
        roles: args.roles as PersonRoleCode[] | null,
      });
      // One READ per person on the page (pseudonym and incident facts, no contact
      // details). The trail writes them in one INSERT when the request ends, so the page
      // still costs the same number of statements whatever its size.
      for (const entry of page.entries) {
        context.audit({
          action: 'READ',
          entity: 'OutreachCase',
          entityId: entry.id,
          personId: entry.personId,
          detail: { view: 'queue' },
        });
      }
      return page;
    },
  }),
);

const ClaimRef = builder.objectRef<ClaimedCase>('CaseClaim').implement({
  description: 'A case claimed by the worker until claimExpiresAt; nobody else gets it meanwhile.',
  authScopes: { role: CALLER_ROLES },
  fields: (t) => ({
    caseId: t.id({ nullable: false, resolve: (c) => c.id }),
    claimExpiresAt: t.field({ nullable: false, type: 'DateTime', resolve: (c) => c.claimExpiresAt }),
  }),
});

async function claimMinutesOf(organizationId: string): Promise<number> {
  const org = await prisma().organization.findUnique({
    where: { id: organizationId },
    select: { claimMinutes: true },
  });
  if (!org) throw gatewayError(ErrorCode.NOT_FOUND);
  return org.claimMinutes;
}

function auditClaim(context: GatewayContext, claim: ClaimedCase): void {
  context.audit({
    action: 'UPDATE',
    entity: 'OutreachCase',
    entityId: claim.id,
    personId: claim.personId,
    detail: { claim: true },
  });
}

builder.mutationField('claimNextCase', (t) =>
  t.field({
    type: ClaimRef,
    nullable: true,
    description: 'Claims the next person in the queue; null when nobody is callable.',
    authScopes: { role: CALLER_ROLES },
    args: { incidentTypes: t.arg({ type: [IncidentTypeEnum] }), roles: t.arg({ type: [PersonRoleEnum] }) },
    resolve: async (_root, args, context) => {
      const organizationId = requireOrganizationId(context);
      const user = requireUser(context);
      // The hottest statement of the queue: straight to the pool (no Prisma layer), one round
      // trip with the organisation's claim length read inside it.
      const claim = await claimNextCase(database(), {
        organizationId,
        workerId: user.id,
        today: danishCalendarDate(new Date()),
        incidentTypes: args.incidentTypes as IncidentTypeCode[] | null,
        roles: args.roles as PersonRoleCode[] | null,
      });
      if (claim) auditClaim(context, claim);
      return claim;
    },
  }),
);

builder.mutationField('claimCase', (t) =>
  t.field({
    nullable: false,
    type: ClaimRef,
    description:
      'Claims a case picked from the queue. CONFLICT when someone else holds it or it left the queue.',
    authScopes: { role: CALLER_ROLES },
    args: { caseId: t.arg.id({ required: true }) },
    resolve: async (_root, { caseId }, context) => {
      const organizationId = requireOrganizationId(context);
      const user = requireUser(context);
      const claim = await claimCase(prisma(), {
        organizationId,
        workerId: user.id,
        today: danishCalendarDate(new Date()),
        claimMinutes: await claimMinutesOf(organizationId),
        caseId: String(caseId),
      });
      if (!claim) throw gatewayError(ErrorCode.CONFLICT, { message: CASE_NOT_AVAILABLE });
      auditClaim(context, claim);
      return claim;
    },
  }),
);

export const CASE_NOT_AVAILABLE = {
  da: 'Personen er ikke længere i køen eller er taget af en kollega.',
  en: 'The person is no longer in the queue or a colleague has taken them.',
};

builder.mutationField('releaseCase', (t) =>
  t.boolean({
    nullable: false,
    description:
      "Gives a claimed case back to the queue without recording a call (e.g. the worker's shift ends).",
    authScopes: { role: CALLER_ROLES },
    args: { caseId: t.arg.id({ required: true }) },
    resolve: async (_root, { caseId }, context) => {
      const organizationId = requireOrganizationId(context);
      const user = requireUser(context);
      const rows = await database().query<{ id: string; personId: string }>(
        `UPDATE "OutreachCase" SET "claimedById" = NULL, "claimExpiresAt" = NULL
          WHERE id = $1::uuid AND "organizationId" = $2::uuid AND "claimedById" = $3::uuid
          RETURNING id, "personId"`,
        [String(caseId), organizationId, user.id],
      );
      const row = rows[0];
      if (row)
        context.audit({
          action: 'UPDATE',
          entity: 'OutreachCase',
          entityId: row.id,
          personId: row.personId,
          detail: { release: true },
        });
      return row !== undefined;
    },
  }),
);

import { randomBytes, randomUUID } from 'node:crypto';
import {
  CONTACT_LOOKUP,
  contactLookupOf,
  contactToken,
  fieldKeyring,
  type Prisma,
  type PrismaClient,
} from '@vi/db';
import {
  callWindowFor,
  cellTextProblems,
  checkIncidentRows,
  danishCalendarDate,
  eraseAfterFor,
  fieldError,
  type IncidentImportCheck,
  type IncidentRowInput,
  type IncidentTypeCode,
  incidentDatesOf,
  MAX_IMPORT_ROWS,
  outreachFieldError,
  type RowCheck,
} from '@vi/domain';
import { requireOrganizationId, requireUser } from '../authorization.ts';
import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { prisma } from '../database.ts';
import { throwValidation } from '../errors.ts';
import { sealText } from '../persons/field-crypto.ts';
import { loadCrimeCodeTable } from './crime-code-mappings.ts';
import { auditWrites } from './outreach-audit.ts';
import { FieldProblemRef } from './outreach-enums.ts';
import { IMPORT_ROLES } from './outreach-roles.ts';
import { loadIncidentTypeSettings, loadOutreachRules } from './outreach-settings.ts';

type Client = PrismaClient | Prisma.TransactionClient;

/** Rows per INSERT: keeps each statement's arrays small while 10,000 rows stay ~40 statements. */
const INSERT_BATCH = 2_000;

/**
 * Duplicate keys of people already on the list, for the incident dates in the file. Names and
 * phone numbers are encrypted, so the list is matched by keyed hash (PersonContact.contactLookup):
 * the file's own contact tokens are hashed, and a stored hash that matches one gives back that
 * token, so the domain's check sees the same keys as before.
 */
async function existingDuplicateKeys(client: Client, organizationId: string, checks: readonly RowCheck[]) {
  const dates = incidentDatesOf(checks);
  if (dates.length === 0) return new Set<string>();
  const tokenByHash = new Map<string, string>();
  for (const check of checks) {
    if (!check.incident) continue;
    const token = contactToken(check.incident);
    if (token === null || tokenByHash.has(token)) continue;
    tokenByHash.set(await fieldKeyring().lookupHash(client, organizationId, CONTACT_LOOKUP, token), token);
  }
  if (tokenByHash.size === 0) return new Set<string>();
  const rows = await client.$queryRawUnsafe<{ occurred_on: string; lookup: string }[]>(
    `SELECT to_char(i."occurredOn", 'YYYY-MM-DD') AS occurred_on, pc."contactLookup" AS lookup
       FROM "OutreachCase" c
       JOIN "Incident" i ON i.id = c."incidentId"
       JOIN "PersonContact" pc ON pc."personId" = c."personId"
      WHERE c."organizationId" = $1::uuid AND i."occurredOn" = ANY($2::date[])
        AND pc."contactLookup" = ANY($3::text[])`,
    organizationId,
    dates,
    [...tokenByHash.keys()],
  );
  const keys = new Set<string>();
  for (const r of rows) keys.add(`${r.occurred_on}${tokenByHash.get(r.lookup)}`);
  return keys;
}

async function checkAgainstList(
  client: Client,
  organizationId: string,
  rows: readonly IncidentRowInput[],
  now: Date,
): Promise<IncidentImportCheck> {
  const today = danishCalendarDate(now);
  const settings = await loadIncidentTypeSettings(client, organizationId);
  const activeTypes = new Set<IncidentTypeCode>(
    settings.filter((s) => s.activeForOutreach).map((s) => s.type),
  );
  const crimeCodes = await loadCrimeCodeTable(client, organizationId);
  // First pass without the list finds the dates to look up; the second applies the list.
  const first = checkIncidentRows(rows, { today, activeTypes, existingKeys: new Set(), crimeCodes });
  const existingKeys = await existingDuplicateKeys(client, organizationId, first.rows);
  return existingKeys.size === 0
    ? first
    : checkIncidentRows(rows, { today, activeTypes, existingKeys, crimeCodes });
}

/** A short pseudonym shown to staff instead of a name (Person.pseudonym): P- and 8 characters. */
const PSEUDONYM_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export function newPseudonym(): string {
  const bytes = randomBytes(8);
  let out = 'P-';
  for (const b of bytes) out += PSEUDONYM_ALPHABET[b % PSEUDONYM_ALPHABET.length];
  return out;
}

export interface ImportOutcome {
  batchId: string;
  check: IncidentImportCheck;
  durationMs: number;
}

/**
 * Stores the valid rows of a checked file in ONE transaction: the batch, then persons,
 * contact details, incidents and cases in set-based INSERTs of INSERT_BATCH rows.
 * Either every valid row is stored or none is. An advisory lock per organisation
 * serialises imports, so two uploads of the same list cannot both pass the duplicate
 * check. People not queued (no contact details, switched-off type) are closed at once,
 * so their contact details fall under the retention rule like any closed case.
 */
export async function importIncidentRows(
  client: PrismaClient,
  args: {
    organizationId: string;
    userId: string;
    fileName: string;
    rows: readonly IncidentRowInput[];
    now: Date;
    context?: GatewayContext;
  },
): Promise<ImportOutcome> {
  const started = performance.now();
  const { organizationId, now } = args;
  return client.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(
        `SELECT pg_advisory_xact_lock(hashtext('vi-import:' || $1))`,
        organizationId,
      );
      const check = await checkAgainstList(tx, organizationId, args.rows, now);
      throwValidation(check.fileErrors);
      const rules = await loadOutreachRules(tx, organizationId);
      const eraseAfter = eraseAfterFor(now, rules.contactRetentionDays);
      const batch = await tx.importBatch.create({
        data: {
          organizationId,
          uploadedById: args.userId,
          fileName: args.fileName.slice(0, 255),
          rowCount: check.summary.rowCount,
          importedCount: check.summary.importedCount,
          rejectedCount: check.summary.rejectedCount,
          noContactCount: check.summary.noContactCount,
          inactiveTypeCount: check.summary.inactiveTypeCount,
        },
        select: { id: true },
      });
      const kept = check.rows.filter((r) => r.incident !== null);
      for (let start = 0; start < kept.length; start += INSERT_BATCH) {
        const slice = kept.slice(start, start + INSERT_BATCH);
        const personIds: string[] = [];
        const pseudonyms: string[] = [];
        const genders: (string | null)[] = [];
        const incidentIds: string[] = [];
        const occurredOn: string[] = [];
        const types: string[] = [];
        const motives: (string | null)[] = [];
        const roles: string[] = [];
        const ages: (number | null)[] = [];
        const statuses: string[] = [];
        const callableFrom: string[] = [];
        const callableUntil: string[] = [];
        const closedAt: (Date | null)[] = [];
        const contactPersonIds: string[] = [];
        const contactNames: (string | null)[] = [];
        const contactPhones: (string | null)[] = [];
        const contactErase: (Date | null)[] = [];
        const contactLookups: (string | null)[] = [];
        for (const row of slice) {
          const incident = row.incident!;
          const personId = randomUUID();
          const window = callWindowFor(incident.occurredOn, rules);
          const queued = row.disposition === 'QUEUE';
          personIds.push(personId);
          pseudonyms.push(newPseudonym());
          genders.push(incident.gender);
          incidentIds.push(randomUUID());
          occurredOn.push(incident.occurredOn);
          types.push(incident.incidentType);
          // Special-category data (DOMAIN 2.3): encrypted like the contact details.
          motives.push(await sealText(organizationId, incident.hateMotive, tx));
          roles.push(incident.role);
          ages.push(incident.ageAtIncident);
          statuses.push(queued ? 'OPEN' : row.disposition);
          callableFrom.push(window.callableFrom);
          callableUntil.push(window.callableUntil);
          closedAt.push(queued ? null : now);
          if (incident.name !== null || incident.phone !== null) {
            contactPersonIds.push(personId);
            contactNames.push(await sealText(organizationId, incident.name, tx));
            contactPhones.push(await sealText(organizationId, incident.phone, tx));
            contactLookups.push(await contactLookupOf(fieldKeyring(), tx, organizationId, incident));
            contactErase.push(queued ? null : eraseAfter);
          }
        }
        await tx.$executeRawUnsafe(
          `INSERT INTO "Person" (id, "organizationId", pseudonym, gender)
           SELECT u.id, $1::uuid, u.pseudonym, u.gender::"Gender"
             FROM unnest($2::uuid[], $3::text[], $4::text[]) AS u(id, pseudonym, gender)`,
          organizationId,
          personIds,
          pseudonyms,
          genders,
        );
        if (contactPersonIds.length > 0) {
          await tx.$executeRawUnsafe(
            `INSERT INTO "PersonContact" ("personId", "organizationId", name, phone, "eraseAfter", "contactLookup")
             SELECT u.id, $1::uuid, u.name, u.phone, u.erase, u.lookup
               FROM unnest($2::uuid[], $3::text[], $4::text[], $5::timestamptz[], $6::text[])
                    AS u(id, name, phone, erase, lookup)`,
            organizationId,
            contactPersonIds,
            contactNames,
            contactPhones,
            contactErase,
            contactLookups,
          );
        }
        await tx.$executeRawUnsafe(
          `INSERT INTO "Incident" (id, "organizationId", "occurredOn", type, "hateMotive", "importBatchId")
           SELECT u.id, $1::uuid, u.d, u.type::"IncidentType", u.motive, $2::uuid
             FROM unnest($3::uuid[], $4::date[], $5::text[], $6::text[]) AS u(id, d, type, motive)`,
          organizationId,
          batch.id,
          incidentIds,
          occurredOn,
          types,
          motives,
        );
        await tx.$executeRawUnsafe(
          `INSERT INTO "OutreachCase" ("organizationId", "personId", "incidentId", role, "ageAtIncident", gender,
                                      "incidentType", status, "callableFrom", "callableUntil", "closedAt")
           SELECT $1::uuid, u.person, u.incident, u.role::"PersonRole", u.age, u.gender::"Gender",
                  u.type::"IncidentType", u.status::"OutreachStatus", u.cf, u.cu, u.closed
             FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[],
                         $9::date[], $10::date[], $11::timestamptz[])
                  AS u(person, incident, role, age, gender, type, status, cf, cu, closed)`,
          organizationId,
          personIds,
          incidentIds,
          roles,
          ages,
          genders,
          types,
          statuses,
          callableFrom,
          callableUntil,
          closedAt,
        );
      }
      if (args.context) {
        // One event for the batch: the import creates people but reads none back.
        await auditWrites(tx, args.context, [
          {
            action: 'CREATE',
            entity: 'ImportBatch',
            entityId: batch.id,
            detail: { ...check.summary },
          },
        ]);
      }
      return { batchId: batch.id, check, durationMs: Math.round(performance.now() - started) };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** The dry run: checks the rows against the organisation's list and settings, stores nothing. */
export async function previewIncidentRows(
  client: PrismaClient,
  args: { organizationId: string; rows: readonly IncidentRowInput[]; now: Date },
): Promise<IncidentImportCheck> {
  return checkAgainstList(client, args.organizationId, args.rows, args.now);
}

// ── GraphQL ────────────────────────────────────────────────────────────────

const IncidentRowInputRef = builder.inputType('IncidentRowInput', {
  description: 'One row of the police list, as text; the gateway parses and checks it.',
  fields: (t) => ({
    incidentDate: t.string(),
    incidentType: t.string(),
    role: t.string(),
    name: t.string(),
    phone: t.string(),
    age: t.string(),
    gender: t.string(),
    motive: t.string(),
  }),
});

const IncidentImportInputRef = builder.inputType('IncidentImportInput', {
  fields: (t) => ({
    fileName: t.string({ required: true }),
    rows: t.field({ type: [IncidentRowInputRef], required: true }),
  }),
});

interface SummaryShape {
  rowCount: number;
  importedCount: number;
  queuedCount: number;
  noContactCount: number;
  inactiveTypeCount: number;
  rejectedCount: number;
}

const IncidentImportSummaryRef = builder.objectRef<SummaryShape>('IncidentImportSummary').implement({
  authScopes: { role: IMPORT_ROLES },
  fields: (t) => ({
    rowCount: t.exposeInt('rowCount', { nullable: false }),
    importedCount: t.exposeInt('importedCount', {
      nullable: false,
      description: 'Rows stored (queued + no contact + inactive type).',
    }),
    queuedCount: t.exposeInt('queuedCount', { nullable: false }),
    noContactCount: t.exposeInt('noContactCount', { nullable: false }),
    inactiveTypeCount: t.exposeInt('inactiveTypeCount', { nullable: false }),
    rejectedCount: t.exposeInt('rejectedCount', { nullable: false }),
  }),
});

const RejectedIncidentRowRef = builder.objectRef<RowCheck>('RejectedIncidentRow').implement({
  description:
    "A row that will not be imported, with every problem found in it. The row's content stays in the browser.",
  authScopes: { role: IMPORT_ROLES },
  fields: (t) => ({
    rowNumber: t.exposeInt('rowNumber', { nullable: false }),
    problems: t.field({ nullable: false, type: [FieldProblemRef], resolve: (r) => r.errors }),
  }),
});

interface PreviewShape {
  check: IncidentImportCheck;
  batchId: string | null;
  durationMs: number | null;
}

const IncidentImportReportRef = builder.objectRef<PreviewShape>('IncidentImportReport').implement({
  authScopes: { role: IMPORT_ROLES },
  fields: (t) => ({
    batchId: t.id({ nullable: true, description: 'Null for a preview.', resolve: (p) => p.batchId }),
    summary: t.field({ nullable: false, type: IncidentImportSummaryRef, resolve: (p) => p.check.summary }),
    rejected: t.field({
      nullable: false,
      type: [RejectedIncidentRowRef],
      resolve: (p) => p.check.rows.filter((r) => r.disposition === 'REJECTED'),
    }),
    fileProblems: t.field({ nullable: false, type: [FieldProblemRef], resolve: (p) => p.check.fileErrors }),
    durationMs: t.int({ nullable: true, resolve: (p) => p.durationMs }),
  }),
});

function validateSize(rows: readonly unknown[]): void {
  throwValidation(rows.length > MAX_IMPORT_ROWS ? [outreachFieldError('rows', 'TOO_MANY_ROWS')] : []);
}

/**
 * U+FFFD in a police list is a name the file's reader could not decode (a
 * Windows-1252 file read as UTF-8 turns "Søren" into "S\uFFFDren"). The
 * app decodes the bytes itself (@vi/domain decodeTextFile); this refuses such
 * rows from any client, before anything is stored, instead of queueing a
 * person under a garbled name. (Control and direction characters are refused
 * at the door already, input/hostile-input-plugin.ts.)
 */
export function validateReadable(rows: readonly IncidentRowInput[]): void {
  throwValidation(cellTextProblems(rows, 20).map((p) => fieldError(`rows.${p.index}.${p.field}`, p.code)));
}

builder.mutationField('previewIncidentImport', (t) =>
  t.field({
    nullable: false,
    type: IncidentImportReportRef,
    description: 'Dry run: checks every row and reports the problems; stores nothing.',
    authScopes: { role: IMPORT_ROLES },
    args: { input: t.arg({ type: IncidentImportInputRef, required: true }) },
    resolve: async (_root, { input }, context) => {
      const organizationId = requireOrganizationId(context);
      validateSize(input.rows);
      validateReadable(input.rows);
      const check = await previewIncidentRows(prisma(), {
        organizationId,
        rows: input.rows,
        now: new Date(),
      });
      return { check, batchId: null, durationMs: null };
    },
  }),
);

builder.mutationField('importIncidents', (t) =>
  t.field({
    nullable: false,
    type: IncidentImportReportRef,
    description: 'Checks the rows again and stores the valid ones in one transaction.',
    authScopes: { role: IMPORT_ROLES },
    args: { input: t.arg({ type: IncidentImportInputRef, required: true }) },
    resolve: async (_root, { input }, context) => {
      const organizationId = requireOrganizationId(context);
      const user = requireUser(context);
      validateSize(input.rows);
      validateReadable(input.rows);
      const outcome = await importIncidentRows(prisma(), {
        organizationId,
        userId: user.id,
        fileName: input.fileName,
        rows: input.rows,
        now: new Date(),
        context,
      });
      return { check: outcome.check, batchId: outcome.batchId, durationMs: outcome.durationMs };
    },
  }),
);

import type { IncidentType, Prisma, PrismaClient } from '@vi/db';
import {
  checkCrimeCodeMapping,
  crimeCodeMappingError,
  crimeCodeOf,
  type IncidentTypeCode,
  MAX_CRIME_CODE_MAPPINGS,
  outreachFieldError,
} from '@vi/domain';
import { requireOrganizationId } from '../authorization.ts';
import { builder, holdsRole } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { prisma } from '../database.ts';
import { IncidentTypeEnum } from '../enums.ts';
import { throwValidation, validationError } from '../errors.ts';
import { auditWrites } from './outreach-audit.ts';
import { IMPORT_ROLES, LEAD_ROLES } from './outreach-roles.ts';

/**
 * The organisation's table of police crime codes (gerningskoder) → incident type (DOMAIN 2.1
 * step 1, §3). The project lead keeps it; the import looks every numeric cell up in it. Those
 * who import read it, so a worker can see which codes the import knows. No default rows: the
 * outreach report names no codes (@vi/domain crime-codes.ts).
 */

type Client = PrismaClient | Prisma.TransactionClient;

export async function loadCrimeCodeTable(
  client: Client,
  organizationId: string,
): Promise<Map<string, IncidentTypeCode>> {
  const rows = await client.crimeCodeMapping.findMany({
    where: { organizationId },
    select: { code: true, incidentType: true },
  });
  return new Map(rows.map((r) => [r.code, r.incidentType as IncidentTypeCode]));
}

interface MappingShape {
  id: string;
  code: string;
  incidentType: IncidentType;
  description: string | null;
  updatedAt: Date;
}

interface TableShape {
  mappings: MappingShape[];
  canEdit: boolean;
}

const CrimeCodeMappingRef = builder.objectRef<MappingShape>('CrimeCodeMapping').implement({
  description: 'One police crime code (gerningskode) and the incident type an import reads it as.',
  authScopes: { role: IMPORT_ROLES },
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    code: t.exposeString('code', { nullable: false, description: 'Digits, as the police list writes it.' }),
    incidentType: t.field({ nullable: false, type: IncidentTypeEnum, resolve: (m) => m.incidentType }),
    description: t.exposeString('description', { nullable: true }),
    updatedAt: t.string({ nullable: false, resolve: (m) => m.updatedAt.toISOString() }),
  }),
});

const CrimeCodeTableRef = builder.objectRef<TableShape>('CrimeCodeTable').implement({
  description: "The organisation's crime codes, ordered by code, and whether the caller may change them.",
  authScopes: { role: IMPORT_ROLES },
  fields: (t) => ({
    mappings: t.field({ nullable: false, type: [CrimeCodeMappingRef], resolve: (s) => s.mappings }),
    canEdit: t.exposeBoolean('canEdit', {
      nullable: false,
      description: 'True for the project lead, who alone may add, change or remove codes.',
    }),
  }),
});

async function loadTable(context: GatewayContext): Promise<TableShape> {
  const organizationId = requireOrganizationId(context);
  const mappings = await prisma().crimeCodeMapping.findMany({
    where: { organizationId },
    select: { id: true, code: true, incidentType: true, description: true, updatedAt: true },
  });
  // Numeric order where the codes are numbers (9 before 10); text order breaks ties such as 07 and 7.
  mappings.sort((a, b) => Number(a.code) - Number(b.code) || a.code.localeCompare(b.code));
  return { mappings, canEdit: holdsRole(context, LEAD_ROLES) };
}

builder.queryField('crimeCodeTable', (t) =>
  t.field({
    nullable: false,
    type: CrimeCodeTableRef,
    description: "The organisation's table of police crime codes → incident types.",
    authScopes: { role: IMPORT_ROLES },
    resolve: (_root, _args, context) => loadTable(context),
  }),
);

const CrimeCodeMappingInputRef = builder.inputType('CrimeCodeMappingInput', {
  fields: (t) => ({
    code: t.string({ required: true, description: 'Digits only (leading zeros are kept).' }),
    incidentType: t.field({ type: IncidentTypeEnum, required: true }),
    description: t.string({ description: "The lead's note on what the code covers; empty removes it." }),
  }),
});

builder.mutationField('saveCrimeCodeMapping', (t) =>
  t.field({
    nullable: false,
    type: CrimeCodeTableRef,
    description: 'Adds a crime code, or changes the incident type or note of one already in the table.',
    authScopes: { role: LEAD_ROLES },
    args: { input: t.arg({ type: CrimeCodeMappingInputRef, required: true }) },
    resolve: async (_root, { input }, context) => {
      const organizationId = requireOrganizationId(context);
      const checked = checkCrimeCodeMapping(input);
      if (!checked.ok) throw validationError(checked.errors);
      const { code, incidentType, description } = checked.mapping;
      await prisma().$transaction(async (tx) => {
        const existing = await tx.crimeCodeMapping.findUnique({
          where: { organizationId_code: { organizationId, code } },
          select: { id: true, incidentType: true },
        });
        if (!existing) {
          const count = await tx.crimeCodeMapping.count({ where: { organizationId } });
          if (count >= MAX_CRIME_CODE_MAPPINGS)
            throwValidation([outreachFieldError('code', 'TOO_MANY_ROWS')]);
        }
        const saved = await tx.crimeCodeMapping.upsert({
          where: { organizationId_code: { organizationId, code } },
          create: { organizationId, code, incidentType: incidentType as IncidentType, description },
          update: { incidentType: incidentType as IncidentType, description },
          select: { id: true },
        });
        await auditWrites(tx, context, [
          {
            action: existing ? 'UPDATE' : 'CREATE',
            entity: 'CrimeCodeMapping',
            entityId: saved.id,
            // The code and types are the organisation's configuration, not personal data.
            detail: existing
              ? { code, incidentType, previousIncidentType: existing.incidentType }
              : { code, incidentType },
          },
        ]);
      });
      return loadTable(context);
    },
  }),
);

builder.mutationField('deleteCrimeCodeMapping', (t) =>
  t.field({
    nullable: false,
    type: CrimeCodeTableRef,
    description:
      'Removes a crime code from the table (nothing happens when it is not there); later imports reject rows with it. Stored cases keep their type.',
    authScopes: { role: LEAD_ROLES },
    args: { code: t.arg.string({ required: true }) },
    resolve: async (_root, args, context) => {
      const organizationId = requireOrganizationId(context);
      const code = crimeCodeOf(args.code);
      if (code === null) throw validationError([crimeCodeMappingError('code', 'INVALID_CRIME_CODE')]);
      await prisma().$transaction(async (tx) => {
        const existing = await tx.crimeCodeMapping.findUnique({
          where: { organizationId_code: { organizationId, code } },
          select: { id: true, incidentType: true },
        });
        // Already gone (a second click, another lead): the table is as asked, nothing to audit.
        if (!existing) return;
        await tx.crimeCodeMapping.delete({ where: { id: existing.id } });
        await auditWrites(tx, context, [
          {
            action: 'DELETE',
            entity: 'CrimeCodeMapping',
            entityId: existing.id,
            detail: { code, incidentType: existing.incidentType },
          },
        ]);
      });
      return loadTable(context);
    },
  }),
);

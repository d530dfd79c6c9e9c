import type { IncidentType, Prisma, PrismaClient } from '@vi/db';
import type { FieldError } from '@vi/domain';
import {
  CALL_RULE_LIMITS,
  INCIDENT_TYPES,
  type IncidentTypeCode,
  MAX_CALL_SCRIPT_LENGTH,
  outreachFieldError,
} from '@vi/domain';
import { auditRow } from '../audit.ts';
import { requireOrganizationId } from '../authorization.ts';
import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { prisma } from '../database.ts';
import { IncidentTypeEnum } from '../enums.ts';
import { ErrorCode, gatewayError, throwValidation } from '../errors.ts';
import { SETTINGS_EDITOR_ROLES, SETTINGS_READER_ROLES } from './outreach-roles.ts';
import { settingRangeError } from './settings-range-error.ts';

type Client = PrismaClient | Prisma.TransactionClient;

export interface OutreachRules {
  organizationId: string;
  callDelayDays: number;
  callWindowDays: number;
  maxCallAttempts: number;
  claimMinutes: number;
  contactRetentionDays: number;
  /** null: the app shows the domain's default script in the user's language. */
  callScript: string | null;
  safeContactGuidance: string | null;
}

export async function loadOutreachRules(client: Client, organizationId: string): Promise<OutreachRules> {
  const org = await client.organization.findUnique({
    where: { id: organizationId },
    select: {
      id: true,
      callDelayDays: true,
      callWindowDays: true,
      maxCallAttempts: true,
      claimMinutes: true,
      contactRetentionDays: true,
      callScript: true,
      safeContactGuidance: true,
    },
  });
  if (!org) throw gatewayError(ErrorCode.NOT_FOUND);
  const { id, ...rules } = org;
  return { organizationId: id, ...rules };
}

export interface IncidentTypeOutreachSetting {
  type: IncidentTypeCode;
  activeForOutreach: boolean;
  priority: number;
}

/** Every incident type with the organisation's setting, or the domain default where it has none. */
export async function loadIncidentTypeSettings(
  client: Client,
  organizationId: string,
): Promise<IncidentTypeOutreachSetting[]> {
  const stored = await client.incidentTypeSetting.findMany({ where: { organizationId } });
  const byType = new Map(stored.map((s) => [s.type as string, s]));
  return INCIDENT_TYPES.map((t) => {
    const s = byType.get(t.code);
    return {
      type: t.code,
      activeForOutreach: s?.activeForOutreach ?? t.defaultActiveForOutreach,
      priority: s?.priority ?? 0,
    };
  });
}

interface OutreachSettingsShape extends OutreachRules {
  incidentTypes: IncidentTypeOutreachSetting[];
}

const IncidentTypeOutreachSettingRef = builder
  .objectRef<IncidentTypeOutreachSetting>('IncidentTypeOutreachSetting')
  .implement({
    description: 'Whether an incident type is called, and its priority in the queue (higher first).',
    authScopes: { role: SETTINGS_READER_ROLES },
    fields: (t) => ({
      type: t.field({ nullable: false, type: IncidentTypeEnum, resolve: (s) => s.type }),
      activeForOutreach: t.exposeBoolean('activeForOutreach', { nullable: false }),
      priority: t.exposeInt('priority', { nullable: false }),
    }),
  });

export const OutreachSettingsRef = builder.objectRef<OutreachSettingsShape>('OutreachSettings').implement({
  description: "The organisation's outreach rules, call script and safe-contact guidance.",
  authScopes: { role: SETTINGS_READER_ROLES },
  fields: (t) => ({
    callDelayDays: t.exposeInt('callDelayDays', { nullable: false }),
    callWindowDays: t.exposeInt('callWindowDays', { nullable: false }),
    maxCallAttempts: t.exposeInt('maxCallAttempts', { nullable: false }),
    claimMinutes: t.exposeInt('claimMinutes', { nullable: false }),
    contactRetentionDays: t.exposeInt('contactRetentionDays', { nullable: false }),
    callScript: t.exposeString('callScript', {
      nullable: true,
      description: "The organisation's own script; null means the default script (DEFAULT_CALL_SCRIPT).",
    }),
    safeContactGuidance: t.exposeString('safeContactGuidance', {
      nullable: true,
      description: 'Null means the default guidance (DEFAULT_SAFE_CONTACT_GUIDANCE).',
    }),
    incidentTypes: t.field({
      nullable: false,
      type: [IncidentTypeOutreachSettingRef],
      resolve: (s) => s.incidentTypes,
    }),
  }),
});

async function loadSettings(context: GatewayContext): Promise<OutreachSettingsShape> {
  const organizationId = requireOrganizationId(context);
  const [rules, incidentTypes] = await Promise.all([
    loadOutreachRules(prisma(), organizationId),
    loadIncidentTypeSettings(prisma(), organizationId),
  ]);
  return { ...rules, incidentTypes };
}

builder.queryField('outreachSettings', (t) =>
  t.field({
    nullable: false,
    type: OutreachSettingsRef,
    authScopes: { role: SETTINGS_READER_ROLES },
    resolve: (_root, _args, context) => loadSettings(context),
  }),
);

const IncidentTypeSettingInput = builder.inputType('IncidentTypeSettingInput', {
  fields: (t) => ({
    type: t.field({ type: IncidentTypeEnum, required: true }),
    activeForOutreach: t.boolean({ required: true }),
    priority: t.int({ required: true }),
  }),
});

const OutreachSettingsInput = builder.inputType('OutreachSettingsInput', {
  description: 'Only the fields given are changed. An empty script or guidance restores the default.',
  fields: (t) => ({
    callDelayDays: t.int(),
    callWindowDays: t.int(),
    maxCallAttempts: t.int(),
    claimMinutes: t.int(),
    contactRetentionDays: t.int(),
    callScript: t.string(),
    safeContactGuidance: t.string(),
    incidentTypes: t.field({ type: [IncidentTypeSettingInput] }),
  }),
});

export const PRIORITY_LIMITS = { min: -100, max: 100 };

builder.mutationField('updateOutreachSettings', (t) =>
  t.field({
    nullable: false,
    type: OutreachSettingsRef,
    authScopes: { role: SETTINGS_EDITOR_ROLES },
    args: { input: t.arg({ type: OutreachSettingsInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const organizationId = requireOrganizationId(context);
      const errors: FieldError[] = [];
      const data: Prisma.OrganizationUpdateInput = {};
      for (const key of Object.keys(CALL_RULE_LIMITS) as (keyof typeof CALL_RULE_LIMITS)[]) {
        const value = input[key];
        if (value === undefined || value === null) continue;
        const { min, max } = CALL_RULE_LIMITS[key];
        if (value < min || value > max) errors.push(settingRangeError(key, { min, max }));
        else data[key] = value;
      }
      for (const key of ['callScript', 'safeContactGuidance'] as const) {
        const value = input[key];
        if (value === undefined || value === null) continue;
        if (value.length > MAX_CALL_SCRIPT_LENGTH) errors.push(outreachFieldError(key, 'TOO_LONG'));
        else data[key] = value.trim() === '' ? null : value;
      }
      const types = input.incidentTypes ?? [];
      const seen = new Set<string>();
      types.forEach((s, i) => {
        if (s.priority < PRIORITY_LIMITS.min || s.priority > PRIORITY_LIMITS.max)
          errors.push(settingRangeError(`incidentTypes.${i}.priority`, PRIORITY_LIMITS, 'priority'));
        if (seen.has(s.type)) errors.push(outreachFieldError(`incidentTypes.${i}.type`, 'UNKNOWN_OPTION'));
        seen.add(s.type);
      });
      throwValidation(errors);

      await prisma().$transaction(async (tx) => {
        await tx.organization.update({ where: { id: organizationId }, data });
        for (const s of types) {
          await tx.incidentTypeSetting.upsert({
            where: { organizationId_type: { organizationId, type: s.type as IncidentType } },
            create: {
              organizationId,
              type: s.type as IncidentType,
              activeForOutreach: s.activeForOutreach,
              priority: s.priority,
            },
            update: { activeForOutreach: s.activeForOutreach, priority: s.priority },
          });
        }
        await tx.auditEvent.create({
          data: auditRow(
            { userId: context.user?.id ?? null, organizationId, requestId: context.requestId },
            {
              action: 'UPDATE',
              entity: 'Organization',
              entityId: organizationId,
              detail: { fields: [...Object.keys(data), ...(types.length > 0 ? ['incidentTypes'] : [])] },
            },
          ),
        });
      });
      return loadSettings(context);
    },
  }),
);

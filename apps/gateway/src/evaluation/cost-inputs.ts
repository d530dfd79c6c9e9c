import type { Prisma, Role } from '@vi/db';
import {
  type CostInputChange,
  type CostModel,
  costInputChanges,
  costInputsFromValues,
  costInputValues,
  type FieldError,
  validateCostInputs,
  validateCostYear,
} from '@vi/domain';
import { auditRow } from '../audit.ts';
import { requireOrganizationId } from '../authorization.ts';
import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { prisma } from '../database.ts';
import { throwValidation } from '../errors.ts';
import { CostModelEnum } from './cost-figures.ts';

/**
 * An organisation's own cost inputs for (model, year) (DOMAIN §6: "a municipality enters its
 * own hours and rates"). The project lead and the administrator enter them (DOMAIN §1: the
 * project lead owns costs); evaluators read them. One CostInput row per organisation, model
 * and year holds the current figures; the history is the audit trail: every save writes one
 * audit event with each changed figure's old and new value. These are the organisation's
 * budget figures, not data about a person, so keeping the values in the audit detail does
 * not break the audit's rule of never holding personal values.
 */
export const COST_INPUT_EDITOR_ROLES = ['PROJECT_LEAD', 'ADMIN'] as const satisfies readonly Role[];
export const COST_INPUT_READER_ROLES = [
  'PROJECT_LEAD',
  'ADMIN',
  'EVALUATOR',
] as const satisfies readonly Role[];

type FieldValue = { field: string; value: number | null };
type HistoryEntry = { at: Date; byName: string | null; changes: CostInputChange[] };
type CostInputsShape = {
  model: CostModel;
  year: number;
  ruleSetId: string | null;
  values: FieldValue[];
  history: HistoryEntry[];
};

const CostInputValueRef = builder.objectRef<FieldValue>('CostInputValue').implement({
  description: 'One entered figure, named by its field path (e.g. `startUp.salaries`, `hourlyRate`).',
  authScopes: { role: COST_INPUT_READER_ROLES },
  fields: (t) => ({
    field: t.exposeString('field', { nullable: false }),
    value: t.exposeFloat('value', { nullable: true }),
  }),
});

const CostInputChangeRef = builder.objectRef<CostInputChange>('CostInputChange').implement({
  description: 'One figure changed by a save: its value before (null when new) and after.',
  authScopes: { role: COST_INPUT_READER_ROLES },
  fields: (t) => ({
    field: t.exposeString('field', { nullable: false }),
    before: t.float({
      nullable: true,
      resolve: (c) => (typeof c.before === 'number' ? c.before : null),
    }),
    after: t.float({ nullable: true, resolve: (c) => (typeof c.after === 'number' ? c.after : null) }),
  }),
});

const CostInputHistoryRef = builder.objectRef<HistoryEntry>('CostInputHistoryEntry').implement({
  description: 'One save of the inputs, newest first.',
  authScopes: { role: COST_INPUT_READER_ROLES },
  fields: (t) => ({
    at: t.field({ type: 'DateTime', nullable: false, resolve: (h) => h.at }),
    byName: t.exposeString('byName', { nullable: true, description: "The saving staff member's name." }),
    changes: t.field({ type: [CostInputChangeRef], nullable: false, resolve: (h) => h.changes }),
  }),
});

const CostInputsRef = builder.objectRef<CostInputsShape>('CostInputs').implement({
  description: "The active organisation's cost inputs for one model and year, with every change.",
  authScopes: { role: COST_INPUT_READER_ROLES },
  fields: (t) => ({
    model: t.field({ type: CostModelEnum, nullable: false, resolve: (c) => c.model }),
    year: t.exposeInt('year', { nullable: false }),
    ruleSetId: t.exposeString('ruleSetId', {
      nullable: true,
      description: 'The cost rule set the inputs were entered against; null when none are saved.',
    }),
    values: t.field({ type: [CostInputValueRef], nullable: false, resolve: (c) => c.values }),
    history: t.field({ type: [CostInputHistoryRef], nullable: false, resolve: (c) => c.history }),
  }),
});

async function loadCostInputs(
  context: GatewayContext,
  organizationId: string,
  model: CostModel,
  year: number,
): Promise<CostInputsShape> {
  const db = prisma();
  const row = await db.costInput.findUnique({
    where: { organizationId_model_year: { organizationId, model, year } },
  });
  const events = row
    ? await db.auditEvent.findMany({
        where: {
          organizationId,
          entity: 'CostInput',
          entityId: row.id,
          action: { in: ['CREATE', 'UPDATE'] },
        },
        orderBy: { id: 'desc' },
        select: { at: true, userId: true, detail: true },
      })
    : [];
  const userIds = [...new Set(events.map((e) => e.userId).filter((id): id is string => id !== null))];
  const users = userIds.length
    ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true } })
    : [];
  const nameOf = new Map(users.map((u) => [u.id, u.displayName]));
  if (row) context.audit({ action: 'READ', entity: 'CostInput', entityId: row.id });
  return {
    model,
    year,
    ruleSetId: row?.ruleVersion ?? null,
    values: row ? costInputValues(model, row.inputs) : [],
    history: events.map((e) => ({
      at: e.at,
      byName: e.userId ? (nameOf.get(e.userId) ?? null) : null,
      changes: ((e.detail as { changes?: CostInputChange[] } | null)?.changes ?? []) as CostInputChange[],
    })),
  };
}

builder.queryField('costInputs', (t) =>
  t.field({
    type: CostInputsRef,
    nullable: false,
    description:
      "The active organisation's cost inputs for a model and year, and the history of their changes.",
    authScopes: { role: COST_INPUT_READER_ROLES },
    args: {
      model: t.arg({ type: CostModelEnum, required: true }),
      year: t.arg.int({ required: true }),
    },
    resolve: async (_root, { model, year }, context) => {
      const organizationId = requireOrganizationId(context);
      throwValidation(validateCostYear(year));
      return loadCostInputs(context, organizationId, model, year);
    },
  }),
);

/**
 * The one save of an organisation's cost inputs for (model, year), for the cost screen and the
 * hate-crime lead's budget form alike: builds the inputs from the entered figures, checks them by
 * the model's domain rule (a VALIDATION error naming each field; nothing is written), then in one
 * transaction locks the row, writes it and one audit event with each changed figure's old and new
 * value (that event is the history). Saving the same figures again writes nothing. The caller
 * checks the role and the year; its year errors come in `yearErrors`, refused with the figures'.
 */
export async function saveCostInputValues(
  context: GatewayContext,
  organizationId: string,
  model: CostModel,
  year: number,
  values: readonly FieldValue[],
  yearErrors: readonly FieldError[],
): Promise<void> {
  const built = costInputsFromValues(model, values);
  const checked = validateCostInputs(model, built.inputs);
  throwValidation([...yearErrors, ...built.errors, ...(checked.ok ? [] : checked.errors)]);
  const inputs = built.inputs as Prisma.InputJsonValue;
  await prisma().$transaction(async (tx) => {
    // Locks the row (when there is one), so two saves at once each record what they replaced.
    const [before] = await tx.$queryRaw<Array<{ id: string; inputs: unknown }>>`
      SELECT id::text, inputs FROM "CostInput"
      WHERE "organizationId" = ${organizationId}::uuid AND model = ${model}::"InterventionModel" AND year = ${year}
      FOR UPDATE`;
    const changes = costInputChanges(before?.inputs ?? null, built.inputs);
    if (before && changes.length === 0) return;
    const saved = await tx.costInput.upsert({
      where: { organizationId_model_year: { organizationId, model, year } },
      create: { organizationId, model, year, ruleVersion: String(built.inputs.ruleSetId), inputs },
      update: { ruleVersion: String(built.inputs.ruleSetId), inputs },
    });
    await tx.auditEvent.create({
      data: auditRow(
        { userId: context.user?.id ?? null, organizationId, requestId: context.requestId },
        {
          action: before ? 'UPDATE' : 'CREATE',
          entity: 'CostInput',
          entityId: saved.id,
          detail: { model, year, changes } as unknown as Prisma.InputJsonValue,
        },
      ),
    });
  });
}

const CostInputValueInput = builder.inputType('CostInputValueInput', {
  fields: (t) => ({
    field: t.string({ required: true }),
    // Float even for counts: a fraction gets the domain's named error, not a GraphQL coercion error.
    value: t.float({ required: false }),
  }),
});

const SaveCostInputsInput = builder.inputType('SaveCostInputsInput', {
  description: 'Every figure of the model for the year; the saved figures replace the earlier ones.',
  fields: (t) => ({
    model: t.field({ type: CostModelEnum, required: true }),
    year: t.int({ required: true }),
    values: t.field({ type: [CostInputValueInput], required: true }),
  }),
});

builder.mutationField('saveCostInputs', (t) =>
  t.field({
    type: CostInputsRef,
    nullable: false,
    description:
      "Saves the active organisation's cost inputs for a model and year, checked against the domain's cost rules; audited with each changed figure's old and new value.",
    authScopes: { role: COST_INPUT_EDITOR_ROLES },
    args: { input: t.arg({ type: SaveCostInputsInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const organizationId = requireOrganizationId(context);
      const { model, year } = input;
      await saveCostInputValues(
        context,
        organizationId,
        model,
        year,
        input.values.map((v) => ({ field: v.field, value: v.value ?? null })),
        validateCostYear(year),
      );
      return loadCostInputs(context, organizationId, model, year);
    },
  }),
);

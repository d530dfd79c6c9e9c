import { type FieldError, fieldError } from '@vi/domain';
import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { GenderEnum, IncidentTypeEnum, PersonRoleEnum } from '../enums.ts';
import { throwValidation } from '../errors.ts';
import { AgeGroupEnum, EVALUATOR_SCOPE } from './aggregate-types.ts';
import { evaluationSource } from './evaluation-database.ts';
import type { AggregateSource, EvaluationFilter } from './queries/evaluation-filter.ts';
import { validateEvaluationFilter } from './queries/evaluation-filter.ts';

/**
 * The evaluators' entry point (issue 5): `evaluation(filter)` checks the filter against the
 * organisations the evaluator is granted (EVALUATOR memberships) and returns an Evaluation,
 * whose fields are the figures (added by the other files of this folder). Everything below
 * it is an aggregate: counts after disclosure control, rates, means and tests.
 */
export type EvaluationScope = {
  filter: EvaluationFilter;
  organizations: Array<{ id: string; name: string }>;
  source: AggregateSource;
};

export const EvaluationRef = builder.objectRef<EvaluationScope>('Evaluation');

const EvaluationOrganizationRef = builder
  .objectRef<{ id: string; name: string }>('EvaluationOrganization')
  .implement({
    description: 'An organisation the evaluation covers (organisations are not persons).',
    authScopes: EVALUATOR_SCOPE,
    fields: (t) => ({
      id: t.exposeID('id', { nullable: false }),
      name: t.exposeString('name', { nullable: false }),
    }),
  });

EvaluationRef.implement({
  description:
    'Aggregate figures for the selected organisations and filters. No field here or below can reach a person, a name, a participant code or a free-text answer; every count of people has passed the disclosure rule (hidden below 5, with secondary suppression).',
  authScopes: EVALUATOR_SCOPE,
  fields: (t) => ({
    organizations: t.field({
      type: [EvaluationOrganizationRef],
      nullable: false,
      resolve: (scope) => scope.organizations,
    }),
    from: t.field({ type: 'Date', nullable: true, resolve: (scope) => scope.filter.from ?? null }),
    to: t.field({ type: 'Date', nullable: true, resolve: (scope) => scope.filter.to ?? null }),
  }),
});

export const EvaluationFilterInput = builder.inputType('EvaluationFilterInput', {
  description:
    'Narrows every figure. Omitted organizationIds = every organisation you are granted as evaluator.',
  fields: (t) => ({
    organizationIds: t.idList({ required: false }),
    from: t.field({ type: 'Date', required: false, description: 'First day of the period (inclusive).' }),
    to: t.field({ type: 'Date', required: false, description: 'Last day of the period (inclusive).' }),
    incidentTypes: t.field({ type: [IncidentTypeEnum], required: false }),
    genders: t.field({ type: [GenderEnum], required: false }),
    ageGroups: t.field({ type: [AgeGroupEnum], required: false }),
    roles: t.field({ type: [PersonRoleEnum], required: false }),
  }),
});

/** The organisations this user may evaluate: those where they hold EVALUATOR. */
export function grantedOrganizations(context: GatewayContext): Array<{ id: string; name: string }> {
  return context.memberships
    .filter((membership) => membership.roles.includes('EVALUATOR'))
    .map((membership) => ({ id: membership.organizationId, name: membership.organizationName }));
}

type FilterArgs = {
  organizationIds?: readonly (string | number)[] | null;
  from?: Date | null;
  to?: Date | null;
  incidentTypes?: readonly string[] | null;
  genders?: readonly string[] | null;
  ageGroups?: readonly string[] | null;
  roles?: readonly string[] | null;
};

export function resolveEvaluationFilter(
  args: FilterArgs | null | undefined,
  granted: ReadonlyArray<{ id: string; name: string }>,
): { filter: EvaluationFilter; organizations: Array<{ id: string; name: string }> } {
  const grantedIds = new Set(granted.map((org) => org.id));
  const errors: FieldError[] = [];
  const requested = args?.organizationIds?.map(String) ?? granted.map((org) => org.id);
  requested.forEach((id, index) => {
    if (!grantedIds.has(id)) {
      errors.push({
        field: `organizationIds.${index}`,
        code: 'NOT_GRANTED',
        message: {
          da: 'Du har ikke adgang til at evaluere denne organisation.',
          en: 'You are not granted evaluation of this organisation.',
        },
      });
    }
  });
  if (requested.length === 0) errors.push(fieldError('organizationIds', 'REQUIRED'));
  const filter: EvaluationFilter = {
    organizationIds: [...new Set(requested)],
    ...(args?.from ? { from: args.from } : {}),
    ...(args?.to ? { to: args.to } : {}),
    ...(args?.incidentTypes?.length ? { incidentTypes: [...args.incidentTypes] } : {}),
    ...(args?.genders?.length ? { genders: [...args.genders] } : {}),
    ...(args?.ageGroups?.length ? { ageGroups: [...args.ageGroups] } : {}),
    ...(args?.roles?.length ? { roles: [...args.roles] } : {}),
  };
  if (errors.length === 0) errors.push(...validateEvaluationFilter(filter));
  throwValidation(errors);
  return { filter, organizations: granted.filter((org) => filter.organizationIds.includes(org.id)) };
}

builder.queryField('evaluation', (t) =>
  t.field({
    type: EvaluationRef,
    nullable: false,
    description: 'Aggregate-only evaluation figures (evaluators only).',
    authScopes: EVALUATOR_SCOPE,
    args: { filter: t.arg({ type: EvaluationFilterInput, required: false }) },
    resolve: async (_root, args, context) => {
      const { filter, organizations } = resolveEvaluationFilter(args.filter, grantedOrganizations(context));
      return { filter, organizations, source: await evaluationSource() };
    },
  }),
);

import {
  COUNT_NOISE_TAIL,
  countNoiseProbability,
  DISCLOSURE_METHOD_ID,
  type FieldError,
  fieldError,
  type KeyedUniform,
  MAGNITUDE_NOISE_SCALE,
  MIN_CELL,
  USUAL_COUNT_NOISE,
} from '@vi/domain';
import {
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLIncludeDirective,
  type GraphQLResolveInfo,
  GraphQLSkipDirective,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  isObjectType,
  Kind,
  type SelectionNode,
  type SelectionSetNode,
  valueFromASTUntyped,
} from 'graphql';
import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { GenderEnum, IncidentTypeEnum, PersonRoleEnum } from '../enums.ts';
import { GatewayError, throwValidation } from '../errors.ts';
import { AgeGroupEnum, EVALUATOR_SCOPE, EVALUATOR_TYPE } from './aggregate-types.ts';
import { evaluationUniform } from './disclosure-key.ts';
import { evaluationSource } from './evaluation-database.ts';
import { auditEvaluationRequest, auditRefusedEvaluation, dailyLimit } from './evaluation-limit.ts';
import type { AggregateSource, EvaluationFilter } from './queries/evaluation-filter.ts';
import { validateEvaluationFilter } from './queries/evaluation-filter.ts';
import { selectedOrganizationIds } from './queries/organization-rows.ts';

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
  /** The keyed noise source of disclosure control (packages/domain disclosure.ts). */
  uniform: KeyedUniform;
  /** usedToday: null when the request does not select `disclosure` and repeats a combination. */
  limit: { dailyLimit: number; usedToday: number | null };
  /** The figures already started for this scope, by name and arguments (see evaluationFigure). */
  started: Map<string, Promise<unknown>>;
};

/** Computes one figure for a scope: its SQL, disclosure control and statistics. */
type FigureStart<Args, Result> = (scope: EvaluationScope, args: Args) => Promise<Result>;

const figureStarts = new Map<string, FigureStart<Record<string, unknown>, unknown>>();

const figureKey = (name: string, args: Record<string, unknown>) =>
  `${name}(${JSON.stringify(
    Object.keys(args)
      .sort()
      .map((key) => [key, args[key]]),
  )})`;

const ignore = () => {};

function startFigure<Args extends Record<string, unknown>, Result>(
  scope: EvaluationScope,
  name: string,
  args: Args,
  start: FigureStart<Args, Result>,
): Promise<Result> {
  const key = figureKey(name, args);
  let running = scope.started.get(key) as Promise<Result> | undefined;
  if (!running) {
    try {
      running = start(scope, args);
    } catch (error) {
      running = Promise.reject(error);
    }
    // A figure started for a request that is then refused is never awaited: no unhandled rejection.
    running.catch(ignore);
    scope.started.set(key, running);
  }
  return running;
}

/**
 * A figure field of Evaluation (the *-figures.ts files): registers how to compute it, so the
 * `evaluation` resolver can start the figures a request selects while the daily limit is
 * checked, and returns the field's resolver, which takes the started figure (or starts it).
 */
export function evaluationFigure<Args extends Record<string, unknown>, Result>(
  name: string,
  start: FigureStart<Args, Result>,
): (scope: EvaluationScope, args: Args) => Promise<Result> {
  figureStarts.set(name, start as FigureStart<Record<string, unknown>, unknown>);
  return (scope, args) => startFigure(scope, name, args, start);
}

export const EvaluationRef = builder.objectRef<EvaluationScope>('Evaluation');

const EvaluationOrganizationRef = builder
  .objectRef<{ id: string; name: string }>('EvaluationOrganization')
  .implement({
    description: 'An organisation the evaluation covers (organisations are not persons).',
    ...EVALUATOR_TYPE,
    fields: (t) => ({
      id: t.exposeID('id', { nullable: false }),
      name: t.exposeString('name', { nullable: false }),
    }),
  });

const CountNoiseRef = builder
  .objectRef<{ noise: number; probability: number }>('CountNoiseProbability')
  .implement({
    description: 'One row of the published perturbation table: a noise and its probability.',
    ...EVALUATOR_TYPE,
    fields: (t) => ({
      noise: t.exposeInt('noise', { nullable: false }),
      probability: t.exposeFloat('probability', { nullable: false }),
    }),
  });

const EvaluationDisclosureRef = builder
  .objectRef<EvaluationScope['limit']>('EvaluationDisclosure')
  .implement({
    description:
      "The disclosure method's public parameters (packages/domain disclosure.ts) and this evaluator's use of today's limit.",
    ...EVALUATOR_TYPE,
    fields: (t) => ({
      methodId: t.string({ nullable: false, resolve: () => DISCLOSURE_METHOD_ID }),
      minCell: t.int({ nullable: false, resolve: () => MIN_CELL }),
      usualCountNoise: t.int({
        nullable: false,
        description:
          'The count noise stays within ±usualCountNoise in 1 − 2 × tailProbability of cells (98 %).',
        resolve: () => USUAL_COUNT_NOISE,
      }),
      tailProbability: t.float({
        nullable: false,
        description: 'Probability of noise beyond +usualCountNoise (and, as much, beyond −usualCountNoise).',
        resolve: () => COUNT_NOISE_TAIL.probability,
      }),
      magnitudeNoiseScale: t.float({ nullable: false, resolve: () => MAGNITUDE_NOISE_SCALE }),
      countNoise: t.field({
        type: [CountNoiseRef],
        nullable: false,
        description:
          'The noise distribution from −6 to +6; further out each step is half as likely as the one before, without end.',
        resolve: () =>
          Array.from({ length: 13 }, (_, i) => i - 6).map((noise) => ({
            noise,
            probability: countNoiseProbability(noise),
          })),
      }),
      dailyLimit: t.exposeInt('dailyLimit', {
        nullable: false,
        description: 'Distinct filter combinations one evaluator can ask per Danish calendar day.',
      }),
      usedToday: t.int({
        nullable: false,
        resolve: (limit) => {
          // Counted whenever `disclosure` is selected (the evaluation resolver asks for it then).
          if (limit.usedToday === null) throw new Error('usedToday was not counted for this request.');
          return limit.usedToday;
        },
      }),
    }),
  });

EvaluationRef.implement({
  description:
    'Aggregate figures for the selected organisations and filters. No field here or below can reach a person, a name, a participant code or a free-text answer; every count of people is perturbed (cell-key method) and shown as "under 5" where the perturbed count is 1-4, and every rate, mean and test is computed from perturbed values.',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    organizations: t.field({
      type: [EvaluationOrganizationRef],
      nullable: false,
      resolve: (scope) => scope.organizations,
    }),
    from: t.field({ type: 'Date', nullable: true, resolve: (scope) => scope.filter.from ?? null }),
    to: t.field({ type: 'Date', nullable: true, resolve: (scope) => scope.filter.to ?? null }),
    disclosure: t.field({
      type: EvaluationDisclosureRef,
      nullable: false,
      resolve: (scope) => scope.limit,
    }),
  }),
});

export const EvaluationFilterInput = builder.inputType('EvaluationFilterInput', {
  description:
    'Narrows every figure, on a fixed grid so that two answers cannot be subtracted to isolate a small group: one organisation or all you are granted (omitted = all); a period of everything (from and to omitted), one month, one calendar quarter or one calendar year; one category or all per dimension (omitted or empty = all).',
  fields: (t) => ({
    organizationIds: t.idList({ required: false, description: 'Omitted, one id, or every granted id.' }),
    from: t.field({
      type: 'Date',
      required: false,
      description:
        'First day of the period (inclusive): the 1st of a month, quarter or year; set together with `to`.',
    }),
    to: t.field({
      type: 'Date',
      required: false,
      description: 'Last day of the period (inclusive): the last day of the same month, quarter or year.',
    }),
    incidentTypes: t.field({ type: [IncidentTypeEnum], required: false, description: 'At most one code.' }),
    genders: t.field({
      type: [GenderEnum],
      required: false,
      description:
        'At most one code; OTHER selects "other or not recorded" together, as the figures show it.',
    }),
    ageGroups: t.field({ type: [AgeGroupEnum], required: false, description: 'At most one code.' }),
    roles: t.field({ type: [PersonRoleEnum], required: false, description: 'At most one code.' }),
  }),
});

/** The organisations a user may evaluate, and their ids in the canonical order of a filter. */
export type EvaluationGrant = {
  /** Those where the user holds EVALUATOR, in the order of the memberships (by name). */
  organizations: ReadonlyArray<{ id: string; name: string }>;
  ids: ReadonlySet<string>;
  /** Every granted id, lower-case and sorted (what selectedOrganizationIds would make of them). */
  allIds: readonly string[];
};

/**
 * Worked out once per view of a user's memberships: the session cache hands every request of a
 * session the same array until the session changes (a role, an organisation, a new login), and a
 * new array gets its own grant. An evaluator of every organisation asks about 148 of them; sorting
 * and matching them on every request was a measurable part of a small figure's time.
 */
const grants = new WeakMap<GatewayContext['memberships'], EvaluationGrant>();

export function evaluationGrant(context: GatewayContext): EvaluationGrant {
  let grant = grants.get(context.memberships);
  if (!grant) {
    const organizations = context.memberships
      .filter((membership) => membership.roles.includes('EVALUATOR'))
      .map((membership) => ({ id: membership.organizationId, name: membership.organizationName }));
    grant = {
      organizations,
      ids: new Set(organizations.map((org) => org.id)),
      allIds: selectedOrganizationIds(organizations.map((org) => org.id)),
    };
    grants.set(context.memberships, grant);
  }
  return grant;
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
  grant: EvaluationGrant,
): { filter: EvaluationFilter; organizations: Array<{ id: string; name: string }> } {
  const errors: FieldError[] = [];
  const requested = args?.organizationIds?.map(String) ?? grant.allIds;
  requested.forEach((id, index) => {
    if (!grant.ids.has(id)) {
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
  const distinct = requested === grant.allIds ? grant.allIds : [...new Set(requested)];
  // One organisation or all granted: "all but one" minus "all" would isolate one.
  if (distinct.length > 1 && distinct.length !== grant.ids.size && errors.length === 0)
    errors.push(fieldError('organizationIds', 'ONE_OR_ALL'));
  const all = distinct.length === grant.ids.size && errors.length === 0;
  const filter: EvaluationFilter = {
    // All granted: the canonical list, the same for every request of this grant.
    organizationIds: all ? [...grant.allIds] : [...distinct],
    ...(args?.from ? { from: args.from } : {}),
    ...(args?.to ? { to: args.to } : {}),
    ...(args?.incidentTypes?.length ? { incidentTypes: [...args.incidentTypes] } : {}),
    ...(args?.genders?.length ? { genders: [...args.genders] } : {}),
    ...(args?.ageGroups?.length ? { ageGroups: [...args.ageGroups] } : {}),
    ...(args?.roles?.length ? { roles: [...args.roles] } : {}),
  };
  if (errors.length === 0) errors.push(...validateEvaluationFilter(filter));
  throwValidation(errors);
  if (all) return { filter, organizations: [...grant.organizations] };
  const chosen = new Set(filter.organizationIds);
  return { filter, organizations: grant.organizations.filter((org) => chosen.has(org.id)) };
}

builder.queryField('evaluation', (t) =>
  t.field({
    type: EvaluationRef,
    nullable: false,
    description: 'Aggregate-only evaluation figures (evaluators only).',
    authScopes: EVALUATOR_SCOPE,
    args: { filter: t.arg({ type: EvaluationFilterInput, required: false }) },
    resolve: async (_root, args, context, info) => {
      const actor = { userId: context.user?.id ?? null, organizationId: null, requestId: context.requestId };
      const figures = selectedFields(info.fieldNodes[0]?.selectionSet, info.fragments, info.variableValues);
      let resolved: ReturnType<typeof resolveEvaluationFilter>;
      try {
        resolved = resolveEvaluationFilter(args.filter, evaluationGrant(context));
      } catch (error) {
        // A refused filter is audited too: probing what may be asked leaves a trace.
        if (error instanceof GatewayError)
          await auditRefusedEvaluation({ actor, args: args.filter, figures, error });
        throw error;
      }
      const { filter, organizations } = resolved;
      const limit = dailyLimit();
      const [source, uniform] = await Promise.all([evaluationSource(), evaluationUniform()]);
      const scope: EvaluationScope = {
        filter,
        organizations,
        source,
        uniform,
        limit: { dailyLimit: limit, usedToday: 0 },
        started: new Map(),
      };
      // The figures' SQL is sent first, then the limit check and the audit row (one statement),
      // which runs while the figures' SQL runs: the figures, which the answer waits for and which
      // need work here when they return, leave without waiting for the check's preparation. They
      // are published only through the scope returned below, after the check allowed the request:
      // a refused request answers with EVALUATION_LIMIT alone, as soon as the check says so, and
      // what its figures computed is dropped unread. Running them is no new power: a combination
      // already asked today can be asked again, uncounted, as often.
      startSelectedFigures(scope, info);
      // The day's use is counted for a repeated combination only when the answer shows it.
      const countUsed = figures.includes('disclosure');
      const { usedToday } = await auditEvaluationRequest({ actor, filter, figures, limit, countUsed });
      scope.limit.usedToday = usedToday;
      return scope;
    },
  }),
);

/** Starts every registered figure selected directly under `evaluation` (fragments included). */
function startSelectedFigures(scope: EvaluationScope, info: GraphQLResolveInfo): void {
  const type = getNamedType(info.returnType);
  if (!isObjectType(type)) return;
  const fields = type.getFields();
  const walk = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (!included(selection, info.variableValues)) continue;
      if (selection.kind === Kind.FIELD) {
        const start = figureStarts.get(selection.name.value);
        const definition = fields[selection.name.value];
        if (!start || !definition) continue;
        // Validation has checked the arguments; should coercion still fail, the field's own
        // resolver reports it.
        let args: Record<string, unknown>;
        try {
          args = getArgumentValues(definition, selection, info.variableValues);
        } catch {
          continue;
        }
        startFigure(scope, selection.name.value, args, start);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else walk(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet);
}

/** @skip and @include as the executor applies them: a skipped figure is not started. */
function included(node: SelectionNode, variables: Record<string, unknown>): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

/** The figures a request asks for: field names directly under `evaluation`, fragments included. */
function selectedFields(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): string[] {
  const names = new Set<string>();
  const walk = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) names.add(fieldWithArguments(selection as FieldNode, variables));
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else walk(fragments[selection.name.value]?.selectionSet);
    }
  };
  walk(selectionSet);
  return [...names].filter((name) => name !== '__typename').sort();
}

/** `outreachAcceptance(dimension: GENDER)`: a figure with the arguments it was asked with. */
function fieldWithArguments(field: FieldNode, variables: Record<string, unknown>): string {
  const args = (field.arguments ?? []).map(
    (arg) => `${arg.name.value}: ${JSON.stringify(valueFromASTUntyped(arg.value, variables))}`,
  );
  return args.length === 0 ? field.name.value : `${field.name.value}(${args.join(', ')})`;
}

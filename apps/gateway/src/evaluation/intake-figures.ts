import { builder } from '../builder.ts';
import {
  CountTableRef,
  EVALUATOR_TYPE,
  ignoredFiltersField,
  RateRef,
  SuppressedCountRef,
} from './aggregate-types.ts';
import { EvaluationRef, evaluationFigure } from './evaluation.ts';
import { type IntakeCountsByYear, intakeCountsByYear } from './queries/intake-counts-by-year.ts';
import { intakeHeardFrom, type MultiChoiceCounts } from './queries/intake-heard-from.ts';
import { intakeReferrals } from './queries/intake-referrals.ts';
import { type IntakeViolenceForms, intakeViolenceForms } from './queries/intake-violence-forms.ts';

/** Intake figures of DOMAIN §2.2/§4 (VIVE's group-course evaluation, registration form) on the Evaluation type. */

const OptionCountRef = builder.objectRef<MultiChoiceCounts['options'][number]>('OptionCount').implement({
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    code: t.exposeString('code', { nullable: false, description: 'The answer option (domain code).' }),
    count: t.field({ type: SuppressedCountRef, nullable: false, resolve: (o) => o.count }),
    shareOfRegistrations: t.field({ type: RateRef, nullable: true, resolve: (o) => o.shareOfRegistrations }),
  }),
});

const MultiChoiceCountsRef = builder.objectRef<MultiChoiceCounts>('MultiChoiceCounts').implement({
  description:
    'How many registrations chose each option of a several-answers question. Options do not add up to the registrations.',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    registrations: t.field({ type: SuppressedCountRef, nullable: false, resolve: (m) => m.registrations }),
    options: t.field({ type: [OptionCountRef], nullable: false, resolve: (m) => m.options }),
    ignoredFilters: t.field(ignoredFiltersField),
  }),
});

const ViolenceFormsRef = builder.objectRef<IntakeViolenceForms>('IntakeViolenceForms').implement({
  description: 'Violence forms (rows) × their status at intake (columns), from the registration form.',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    table: t.field({ type: CountTableRef, nullable: false, resolve: (v) => v.table }),
    ignoredFilters: t.field(ignoredFiltersField),
  }),
});

const FormKindEnum = builder.enumType('EvaluationFormKind', {
  values: ['REGISTRATION', 'BASELINE', 'END'] as const,
});

const FormTableRef = builder.objectRef<IntakeCountsByYear['tables'][number]>('FormCountsByYear').implement({
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    kind: t.field({ type: FormKindEnum, nullable: false, resolve: (f) => f.kind }),
    table: t.field({ type: CountTableRef, nullable: false, resolve: (f) => f.table }),
  }),
});

const CountsByYearRef = builder.objectRef<IntakeCountsByYear>('IntakeCountsByYear').implement({
  description:
    "Registration, baseline and end forms per organisation (rows, by id) and year (columns), like VIVE's group-course evaluation's Table 5.1.",
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    years: t.intList({ nullable: false, resolve: (c) => c.years }),
    tables: t.field({ type: [FormTableRef], nullable: false, resolve: (c) => c.tables }),
    ignoredFilters: t.field(ignoredFiltersField),
  }),
});

builder.objectFields(EvaluationRef, (t) => ({
  intakeHeardFrom: t.field({
    type: MultiChoiceCountsRef,
    nullable: false,
    description: 'Where people heard of the offer (registration Q4).',
    resolve: evaluationFigure('intakeHeardFrom', (scope) =>
      intakeHeardFrom(scope.source, scope.filter, scope.uniform),
    ),
  }),
  intakeReferrals: t.field({
    type: MultiChoiceCountsRef,
    nullable: false,
    description: 'Where the intake referred people (registration Q8).',
    resolve: evaluationFigure('intakeReferrals', (scope) =>
      intakeReferrals(scope.source, scope.filter, scope.uniform),
    ),
  }),
  intakeViolenceForms: t.field({
    type: ViolenceFormsRef,
    nullable: false,
    resolve: evaluationFigure('intakeViolenceForms', (scope) =>
      intakeViolenceForms(scope.source, scope.filter, scope.uniform),
    ),
  }),
  intakeCountsByYear: t.field({
    type: CountsByYearRef,
    nullable: false,
    resolve: evaluationFigure('intakeCountsByYear', (scope) =>
      intakeCountsByYear(scope.source, scope.filter, scope.uniform),
    ),
  }),
}));

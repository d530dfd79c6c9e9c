import { OUTREACH_SURVEY_REFERENCE, SURVEY_NOT_OFFERED_REASONS } from '@vi/domain';
import { builder } from '../builder.ts';
import { ParticipantLanguageEnum } from '../enums.ts';
import { EVALUATOR_TYPE, ignoredFiltersField, RateRef, SuppressedCountRef } from './aggregate-types.ts';
import { EvaluationRef, evaluationFigure } from './evaluation.ts';
import {
  countedItems,
  type OutreachUserSurvey,
  outreachUserSurvey,
  type SurveyItemDistribution,
  type SurveyOptionCount,
} from './queries/outreach-user-survey.ts';

/**
 * The outreach user survey on the Evaluation type (issue 14): response rate with its n, each
 * item's distribution and the reasons for not offering it, next to the evaluation of Projekt
 * Opsøgende Indsats (1,090 links, 487 answers, 367 not able to take it, 17 interviews).
 */

// The figure's codes as GraphQL enums built from the domain's survey definition (OUTREACH_SURVEY),
// so the schema says exactly which codes can come back and no field is a free string.
const SurveyItemEnum = builder.enumType('OutreachSurveyItem', {
  description: 'A coded item of the outreach user survey (its id in OUTREACH_SURVEY).',
  values: countedItems().map((item) => item.id),
});
const SurveyAnswerCodeEnum = builder.enumType('OutreachSurveyAnswerCode', {
  description: 'An answer code of the outreach user survey’s coded items (OUTREACH_SURVEY).',
  values: [...new Set(countedItems().flatMap((item) => item.options.map((option) => option.code)))],
});
const SurveyItemKindEnum = builder.enumType('OutreachSurveyItemKind', {
  description: 'single: one answer; multi: any number of answers.',
  values: ['single', 'multi'] as const,
});
const SurveyItemSourceEnum = builder.enumType('OutreachSurveyItemSource', {
  description: 'report: one of the report’s statements; ours: added here with the same intent.',
  values: ['report', 'ours'] as const,
});
const SurveyNotOfferedReasonEnum = builder.enumType('OutreachSurveyNotOfferedReason', {
  description: 'The survey statuses that say why a reached person was not offered the survey.',
  values: SURVEY_NOT_OFFERED_REASONS,
});

const OptionCountRef = builder.objectRef<SurveyOptionCount>('OutreachSurveyOptionCount').implement({
  description: 'Respondents who chose this answer code; share = count / the item’s answered.',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    code: t.field({
      type: SurveyAnswerCodeEnum,
      nullable: false,
      description: 'The answer code of OUTREACH_SURVEY (packages/domain).',
      resolve: (o) => o.code,
    }),
    count: t.field({ type: SuppressedCountRef, nullable: false, resolve: (o) => o.count }),
    share: t.field({ type: RateRef, nullable: true, resolve: (o) => o.share }),
  }),
});

const ItemDistributionRef = builder
  .objectRef<SurveyItemDistribution>('OutreachSurveyItemDistribution')
  .implement({
    description:
      'One coded survey item: how many answered it and how the answers fall on its codes (a multi item’s codes may add up to more than answered). Label the item and codes from the domain’s OUTREACH_SURVEY by itemId and code.',
    ...EVALUATOR_TYPE,
    fields: (t) => ({
      itemId: t.field({ type: SurveyItemEnum, nullable: false, resolve: (i) => i.itemId }),
      kind: t.field({ type: SurveyItemKindEnum, nullable: false, resolve: (i) => i.kind }),
      source: t.field({ type: SurveyItemSourceEnum, nullable: false, resolve: (i) => i.source }),
      answered: t.field({ type: SuppressedCountRef, nullable: false, resolve: (i) => i.answered }),
      options: t.field({
        type: [OptionCountRef],
        nullable: false,
        description:
          'Empty where answered is not published as 5 or more: the zeros of a smaller group would show what its respondents answered.',
        resolve: (i) => i.options,
      }),
      positive: t.field({
        type: RateRef,
        nullable: true,
        description:
          'Answered yes / agree / positive, out of answered: comparable with reportPositivePercent.',
        resolve: (i) => i.positive,
      }),
      reportPositivePercent: t.exposeInt('reportPositivePercent', {
        nullable: true,
        description: 'The report’s share of "ja, enig eller positiv" answers (Kantar Gallup, n = 487).',
      }),
    }),
  });

const NotOfferedRef = builder
  .objectRef<OutreachUserSurvey['notOffered'][number]>('OutreachSurveyNotOffered')
  .implement({
    ...EVALUATOR_TYPE,
    fields: (t) => ({
      status: t.field({ type: SurveyNotOfferedReasonEnum, nullable: false, resolve: (s) => s.status }),
      count: t.field({ type: SuppressedCountRef, nullable: false, resolve: (s) => s.count }),
    }),
  });

const LanguageCountRef = builder
  .objectRef<OutreachUserSurvey['byLanguage'][number]>('OutreachSurveyLanguageCount')
  .implement({
    ...EVALUATOR_TYPE,
    fields: (t) => ({
      language: t.field({
        type: ParticipantLanguageEnum,
        nullable: false,
        description: 'The language the form was read in.',
        resolve: (s) => s.language,
      }),
      count: t.field({ type: SuppressedCountRef, nullable: false, resolve: (s) => s.count }),
    }),
  });

type Reference = typeof OUTREACH_SURVEY_REFERENCE;

const ReferenceRef = builder.objectRef<Reference>('OutreachSurveyReference').implement({
  description:
    'The evaluation of Projekt Opsøgende Indsats (Copenhagen 2018-2020) and its Kantar Gallup user survey, for comparison: exact published counts, not this installation’s.',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    sourceDa: t.string({ nullable: false, resolve: (r) => r.source.da }),
    sourceEn: t.string({ nullable: false, resolve: (r) => r.source.en }),
    sent: t.exposeInt('sent', { nullable: false }),
    answered: t.exposeInt('answered', { nullable: false }),
    notAbleToTakeIt: t.exposeInt('notAbleToTakeIt', {
      nullable: false,
      description:
        'Not offered for lack of technical means or for language barriers (compare NOT_APPROPRIATE_LANGUAGE + NOT_APPROPRIATE_TECHNICAL).',
    }),
    followUpInterviews: t.exposeInt('followUpInterviews', { nullable: false }),
  }),
});

const OutreachUserSurveyRef = builder.objectRef<OutreachUserSurvey>('OutreachUserSurvey').implement({
  description:
    'The outreach user survey. sent / opened / answered count people by their survey link (period: the day it was sent; every filter applies). The answers cannot be traced to a case: items, byLanguage and responses count responses by organisation and the month they came in only, and followUps the interviews agreed to by day; ignoredFilters names the filters those parts could not apply. Every count is perturbed on its own (cell-key method); rates come from published counts.',
  ...EVALUATOR_TYPE,
  fields: (t) => ({
    sent: t.field({
      type: SuppressedCountRef,
      nullable: false,
      description: 'Links sent (by SMS or read out).',
      resolve: (s) => s.sent,
    }),
    opened: t.field({
      type: SuppressedCountRef,
      nullable: false,
      description: 'Links opened at least once.',
      resolve: (s) => s.opened,
    }),
    answered: t.field({
      type: SuppressedCountRef,
      nullable: false,
      description: 'Links answered.',
      resolve: (s) => s.answered,
    }),
    openedRate: t.field({ type: RateRef, nullable: true, resolve: (s) => s.openedRate }),
    responseRate: t.field({
      type: RateRef,
      nullable: true,
      description: 'Answered / sent (the report: 487 / 1,090, about 45 %).',
      resolve: (s) => s.responseRate,
    }),
    responses: t.field({
      type: SuppressedCountRef,
      nullable: false,
      description: 'Responses received in the period (by month): the n of the item figures.',
      resolve: (s) => s.responses,
    }),
    byLanguage: t.field({
      type: [LanguageCountRef],
      nullable: false,
      description: 'Every offered language; empty where responses is not published as 5 or more.',
      resolve: (s) => s.byLanguage,
    }),
    items: t.field({ type: [ItemDistributionRef], nullable: false, resolve: (s) => s.items }),
    notOffered: t.field({
      type: [NotOfferedRef],
      nullable: false,
      description:
        'Reached people not offered the survey, by reason (the same cells as surveyOffers.byStatus).',
      resolve: (s) => s.notOffered,
    }),
    followUps: t.field({
      type: SuppressedCountRef,
      nullable: false,
      description: 'Follow-up interviews agreed to in the survey.',
      resolve: (s) => s.followUps,
    }),
    reference: t.field({ type: ReferenceRef, nullable: false, resolve: () => OUTREACH_SURVEY_REFERENCE }),
    ignoredFilters: t.field(ignoredFiltersField),
  }),
});

builder.objectFields(EvaluationRef, (t) => ({
  outreachUserSurvey: t.field({
    type: OutreachUserSurveyRef,
    nullable: false,
    resolve: evaluationFigure('outreachUserSurvey', (scope) =>
      outreachUserSurvey(scope.source, scope.filter, scope.uniform),
    ),
  }),
}));

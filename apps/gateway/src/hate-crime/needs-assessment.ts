// The needs assessment of an aftercare case: the pre-study's survey categories, each answered
// certainly / maybe / no; the domain decides the offer from it (decideHateCrimeOffer).
import type { HateCrimeNeedAnswer } from '@vi/db';
import {
  decideHateCrimeOffer,
  type HateCrimeNeedsAnswers,
  type HateCrimeOffer,
  validateNeedsAnswers,
} from '@vi/domain';
import { requireUser } from '../authorization.ts';
import { builder } from '../builder.ts';
import { dateColumn, isoDateOf, todayInDenmark } from '../courses/iso-date.ts';
import { prisma } from '../database.ts';
import { throwValidation } from '../errors.ts';
import { auditWrites } from '../outreach/outreach-audit.ts';
import { HateCrimeCaseRef, type HateCrimeCaseShape, loadCase } from './aftercare-case.ts';
import {
  checkDay,
  HateCrimeNeedAnswerEnum,
  HateCrimeTrackEnum,
  PsychologicalSupportFormEnum,
  SENDER_ROLES,
} from './hate-crime-common.ts';

/** The stored answers as the domain's record (one per need code). */
export function answersOf(row: NonNullable<HateCrimeCaseShape['needsAssessment']>): HateCrimeNeedsAnswers {
  return {
    INDIVIDUAL_PSYCHOLOGIST: row.needIndividualPsychologist,
    LEGAL_FINANCIAL: row.needLegalFinancial,
    GROUP: row.needGroup,
  } as HateCrimeNeedsAnswers;
}

/** The offer the assessment decides, or null before the assessment. */
export function offerOf(c: HateCrimeCaseShape): HateCrimeOffer | null {
  return c.needsAssessment ? decideHateCrimeOffer(answersOf(c.needsAssessment)) : null;
}

type NeedsShape = { assessedOn: Date; answers: HateCrimeNeedsAnswers };
type OfferShape = HateCrimeOffer;
type TrackOfferShape = HateCrimeOffer['tracks'][number];

// Reached only through a HateCrimeCase, whose scope has already admitted the caller.
const NeedsRef = builder.objectRef<NeedsShape>('HateCrimeNeeds').implement({
  description: 'The needs assessment: one answer per survey category of the pre-study.',
  authScopes: { role: SENDER_ROLES },
  fields: (t) => ({
    assessedOn: t.field({ type: 'Date', nullable: false, resolve: (n) => n.assessedOn }),
    individualPsychologist: t.field({
      type: HateCrimeNeedAnswerEnum,
      nullable: false,
      resolve: (n) => n.answers.INDIVIDUAL_PSYCHOLOGIST,
    }),
    legalFinancial: t.field({
      type: HateCrimeNeedAnswerEnum,
      nullable: false,
      resolve: (n) => n.answers.LEGAL_FINANCIAL,
    }),
    group: t.field({ type: HateCrimeNeedAnswerEnum, nullable: false, resolve: (n) => n.answers.GROUP }),
  }),
});

const TrackOfferRef = builder.objectRef<TrackOfferShape>('HateCrimeTrackOffer').implement({
  description:
    'A track the assessment offers: how firm the need is, and (psychological) the forms asked for.',
  authScopes: { role: SENDER_ROLES },
  fields: (t) => ({
    track: t.field({ type: HateCrimeTrackEnum, nullable: false, resolve: (o) => o.track }),
    firmness: t.field({ type: HateCrimeNeedAnswerEnum, nullable: false, resolve: (o) => o.firmness }),
    forms: t.field({ type: [PsychologicalSupportFormEnum], nullable: false, resolve: (o) => o.forms }),
  }),
});

const OfferRef = builder.objectRef<OfferShape>('HateCrimeOffer').implement({
  authScopes: { role: SENDER_ROLES },
  fields: (t) => ({
    tracks: t.field({ type: [TrackOfferRef], nullable: false, resolve: (o) => o.tracks }),
    noOffer: t.exposeBoolean('noOffer', { nullable: false }),
  }),
});

builder.objectFields(HateCrimeCaseRef, (t) => ({
  needs: t.field({
    type: NeedsRef,
    nullable: true,
    resolve: (c) =>
      c.needsAssessment
        ? { assessedOn: c.needsAssessment.assessedOn, answers: answersOf(c.needsAssessment) }
        : null,
  }),
  offer: t.field({ type: OfferRef, nullable: true, resolve: (c) => offerOf(c) }),
}));

const NeedsInputRef = builder.inputType('HateCrimeNeedsInput', {
  fields: (t) => ({
    assessedOn: t.field({ type: 'Date', required: true }),
    individualPsychologist: t.field({ type: HateCrimeNeedAnswerEnum, required: true }),
    legalFinancial: t.field({ type: HateCrimeNeedAnswerEnum, required: true }),
    group: t.field({ type: HateCrimeNeedAnswerEnum, required: true }),
  }),
});

builder.mutationField('recordHateCrimeNeeds', (t) =>
  t.field({
    type: HateCrimeCaseRef,
    nullable: false,
    description: 'Records (or corrects) the needs assessment; the offer follows from it.',
    authScopes: { role: SENDER_ROLES },
    args: {
      hateCrimeCaseId: t.arg.id({ required: true }),
      input: t.arg({ type: NeedsInputRef, required: true }),
    },
    resolve: async (_root, { hateCrimeCaseId, input }, context) => {
      const user = requireUser(context);
      const found = await loadCase(context, String(hateCrimeCaseId));
      const assessedOn = isoDateOf(input.assessedOn as Date);
      const checked = validateNeedsAnswers({
        INDIVIDUAL_PSYCHOLOGIST: input.individualPsychologist,
        LEGAL_FINANCIAL: input.legalFinancial,
        GROUP: input.group,
      });
      throwValidation([
        ...checkDay('assessedOn', assessedOn, todayInDenmark(), found.openedOn),
        ...(checked.ok ? [] : checked.errors),
      ]);
      const data = {
        assessedOn: dateColumn(assessedOn),
        assessedById: user.id,
        needIndividualPsychologist: input.individualPsychologist as HateCrimeNeedAnswer,
        needLegalFinancial: input.legalFinancial as HateCrimeNeedAnswer,
        needGroup: input.group as HateCrimeNeedAnswer,
      };
      await prisma().$transaction(async (tx) => {
        const saved = await tx.hateCrimeNeedsAssessment.upsert({
          where: { caseId: found.id },
          create: { organizationId: found.organizationId, caseId: found.id, ...data },
          update: data,
          select: { id: true },
        });
        await auditWrites(tx, context, [
          {
            action: 'UPDATE',
            entity: 'HateCrimeNeedsAssessment',
            entityId: saved.id,
            personId: found.personId,
          },
        ]);
      });
      return loadCase(context, found.id);
    },
  }),
);

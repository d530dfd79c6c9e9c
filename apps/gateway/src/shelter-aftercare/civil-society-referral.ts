import type { CivilSocietyOwnOffer, CivilSocietyReferral } from '@vi/db';
import {
  CIVIL_SOCIETY_REFERRAL_STATUSES,
  civilSocietyTransitionAllowed,
  type CivilSocietyReferral as DomainReferral,
  entryOf,
  type FieldError,
  fieldError,
  MAX_OFFER_NAME_LENGTH,
  shelterFieldError,
  validateCivilSocietyReferral,
} from '@vi/domain';
import { auditRow } from '../audit.ts';
import { organizationRecordScope, requireOrganizationId } from '../authorization.ts';
import { builder } from '../builder.ts';
import { dateColumn, todayInDenmark } from '../courses/iso-date.ts';
import { isUniqueViolation } from '../courses/person-pseudonym.ts';
import { prisma } from '../database.ts';
import { ErrorCode, gatewayError, throwValidation } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { SHELTER_STAFF_ROLES, stayForWrite } from './shelter-access.ts';
import {
  CivilSocietyOfferEnum,
  CivilSocietyOutcomeEnum,
  CivilSocietyReferralStatusEnum,
} from './shelter-enums.ts';

/** A civil-society offer the shelter added to the built-in ones (Qnet, Fra Bolig til Hjem). */
export const CivilSocietyOwnOfferRef = builder.prismaObject('CivilSocietyOwnOffer', {
  authScopes: organizationRecordScope<CivilSocietyOwnOffer>({
    entity: 'CivilSocietyOwnOffer',
    roles: SHELTER_STAFF_ROLES,
  }),
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    name: t.exposeString('name', { nullable: false }),
  }),
});

/** A referral of the woman to civil-society aftercare, with her consent, its status and outcome. */
export const CivilSocietyReferralRef = builder.prismaObject('CivilSocietyReferral', {
  authScopes: organizationRecordScope<CivilSocietyReferral>({
    entity: 'CivilSocietyReferral',
    roles: SHELTER_STAFF_ROLES,
  }),
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    offer: t.expose('offer', { nullable: false, type: CivilSocietyOfferEnum }),
    ownOfferId: t.exposeID('ownOfferId', { nullable: true }),
    ownOfferName: t.string({
      nullable: true,
      select: { ownOffer: { select: { name: true } } },
      resolve: (referral) => referral.ownOffer?.name ?? null,
    }),
    status: t.expose('status', { nullable: false, type: CivilSocietyReferralStatusEnum }),
    nextStatuses: t.field({
      nullable: false,
      type: [CivilSocietyReferralStatusEnum],
      description: 'The statuses the referral may go to next.',
      resolve: (referral) => [...(entryOf(CIVIL_SOCIETY_REFERRAL_STATUSES, referral.status)?.next ?? [])],
    }),
    offeredOn: t.expose('offeredOn', { nullable: false, type: 'Date' }),
    consentGivenOn: t.expose('consentGivenOn', { nullable: true, type: 'Date' }),
    referredOn: t.expose('referredOn', { nullable: true, type: 'Date' }),
    startedOn: t.expose('startedOn', { nullable: true, type: 'Date' }),
    outcome: t.expose('outcome', { nullable: true, type: CivilSocietyOutcomeEnum }),
  }),
});

builder.queryField('civilSocietyOwnOffers', (t) =>
  t.prismaField({
    nullable: false,
    type: ['CivilSocietyOwnOffer'],
    description: "The active shelter's own civil-society offers, by name.",
    authScopes: { role: SHELTER_STAFF_ROLES },
    resolve: (query, _root, _args, context) => {
      const organizationId = requireOrganizationId(context);
      return prisma().civilSocietyOwnOffer.findMany({
        ...query,
        where: { organizationId },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      });
    },
  }),
);

builder.mutationField('addCivilSocietyOwnOffer', (t) =>
  t.prismaField({
    nullable: false,
    type: 'CivilSocietyOwnOffer',
    description: 'Adds an offer of the shelter’s own to the civil-society offers it refers to.',
    authScopes: { role: SHELTER_STAFF_ROLES },
    args: { name: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const organizationId = requireOrganizationId(context);
      const name = args.name.trim();
      if (name === '') throwValidation([{ ...shelterFieldError('name', 'OFFER_NAME_REQUIRED') }]);
      if (name.length > MAX_OFFER_NAME_LENGTH)
        throwValidation([fieldError('name', 'TOO_LONG', { maxLength: MAX_OFFER_NAME_LENGTH })]);
      const actor = { userId: context.user?.id ?? null, organizationId, requestId: context.requestId };
      try {
        return await prisma().$transaction(async (tx) => {
          const offer = await tx.civilSocietyOwnOffer.create({ ...query, data: { organizationId, name } });
          await tx.auditEvent.createMany({
            data: [auditRow(actor, { action: 'CREATE', entity: 'CivilSocietyOwnOffer', entityId: offer.id })],
          });
          return offer;
        });
      } catch (error) {
        if (isUniqueViolation(error))
          throw gatewayError(ErrorCode.VALIDATION, {
            extensions: { fields: [fieldError('name', 'DUPLICATE_OPTION', { option: name })] },
          });
        throw error;
      }
    },
  }),
);

export const SaveCivilSocietyReferralInput = builder.inputType('SaveCivilSocietyReferralInput', {
  fields: (t) => ({
    id: t.id({ description: 'The referral to change; leave out to make a new one.' }),
    stayId: t.id({ required: true }),
    offer: t.field({ type: CivilSocietyOfferEnum, required: true }),
    ownOfferId: t.id({ description: "With OTHER: one of the shelter's own offers." }),
    status: t.field({ type: CivilSocietyReferralStatusEnum, required: true }),
    offeredOn: t.string({ required: true, description: 'YYYY-MM-DD' }),
    consentGivenOn: t.string({
      description: 'YYYY-MM-DD, required from REFERRED on, no later than referredOn.',
    }),
    referredOn: t.string({ description: 'YYYY-MM-DD, required from REFERRED on.' }),
    startedOn: t.string({ description: 'YYYY-MM-DD, with STARTED and ENDED.' }),
    outcome: t.field({ type: CivilSocietyOutcomeEnum, description: 'With NOT_STARTED and ENDED.' }),
  }),
});

const date = (value: string | null | undefined) => (value ? dateColumn(value) : null);

builder.mutationField('saveCivilSocietyReferral', (t) =>
  t.prismaField({
    nullable: false,
    type: 'CivilSocietyReferral',
    description:
      'Offers, refers (with her consent on record) and follows a civil-society referral of the woman on a stay; a status moves only to one of its next statuses.',
    authScopes: { role: SHELTER_STAFF_ROLES },
    args: { input: t.arg({ type: SaveCivilSocietyReferralInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const organizationId = requireOrganizationId(context);
      const stay = await stayForWrite(context, organizationId, input.stayId);
      let existing: { id: string; status: DomainReferral['status'] } | null = null;
      if (input.id !== null && input.id !== undefined) {
        existing = isUuid(input.id)
          ? await prisma().civilSocietyReferral.findFirst({
              where: { id: input.id, organizationId, stayId: stay.id },
              select: { id: true, status: true },
            })
          : null;
        if (!existing) {
          if (isUuid(input.id))
            context.audit({ action: 'DENIED', entity: 'CivilSocietyReferral', entityId: input.id });
          throw gatewayError(ErrorCode.NOT_FOUND);
        }
      }
      const errors: FieldError[] = [];
      let ownOffer: { id: string; name: string } | null = null;
      if (input.ownOfferId !== null && input.ownOfferId !== undefined) {
        if (input.offer !== 'OTHER') errors.push(fieldError('ownOfferId', 'NOT_APPLICABLE'));
        else {
          ownOffer = isUuid(input.ownOfferId)
            ? await prisma().civilSocietyOwnOffer.findFirst({
                where: { id: input.ownOfferId, organizationId },
                select: { id: true, name: true },
              })
            : null;
          if (!ownOffer)
            errors.push(fieldError('ownOfferId', 'UNKNOWN_OPTION', { option: input.ownOfferId }));
        }
      }
      const referral: DomainReferral = {
        offer: input.offer,
        otherOfferName: ownOffer?.name ?? null,
        status: input.status,
        offeredOn: input.offeredOn,
        consentGivenOn: input.consentGivenOn ?? null,
        referredOn: input.referredOn ?? null,
        startedOn: input.startedOn ?? null,
        outcome: input.outcome ?? null,
      };
      for (const e of validateCivilSocietyReferral(referral, todayInDenmark())) {
        // The shelter names its own offer by id; the domain's "name required" is about that choice.
        if (e.field === 'otherOfferName') {
          if (!errors.some((x) => x.field === 'ownOfferId')) errors.push({ ...e, field: 'ownOfferId' });
        } else errors.push(e);
      }
      if (
        existing &&
        existing.status !== input.status &&
        !civilSocietyTransitionAllowed(existing.status, input.status)
      )
        errors.push(shelterFieldError('status', 'STATUS_CHANGE_NOT_ALLOWED'));
      throwValidation(errors);

      const data = {
        offer: input.offer,
        ownOfferId: ownOffer?.id ?? null,
        status: input.status,
        offeredOn: dateColumn(input.offeredOn),
        consentGivenOn: date(input.consentGivenOn),
        referredOn: date(input.referredOn),
        startedOn: date(input.startedOn),
        outcome: input.outcome ?? null,
      };
      const actor = { userId: context.user?.id ?? null, organizationId, requestId: context.requestId };
      return prisma().$transaction(async (tx) => {
        const saved = existing
          ? await tx.civilSocietyReferral.update({ ...query, where: { id: existing.id }, data })
          : await tx.civilSocietyReferral.create({
              ...query,
              data: { organizationId, stayId: stay.id, ...data },
            });
        await tx.auditEvent.createMany({
          data: [
            auditRow(actor, {
              action: existing ? 'UPDATE' : 'CREATE',
              entity: 'CivilSocietyReferral',
              entityId: saved.id,
              personId: stay.personId,
              detail: {
                offer: input.offer,
                status: input.status,
                consent: input.consentGivenOn != null,
              },
            }),
          ],
        });
        return saved;
      });
    },
  }),
);

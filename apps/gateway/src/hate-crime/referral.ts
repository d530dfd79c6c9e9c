// A referral of an aftercare case to one track at another organisation, after the person's
// explicit consent. Two views of the same row, built from different selects so the sender's
// process never even loads the handed-over fields:
// - the sender (outreach worker / counsellor of the case's organisation) sees the status only
//   (domain senderViewOfReferral: track, status, dates, and which organisation);
// - the receiving organisation's adviser or psychologist sees the handed-over fields of the
//   track it works (domain HATE_CRIME_REFERRAL_FIELDS), and works it.
import type { HateCrimeMotive, HateCrimeReferralStatus, HateCrimeTrack, Prisma } from '@vi/db';
import {
  AGE_GROUPS,
  changeReferralStatus,
  type FieldError,
  fieldError,
  HATE_CRIME_REFERRAL_STATUSES,
  HATE_CRIME_ROLES,
  type HateCrimeOffer,
  handOverEraseAfter,
  normaliseDanishPhone,
  validateHateCrimeReferral,
} from '@vi/domain';
import { requireOrganizationId, requireUser } from '../authorization.ts';
import { builder, holdsRole } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { dateColumn, isoDateOf, todayInDenmark } from '../courses/iso-date.ts';
import { prisma } from '../database.ts';
import { ErrorCode, gatewayError, throwValidation } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { auditWrites } from '../outreach/outreach-audit.ts';
import { openText, sealText } from '../persons/field-crypto.ts';
import { HateCrimeCaseRef, loadCase } from './aftercare-case.ts';
import {
  ADVISER_ROLES,
  checkDay,
  HateCrimeMotiveEnum,
  HateCrimeNeedAnswerEnum,
  HateCrimeReferralStatusEnum,
  HateCrimeTrackEnum,
  LegalTaskKindEnum,
  PSYCHOLOGIST_ROLES,
  PsychologicalSupportFormEnum,
  RECEIVER_ROLES,
  SENDER_ROLES,
  shortText,
  tracksOf,
} from './hate-crime-common.ts';
import { offerOf } from './needs-assessment.ts';

// ── The sender's view: status only ──────────────────────────────────────

const STATUS_SELECT = {
  id: true,
  senderOrganizationId: true,
  track: true,
  status: true,
  sentOn: true,
  statusChangedOn: true,
  organization: { select: { name: true } },
} as const;

export type ReferralStatusShape = Prisma.HateCrimeReferralGetPayload<{ select: typeof STATUS_SELECT }>;

export const HateCrimeReferralStatusViewRef = builder
  .objectRef<ReferralStatusShape>('HateCrimeReferralStatusView')
  .implement({
    description:
      'All the sending organisation sees of a referral: the track, where it stands and who received it. Never its content.',
    authScopes: (row, context) => {
      const allowed = row.senderOrganizationId === context.organizationId && holdsRole(context, SENDER_ROLES);
      context.audit({
        action: allowed ? 'READ' : 'DENIED',
        entity: 'HateCrimeReferral',
        entityId: row.id,
        ...(allowed ? { detail: { view: 'status' } } : {}),
      });
      return allowed;
    },
    fields: (t) => ({
      id: t.exposeID('id', { nullable: false }),
      track: t.field({ type: HateCrimeTrackEnum, nullable: false, resolve: (r) => r.track }),
      status: t.field({ type: HateCrimeReferralStatusEnum, nullable: false, resolve: (r) => r.status }),
      sentOn: t.field({ type: 'Date', nullable: false, resolve: (r) => r.sentOn }),
      statusChangedOn: t.field({ type: 'Date', nullable: false, resolve: (r) => r.statusChangedOn }),
      receiverName: t.string({ nullable: false, resolve: (r) => r.organization.name }),
    }),
  });

builder.objectFields(HateCrimeCaseRef, (t) => ({
  referrals: t.field({
    type: [HateCrimeReferralStatusViewRef],
    nullable: false,
    resolve: (c) =>
      prisma().hateCrimeReferral.findMany({
        where: { caseId: c.id, senderOrganizationId: c.organizationId },
        orderBy: [{ sentOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
        select: STATUS_SELECT,
      }),
  }),
}));

// ── Who may receive ─────────────────────────────────────────────────────

type ReceiverShape = { id: string; name: string };

const ReceiverRef = builder.objectRef<ReceiverShape>('HateCrimeReceiver').implement({
  description: 'An organisation that runs a track (it has staff in the track’s role).',
  authScopes: { role: SENDER_ROLES },
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    name: t.exposeString('name', { nullable: false }),
  }),
});

function trackRole(track: HateCrimeTrack) {
  const role = HATE_CRIME_ROLES.find((r) => r.track === track);
  if (!role) throw new Error(`no role for track ${track}`);
  return role.code;
}

async function receiversOf(track: HateCrimeTrack, senderOrganizationId: string): Promise<ReceiverShape[]> {
  return prisma().organization.findMany({
    where: {
      id: { not: senderOrganizationId },
      memberships: { some: { role: trackRole(track), user: { disabledAt: null } } },
    },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true },
  });
}

builder.queryField('hateCrimeReceivers', (t) =>
  t.field({
    type: [ReceiverRef],
    nullable: false,
    description: 'Organisations that can receive a referral to the track (never the caller’s own).',
    authScopes: { role: SENDER_ROLES },
    args: { track: t.arg({ type: HateCrimeTrackEnum, required: true }) },
    resolve: (_root, { track }, context) => receiversOf(track, requireOrganizationId(context)),
  }),
);

// ── Sending a referral ──────────────────────────────────────────────────

const ReferInputRef = builder.inputType('HateCrimeReferralInput', {
  description:
    'A referral to one track. Only the fields the track may receive are accepted (data minimisation); the others are refused by name.',
  fields: (t) => ({
    track: t.field({ type: HateCrimeTrackEnum, required: true }),
    receiverOrganizationId: t.id({ required: true }),
    consentGiven: t.boolean({
      required: true,
      description: 'The person has explicitly consented to this referral, now.',
    }),
    alias: t.string({ description: 'Defaults to the alias the case holds.' }),
    phone: t.string({ description: 'Defaults to the phone number the case holds.' }),
    contactTimes: t.string(),
    preferredLanguage: t.string(),
    interpreterNeeded: t.boolean(),
    incidentDate: t.field({ type: 'Date', description: 'Legal and financial track only.' }),
    policeReportFiled: t.boolean({ description: 'Legal and financial track only.' }),
    policeJournalNumber: t.string({ description: 'Legal and financial track only.' }),
    legalTaskKinds: t.field({ type: [LegalTaskKindEnum], description: 'Legal and financial track only.' }),
    psychologicalForms: t.field({
      type: [PsychologicalSupportFormEnum],
      description: 'Psychological track only.',
    }),
    ageGroup: t.string({ description: 'AGE_GROUPS code; psychological track only.' }),
    hateMotive: t.field({
      type: HateCrimeMotiveEnum,
      description:
        'Only where the track needs it: psychological support, or legal help with the report and criminal case.',
    }),
  }),
});

const TEXT_LIMITS = { alias: 60, contactTimes: 200, preferredLanguage: 40, policeJournalNumber: 40 };

const ALREADY_REFERRED = {
  da: 'Sagen har allerede en åben henvisning til dette spor.',
  en: 'The case already has an open referral to this track.',
};

function isClosed(status: HateCrimeReferralStatus): boolean {
  return HATE_CRIME_REFERRAL_STATUSES.some((s) => s.code === status && s.closed);
}

builder.mutationField('referHateCrimeCase', (t) =>
  t.field({
    type: HateCrimeReferralStatusViewRef,
    nullable: false,
    description:
      'Refers the case to a track at another organisation, with the person’s explicit consent. Answers with the status view: the sender sees no more of it from here on.',
    authScopes: { role: SENDER_ROLES },
    args: {
      hateCrimeCaseId: t.arg.id({ required: true }),
      input: t.arg({ type: ReferInputRef, required: true }),
    },
    resolve: async (_root, { hateCrimeCaseId, input }, context) => {
      const user = requireUser(context);
      const found = await loadCase(context, String(hateCrimeCaseId));
      const today = todayInDenmark();
      const errors: FieldError[] = [];
      const receiverOrganizationId = String(input.receiverOrganizationId);
      const receivers = await receiversOf(input.track, found.organizationId);
      const receiverKnown =
        receiverOrganizationId === found.organizationId ||
        receivers.some((r) => r.id === receiverOrganizationId);
      if (!receiverKnown) {
        errors.push(
          fieldError('receiverOrganizationId', 'UNKNOWN_OPTION', { option: receiverOrganizationId }),
        );
      }

      // What the sender holds, then what the worker typed: only given values go into the payload.
      const contact = await prisma().personContact.findUnique({
        where: { personId: found.personId },
        select: { alias: true, phone: true },
      });
      const alias =
        shortText('alias', input.alias, TEXT_LIMITS.alias, errors) ?? (await openText(contact?.alias));
      let phone: string | null = null;
      if (input.phone?.trim()) {
        phone = normaliseDanishPhone(input.phone);
        if (phone === null) errors.push(fieldError('phone', 'INVALID_PHONE'));
      } else {
        phone = await openText(contact?.phone);
      }
      const contactTimes = shortText('contactTimes', input.contactTimes, TEXT_LIMITS.contactTimes, errors);
      const preferredLanguage = shortText(
        'preferredLanguage',
        input.preferredLanguage,
        TEXT_LIMITS.preferredLanguage,
        errors,
      );
      const policeJournalNumber = shortText(
        'policeJournalNumber',
        input.policeJournalNumber,
        TEXT_LIMITS.policeJournalNumber,
        errors,
      );
      const incidentDate = input.incidentDate ? isoDateOf(input.incidentDate as Date) : null;
      if (incidentDate) errors.push(...checkDay('incidentDate', incidentDate, today));
      if (input.ageGroup && !AGE_GROUPS.some((g) => g.code === input.ageGroup)) {
        errors.push(fieldError('ageGroup', 'UNKNOWN_OPTION', { option: String(input.ageGroup) }));
      }
      const offer: HateCrimeOffer = offerOf(found) ?? { tracks: [], noOffer: true };
      const trackOffer = offer.tracks.find((o) => o.track === input.track);
      const payload: Record<string, unknown> = {
        alias,
        phone,
        contactTimes,
        preferredLanguage,
        interpreterNeeded: input.interpreterNeeded ?? null,
        needFirmness: trackOffer?.firmness ?? null,
        incidentDate,
        policeReportFiled: input.policeReportFiled ?? null,
        policeJournalNumber,
        legalTaskKinds: input.legalTaskKinds?.length ? input.legalTaskKinds : null,
        psychologicalForms: input.psychologicalForms?.length ? input.psychologicalForms : null,
        ageGroup: input.ageGroup || null,
        hateMotive: input.hateMotive ?? null,
      };
      for (const key of Object.keys(payload)) if (payload[key] === null) delete payload[key];
      const domainErrors = validateHateCrimeReferral(
        {
          track: input.track,
          senderOrganizationId: found.organizationId,
          receiverOrganizationId,
          sentOn: today,
          consent: input.consentGiven ? { given: true, givenOn: today, track: input.track } : null,
          payload,
        },
        { offer, today },
      );
      // The domain names the payload's fields (payload.alias); the input names them without the prefix.
      errors.push(
        ...domainErrors.map((e) =>
          e.field.startsWith('payload.') ? { ...e, field: e.field.slice('payload.'.length) } : e,
        ),
      );
      // consentGiven is the input's name for the domain's consent.
      throwValidation(errors.map((e) => (e.field === 'consent' ? { ...e, field: 'consentGiven' } : e)));

      const open = await prisma().hateCrimeReferral.findMany({
        where: { caseId: found.id, track: input.track },
        select: { status: true },
      });
      if (open.some((r) => !isClosed(r.status))) {
        throw gatewayError(ErrorCode.CONFLICT, { message: ALREADY_REFERRED });
      }
      const now = new Date();
      const id = await prisma().$transaction(async (tx) => {
        const seal = (value: unknown) =>
          sealText(receiverOrganizationId, typeof value === 'string' ? value : null, tx);
        const created = await tx.hateCrimeReferral.create({
          data: {
            organizationId: receiverOrganizationId,
            senderOrganizationId: found.organizationId,
            caseId: found.id,
            track: input.track,
            sentOn: dateColumn(today),
            statusChangedOn: dateColumn(today),
            consentGivenAt: now,
            consentRecordedById: user.id,
            sentById: user.id,
            alias: await seal(payload.alias),
            phone: await seal(payload.phone),
            contactTimes: await seal(payload.contactTimes),
            preferredLanguage: await seal(payload.preferredLanguage),
            interpreterNeeded: (payload.interpreterNeeded as boolean | undefined) ?? null,
            needFirmness: trackOffer?.firmness ?? 'MAYBE',
            incidentDate: incidentDate ? dateColumn(incidentDate) : null,
            policeReportFiled: (payload.policeReportFiled as boolean | undefined) ?? null,
            policeJournalNumber: await seal(payload.policeJournalNumber),
            legalTaskKinds: (payload.legalTaskKinds as never) ?? [],
            psychologicalForms: (payload.psychologicalForms as never) ?? [],
            ageGroup: (payload.ageGroup as string | undefined) ?? null,
            hateMotive: await seal(payload.hateMotive),
          },
          select: { id: true },
        });
        await auditWrites(tx, context, [
          {
            action: 'CREATE',
            entity: 'HateCrimeReferral',
            entityId: created.id,
            personId: found.personId,
            // Which fields went, never their values.
            detail: {
              track: input.track,
              receiverOrganizationId,
              fields: Object.keys(payload),
              consent: true,
            },
          },
        ]);
        return created.id;
      });
      return prisma().hateCrimeReferral.findUniqueOrThrow({ where: { id }, select: STATUS_SELECT });
    },
  }),
);

const WithdrawInputRef = builder.inputType('WithdrawHateCrimeReferralInput', {
  fields: (t) => ({ on: t.field({ type: 'Date', required: true }) }),
});

builder.mutationField('withdrawHateCrimeReferral', (t) =>
  t.field({
    type: HateCrimeReferralStatusViewRef,
    nullable: false,
    description:
      'The person withdrew their consent: the sender withdraws the referral (the receiver sees WITHDRAWN; its hand-over is erased after the retention period).',
    authScopes: { role: SENDER_ROLES },
    args: {
      hateCrimeReferralId: t.arg.id({ required: true }),
      input: t.arg({ type: WithdrawInputRef, required: true }),
    },
    resolve: async (_root, { hateCrimeReferralId, input }, context) => {
      const senderOrganizationId = requireOrganizationId(context);
      const id = String(hateCrimeReferralId);
      const referral = isUuid(id)
        ? await prisma().hateCrimeReferral.findFirst({
            where: { id, senderOrganizationId },
            select: {
              id: true,
              track: true,
              status: true,
              sentOn: true,
              statusChangedOn: true,
              startedOn: true,
              organization: { select: { contactRetentionDays: true } },
              case: { select: { personId: true } },
            },
          })
        : null;
      if (!referral) {
        if (isUuid(id)) context.audit({ action: 'DENIED', entity: 'HateCrimeReferral', entityId: id });
        throw gatewayError(ErrorCode.NOT_FOUND);
      }
      const on = isoDateOf(input.on as Date);
      const changed = changeReferralStatus(
        {
          id: referral.id,
          track: referral.track,
          status: referral.status,
          sentOn: isoDateOf(referral.sentOn),
          statusChangedOn: isoDateOf(referral.statusChangedOn),
          startedOn: referral.startedOn ? isoDateOf(referral.startedOn) : null,
        },
        'WITHDRAWN',
        on,
        todayInDenmark(),
      );
      if (!changed.ok) throwValidation(changed.errors);
      await prisma().$transaction(async (tx) => {
        const updated = await tx.hateCrimeReferral.updateMany({
          where: { id: referral.id, status: referral.status },
          data: {
            status: 'WITHDRAWN',
            statusChangedOn: dateColumn(on),
            // Retention in Danish calendar days from the day it was withdrawn (hand-over-retention.ts).
            eraseAfter: handOverEraseAfter(todayInDenmark(), referral.organization.contactRetentionDays),
          },
        });
        if (updated.count === 0) throw gatewayError(ErrorCode.CONFLICT);
        await auditWrites(tx, context, [
          {
            action: 'UPDATE',
            entity: 'HateCrimeReferral',
            entityId: referral.id,
            personId: referral.case.personId,
            detail: { status: 'WITHDRAWN', by: 'sender' },
          },
        ]);
      });
      return prisma().hateCrimeReferral.findUniqueOrThrow({
        where: { id: referral.id },
        select: STATUS_SELECT,
      });
    },
  }),
);

// ── The receiving organisation's view: the handed-over fields ───────────

export const RECEIVED_SELECT = {
  id: true,
  organizationId: true,
  track: true,
  status: true,
  sentOn: true,
  statusChangedOn: true,
  startedOn: true,
  consentGivenAt: true,
  alias: true,
  phone: true,
  contactTimes: true,
  preferredLanguage: true,
  interpreterNeeded: true,
  needFirmness: true,
  incidentDate: true,
  policeReportFiled: true,
  policeJournalNumber: true,
  legalTaskKinds: true,
  psychologicalForms: true,
  ageGroup: true,
  hateMotive: true,
  senderOrganization: { select: { name: true } },
} as const;

export type ReceivedShape = Prisma.HateCrimeReferralGetPayload<{ select: typeof RECEIVED_SELECT }>;

export const ReceivedHateCrimeReferralRef = builder
  .objectRef<ReceivedShape>('ReceivedHateCrimeReferral')
  .implement({
    description:
      'A referral as the receiving organisation sees it: only the fields its track may receive, text decrypted here.',
    authScopes: (row, context) => {
      const allowed = row.organizationId === context.organizationId && tracksOf(context).includes(row.track);
      context.audit({
        action: allowed ? 'READ' : 'DENIED',
        entity: 'HateCrimeReferral',
        entityId: row.id,
        ...(allowed ? { detail: { view: 'received' } } : {}),
      });
      return allowed;
    },
    fields: (t) => ({
      id: t.exposeID('id', { nullable: false }),
      pseudonym: t.string({
        nullable: false,
        description: 'A short reference to the referral (not the sender’s pseudonym).',
        resolve: (r) => `H-${r.id.replace(/-/g, '').slice(0, 6).toUpperCase()}`,
      }),
      senderName: t.string({ nullable: false, resolve: (r) => r.senderOrganization.name }),
      track: t.field({ type: HateCrimeTrackEnum, nullable: false, resolve: (r) => r.track }),
      status: t.field({ type: HateCrimeReferralStatusEnum, nullable: false, resolve: (r) => r.status }),
      nextStatuses: t.field({
        type: [HateCrimeReferralStatusEnum],
        nullable: false,
        resolve: (r) =>
          (HATE_CRIME_REFERRAL_STATUSES.find((s) => s.code === r.status)?.next ??
            []) as HateCrimeReferralStatus[],
      }),
      sentOn: t.field({ type: 'Date', nullable: false, resolve: (r) => r.sentOn }),
      statusChangedOn: t.field({ type: 'Date', nullable: false, resolve: (r) => r.statusChangedOn }),
      startedOn: t.field({ type: 'Date', nullable: true, resolve: (r) => r.startedOn }),
      consentGivenAt: t.field({ type: 'DateTime', nullable: false, resolve: (r) => r.consentGivenAt }),
      alias: t.string({ nullable: true, resolve: (r) => openText(r.alias) }),
      phone: t.string({ nullable: true, resolve: (r) => openText(r.phone) }),
      contactTimes: t.string({ nullable: true, resolve: (r) => openText(r.contactTimes) }),
      preferredLanguage: t.string({ nullable: true, resolve: (r) => openText(r.preferredLanguage) }),
      interpreterNeeded: t.boolean({ nullable: true, resolve: (r) => r.interpreterNeeded }),
      needFirmness: t.field({
        type: HateCrimeNeedAnswerEnum,
        nullable: false,
        resolve: (r) => r.needFirmness,
      }),
      incidentDate: t.field({ type: 'Date', nullable: true, resolve: (r) => r.incidentDate }),
      policeReportFiled: t.boolean({ nullable: true, resolve: (r) => r.policeReportFiled }),
      policeJournalNumber: t.string({ nullable: true, resolve: (r) => openText(r.policeJournalNumber) }),
      legalTaskKinds: t.field({
        type: [LegalTaskKindEnum],
        nullable: false,
        resolve: (r) => r.legalTaskKinds,
      }),
      psychologicalForms: t.field({
        type: [PsychologicalSupportFormEnum],
        nullable: false,
        resolve: (r) => r.psychologicalForms,
      }),
      ageGroup: t.string({ nullable: true, resolve: (r) => r.ageGroup }),
      hateMotive: t.field({
        type: HateCrimeMotiveEnum,
        nullable: true,
        resolve: async (r) => (await openText(r.hateMotive)) as HateCrimeMotive | null,
      }),
    }),
  });

/**
 * A referral the caller's organisation received on `track`, which the caller must work (else
 * NOT_FOUND: another organisation's or another track's referral reads as unknown).
 */
export async function loadReceived(
  context: GatewayContext,
  id: string,
  track: HateCrimeTrack,
): Promise<ReceivedShape> {
  const organizationId = requireOrganizationId(context);
  const row =
    isUuid(id) && tracksOf(context).includes(track)
      ? await prisma().hateCrimeReferral.findFirst({
          where: { id, organizationId, track },
          select: RECEIVED_SELECT,
        })
      : null;
  if (!row) {
    // Another organisation's, another track's or an unknown id: audited with the id asked for.
    if (isUuid(id)) context.audit({ action: 'DENIED', entity: 'HateCrimeReferral', entityId: id });
    throw gatewayError(ErrorCode.NOT_FOUND);
  }
  return row;
}

builder.queryField('receivedHateCrimeReferrals', (t) =>
  t.field({
    type: [ReceivedHateCrimeReferralRef],
    nullable: false,
    description:
      'Referrals the organisation received on the track(s) the caller works (or only `track`), the newest first.',
    authScopes: { role: RECEIVER_ROLES },
    args: { track: t.arg({ type: HateCrimeTrackEnum }) },
    resolve: (_root, { track }, context) => {
      const tracks = tracksOf(context).filter((t) => !track || t === track);
      return prisma().hateCrimeReferral.findMany({
        where: { organizationId: requireOrganizationId(context), track: { in: tracks } },
        orderBy: [{ sentOn: 'desc' }, { createdAt: 'desc' }, { id: 'asc' }],
        take: 200,
        select: RECEIVED_SELECT,
      });
    },
  }),
);

/** Writes a status change the domain allowed; a closed referral's contact text is erased after retention. */
export async function applyReferralStatus(
  tx: Prisma.TransactionClient,
  context: GatewayContext,
  referral: ReceivedShape,
  to: HateCrimeReferralStatus,
  on: string,
): Promise<void> {
  const changed = changeReferralStatus(
    {
      id: referral.id,
      track: referral.track,
      status: referral.status,
      sentOn: isoDateOf(referral.sentOn),
      statusChangedOn: isoDateOf(referral.statusChangedOn),
      startedOn: referral.startedOn ? isoDateOf(referral.startedOn) : null,
    },
    to,
    on,
    todayInDenmark(),
  );
  if (!changed.ok) throwValidation(changed.errors);
  const closing = isClosed(to);
  let eraseAfter: Date | null = null;
  if (closing) {
    const org = await tx.organization.findUniqueOrThrow({
      where: { id: referral.organizationId },
      select: { contactRetentionDays: true },
    });
    // Retention in Danish calendar days from the day it closed (hand-over-retention.ts).
    eraseAfter = handOverEraseAfter(todayInDenmark(), org.contactRetentionDays);
  }
  // The status condition makes the change atomic against a concurrent one.
  const updated = await tx.hateCrimeReferral.updateMany({
    where: { id: referral.id, status: referral.status },
    data: {
      status: to,
      statusChangedOn: dateColumn(on),
      ...(to === 'STARTED' ? { startedOn: dateColumn(on) } : {}),
      ...(to === 'ACCEPTED' ? { handlerId: context.user?.id ?? null } : {}),
      ...(closing ? { eraseAfter } : {}),
    },
  });
  if (updated.count === 0) throw gatewayError(ErrorCode.CONFLICT);
  await auditWrites(tx, context, [
    { action: 'UPDATE', entity: 'HateCrimeReferral', entityId: referral.id, detail: { status: to } },
  ]);
}

/**
 * Work on a referral (a task, sessions, a group place) starts it: an accepted referral becomes
 * STARTED on that day. A referral not yet accepted, or closed, cannot be worked (CONFLICT).
 */
export async function startForWork(
  tx: Prisma.TransactionClient,
  context: GatewayContext,
  referral: ReceivedShape,
  on: string,
): Promise<void> {
  if (referral.status === 'STARTED') return;
  if (referral.status !== 'ACCEPTED') {
    throw gatewayError(ErrorCode.CONFLICT, {
      message: {
        da: 'Henvisningen skal være modtaget og ikke afsluttet, før der arbejdes på den.',
        en: 'The referral must be accepted and not closed before it is worked on.',
      },
    });
  }
  await applyReferralStatus(tx, context, referral, 'STARTED', on);
}

const StatusInputRef = builder.inputType('HateCrimeReferralStatusInput', {
  fields: (t) => ({
    status: t.field({ type: HateCrimeReferralStatusEnum, required: true }),
    on: t.field({ type: 'Date', required: true }),
  }),
});

for (const [name, track, roles] of [
  ['changeLegalReferralStatus', 'LEGAL_FINANCIAL', ADVISER_ROLES],
  ['changePsychologicalReferralStatus', 'PSYCHOLOGICAL', PSYCHOLOGIST_ROLES],
] as const) {
  builder.mutationField(name, (t) =>
    t.field({
      type: ReceivedHateCrimeReferralRef,
      nullable: false,
      description:
        'The receiving organisation moves its referral on (accept, start, complete, decline, no contact, withdrawn); the sender sees the new status. One mutation per track, for the role that works it.',
      authScopes: { role: roles },
      args: {
        hateCrimeReferralId: t.arg.id({ required: true }),
        input: t.arg({ type: StatusInputRef, required: true }),
      },
      resolve: async (_root, { hateCrimeReferralId, input }, context) => {
        const referral = await loadReceived(context, String(hateCrimeReferralId), track);
        const on = isoDateOf(input.on as Date);
        await prisma().$transaction((tx) => applyReferralStatus(tx, context, referral, input.status, on));
        return loadReceived(context, referral.id, track);
      },
    }),
  );
}

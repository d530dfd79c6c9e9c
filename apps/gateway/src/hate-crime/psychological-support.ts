// The psychologist's side of a received referral: individual sessions counted, or a place in a
// psychologist-led group that runs on the course machinery (an Enrolment in one of the receiving
// organisation's own courses, under a pseudonymous person of that organisation).
import type { HateCrimePsychologicalSupport } from '@vi/db';
import { fieldError, generateParticipantCode, validatePsychologicalSupport } from '@vi/domain';
import { requireOrganizationId, requireUser } from '../authorization.ts';
import { builder, holdsRole } from '../builder.ts';
import { dateColumn, isoDateOf, todayInDenmark } from '../courses/iso-date.ts';
import { newPseudonym } from '../courses/person-pseudonym.ts';
import { prisma } from '../database.ts';
import { ErrorCode, gatewayError, throwValidation } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { auditWrites } from '../outreach/outreach-audit.ts';
import { checkDay, PSYCHOLOGIST_ROLES, PsychologicalSupportFormEnum } from './hate-crime-common.ts';
import { loadReceived, ReceivedHateCrimeReferralRef, startForWork } from './referral.ts';

type SupportShape = HateCrimePsychologicalSupport & { enrolment: { course: { name: string } } | null };

const SupportRef = builder.objectRef<SupportShape>('HateCrimePsychologicalSupport').implement({
  description: 'Individual sessions counted, or a place in a psychologist-led group.',
  authScopes: (row, context) => {
    const allowed = row.organizationId === context.organizationId && holdsRole(context, PSYCHOLOGIST_ROLES);
    if (!allowed)
      context.audit({ action: 'DENIED', entity: 'HateCrimePsychologicalSupport', entityId: row.id });
    return allowed;
  },
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    form: t.field({ type: PsychologicalSupportFormEnum, nullable: false, resolve: (s) => s.form }),
    sessionsHeld: t.exposeInt('sessionsHeld', { nullable: true }),
    lastSessionOn: t.field({ type: 'Date', nullable: true, resolve: (s) => s.lastSessionOn }),
    groupName: t.string({ nullable: true, resolve: (s) => s.enrolment?.course.name ?? null }),
    startedOn: t.field({ type: 'Date', nullable: false, resolve: (s) => s.startedOn }),
  }),
});

const SUPPORT_INCLUDE = { enrolment: { select: { course: { select: { name: true } } } } } as const;

builder.objectFields(ReceivedHateCrimeReferralRef, (t) => ({
  psychologicalSupport: t.field({
    type: [SupportRef],
    nullable: false,
    description: 'Psychological track only (empty on the legal and financial track).',
    resolve: (r) =>
      r.track === 'PSYCHOLOGICAL'
        ? prisma().hateCrimePsychologicalSupport.findMany({
            where: { referralId: r.id, organizationId: r.organizationId },
            orderBy: { createdAt: 'asc' },
            include: SUPPORT_INCLUDE,
          })
        : [],
  }),
}));

// ── The psychologist's own groups (courses of the receiving organisation) ─

type GroupShape = { id: string; name: string; startsOn: Date };

const GroupRef = builder.objectRef<GroupShape>('HateCrimeGroupCourse').implement({
  description: 'A psychologist-led group of the organisation (a course of the course machinery).',
  authScopes: { role: PSYCHOLOGIST_ROLES },
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    name: t.exposeString('name', { nullable: false }),
    startsOn: t.field({ type: 'Date', nullable: false, resolve: (g) => g.startsOn }),
  }),
});

builder.queryField('hateCrimeGroupCourses', (t) =>
  t.field({
    type: [GroupRef],
    nullable: false,
    description: 'The organisation’s groups a person can be given a place in (the latest first).',
    authScopes: { role: PSYCHOLOGIST_ROLES },
    resolve: (_root, _args, context) =>
      prisma().course.findMany({
        where: { organizationId: requireOrganizationId(context) },
        orderBy: [{ startsOn: 'desc' }, { id: 'asc' }],
        take: 50,
        select: { id: true, name: true, startsOn: true },
      }),
  }),
);

const SessionsInputRef = builder.inputType('HateCrimeSessionsInput', {
  fields: (t) => ({
    sessionsHeld: t.int({ required: true, description: 'Individual sessions held so far (0-52).' }),
    lastSessionOn: t.field({ type: 'Date', required: true }),
  }),
});

builder.mutationField('recordHateCrimeSessions', (t) =>
  t.field({
    type: ReceivedHateCrimeReferralRef,
    nullable: false,
    description: 'Counts the individual sessions held (an accepted referral then counts as started).',
    authScopes: { role: PSYCHOLOGIST_ROLES },
    args: {
      hateCrimeReferralId: t.arg.id({ required: true }),
      input: t.arg({ type: SessionsInputRef, required: true }),
    },
    resolve: async (_root, { hateCrimeReferralId, input }, context) => {
      const user = requireUser(context);
      const referral = await loadReceived(context, String(hateCrimeReferralId), 'PSYCHOLOGICAL');
      const on = isoDateOf(input.lastSessionOn as Date);
      throwValidation([
        ...validatePsychologicalSupport({ form: 'INDIVIDUAL_SESSIONS', sessionsHeld: input.sessionsHeld }),
        ...checkDay('lastSessionOn', on, todayInDenmark(), referral.sentOn),
      ]);
      await prisma().$transaction(async (tx) => {
        await startForWork(tx, context, referral, on);
        const saved = await tx.hateCrimePsychologicalSupport.upsert({
          where: { referralId_form: { referralId: referral.id, form: 'INDIVIDUAL_SESSIONS' } },
          create: {
            organizationId: referral.organizationId,
            referralId: referral.id,
            form: 'INDIVIDUAL_SESSIONS',
            sessionsHeld: input.sessionsHeld,
            lastSessionOn: dateColumn(on),
            startedOn: dateColumn(on),
            createdById: user.id,
          },
          update: { sessionsHeld: input.sessionsHeld, lastSessionOn: dateColumn(on) },
        });
        await auditWrites(tx, context, [
          {
            action: 'UPDATE',
            entity: 'HateCrimePsychologicalSupport',
            entityId: saved.id,
            detail: { sessionsHeld: input.sessionsHeld },
          },
        ]);
      });
      return loadReceived(context, referral.id, 'PSYCHOLOGICAL');
    },
  }),
);

const GroupPlaceInputRef = builder.inputType('HateCrimeGroupPlaceInput', {
  fields: (t) => ({
    courseId: t.id({ required: true }),
    on: t.field({ type: 'Date', required: true }),
  }),
});

builder.mutationField('placeHateCrimeInGroup', (t) =>
  t.field({
    type: ReceivedHateCrimeReferralRef,
    nullable: false,
    description:
      'Gives the person a place in one of the organisation’s groups: an enrolment of the course machinery under a pseudonym of this organisation.',
    authScopes: { role: PSYCHOLOGIST_ROLES },
    args: {
      hateCrimeReferralId: t.arg.id({ required: true }),
      input: t.arg({ type: GroupPlaceInputRef, required: true }),
    },
    resolve: async (_root, { hateCrimeReferralId, input }, context) => {
      const user = requireUser(context);
      const referral = await loadReceived(context, String(hateCrimeReferralId), 'PSYCHOLOGICAL');
      const on = isoDateOf(input.on as Date);
      const courseId = String(input.courseId);
      const course = isUuid(courseId)
        ? await prisma().course.findFirst({
            where: { id: courseId, organizationId: referral.organizationId },
            select: { id: true },
          })
        : null;
      throwValidation([
        ...(course ? [] : [fieldError('courseId', 'UNKNOWN_OPTION', { option: courseId })]),
        ...validatePsychologicalSupport({ form: 'GROUP_PLACE', groupCourseId: course?.id ?? null }).filter(
          (e) => e.field !== 'groupCourseId',
        ),
        ...checkDay('on', on, todayInDenmark(), referral.sentOn),
      ]);
      const existing = await prisma().hateCrimePsychologicalSupport.count({
        where: { referralId: referral.id, form: 'GROUP_PLACE' },
      });
      if (existing > 0) {
        throw gatewayError(ErrorCode.CONFLICT, {
          message: {
            da: 'Personen har allerede en gruppeplads.',
            en: 'The person already has a group place.',
          },
        });
      }
      await prisma().$transaction(async (tx) => {
        await startForWork(tx, context, referral, on);
        const person = await tx.person.create({
          data: { organizationId: referral.organizationId, pseudonym: newPseudonym() },
        });
        const enrolment = await tx.enrolment.create({
          data: {
            organizationId: referral.organizationId,
            courseId: courseId,
            personId: person.id,
            participantCode: generateParticipantCode(),
          },
        });
        const saved = await tx.hateCrimePsychologicalSupport.create({
          data: {
            organizationId: referral.organizationId,
            referralId: referral.id,
            form: 'GROUP_PLACE',
            enrolmentId: enrolment.id,
            startedOn: dateColumn(on),
            createdById: user.id,
          },
        });
        await auditWrites(tx, context, [
          { action: 'CREATE', entity: 'Enrolment', entityId: enrolment.id, personId: person.id },
          { action: 'CREATE', entity: 'HateCrimePsychologicalSupport', entityId: saved.id },
        ]);
      });
      return loadReceived(context, referral.id, 'PSYCHOLOGICAL');
    },
  }),
);

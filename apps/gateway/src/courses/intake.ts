import type { Gender, IntakeRegistration, RiskRoute } from '@vi/db';
import {
  checkIntakeAnswers,
  checkIntakeContact,
  courseFieldError,
  type FieldError,
  fieldError,
  isIsoDate,
  validateReachAnswers,
} from '@vi/domain';
import { auditRow } from '../audit.ts';
import { organizationRecordScope, requireOrganizationId } from '../authorization.ts';
import { builder } from '../builder.ts';
import { prisma } from '../database.ts';
import { GenderEnum } from '../enums.ts';
import { ErrorCode, gatewayError, throwValidation } from '../errors.ts';
import { openedAnswers, openText, sealContact, sealedAnswers } from '../persons/field-crypto.ts';
import { checkedReachAnswers, ReachAnswersInputRef, writeReachAnswers } from '../reach/reach-answers.ts';
import { INTAKE_READER_ROLES, INTAKE_ROLES } from './course-access.ts';
import { QuestionnaireAnswersScalar, RiskRouteEnum } from './course-enums.ts';
import { dateColumn, todayInDenmark } from './iso-date.ts';
import { isUniqueViolation, newPseudonym } from './person-pseudonym.ts';

const GENDERS: readonly string[] = ['MAN', 'WOMAN', 'OTHER'];
const ROUTES: readonly string[] = [
  'GROUP_COURSE',
  'INDIVIDUAL_COURSE',
  'SHELTER',
  'NO_RISK_NO_REFERRAL',
  'DECLINED',
  'OTHER_SUPPORT',
];

/**
 * The registration form (DOMAIN 4) of one person who came forward, with the
 * contact details the organisation's stance allows. Names and case
 * references exist only in journalised organisations.
 */
export const IntakeRegistrationRef = builder.prismaObject('IntakeRegistration', {
  authScopes: organizationRecordScope<IntakeRegistration>({
    entity: 'IntakeRegistration',
    roles: INTAKE_READER_ROLES,
    personId: (intake) => intake.personId,
  }),
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    personId: t.exposeID('personId', { nullable: false }),
    registeredOn: t.expose('registeredOn', { nullable: false, type: 'Date' }),
    answers: t.field({
      nullable: false,
      type: QuestionnaireAnswersScalar,
      description: 'Registration form answers (filled in by staff, so staff may read them).',
      resolve: (intake) => openedAnswers(intake),
    }),
    gender: t.expose('gender', { type: GenderEnum, nullable: true }),
    ageYears: t.exposeInt('ageYears', { nullable: true }),
    referredTo: t.expose('referredTo', { nullable: false, type: [RiskRouteEnum] }),
    pseudonym: t.string({
      nullable: false,
      select: { person: { select: { pseudonym: true } } },
      resolve: (intake) => intake.person.pseudonym,
    }),
    alias: t.string({
      nullable: true,
      select: { person: { select: { contact: { select: { alias: true } } } } },
      resolve: (intake) => openText(intake.person.contact?.alias),
    }),
    name: t.string({
      nullable: true,
      description: 'Only in journalised organisations.',
      select: { person: { select: { contact: { select: { name: true } } } } },
      resolve: (intake) => openText(intake.person.contact?.name),
    }),
    phone: t.string({
      nullable: true,
      select: { person: { select: { contact: { select: { phone: true } } } } },
      resolve: (intake) => openText(intake.person.contact?.phone),
    }),
    reachNote: t.string({
      nullable: true,
      select: { person: { select: { contact: { select: { reachNote: true } } } } },
      resolve: (intake) => openText(intake.person.contact?.reachNote),
    }),
    caseReference: t.string({
      nullable: true,
      description: 'Only in journalised organisations.',
      select: { person: { select: { contact: { select: { caseReference: true } } } } },
      resolve: (intake) => openText(intake.person.contact?.caseReference),
    }),
  }),
});

const PAGE_SIZE = 200;

builder.queryField('intakes', (t) =>
  t.prismaField({
    nullable: false,
    type: ['IntakeRegistration'],
    description: 'Registrations of the active organisation, newest first (at most 200).',
    authScopes: { role: INTAKE_READER_ROLES },
    args: {
      awaitingAssessment: t.arg.boolean({
        description: 'Only people without any risk assessment yet.',
      }),
    },
    resolve: (query, _root, args, context) => {
      const organizationId = requireOrganizationId(context);
      return prisma().intakeRegistration.findMany({
        ...query,
        where: {
          organizationId,
          ...(args.awaitingAssessment ? { person: { riskAssessments: { none: {} } } } : {}),
        },
        orderBy: [{ registeredOn: 'desc' }, { createdAt: 'desc' }],
        take: PAGE_SIZE,
      });
    },
  }),
);

export const RegisterIntakeInput = builder.inputType('RegisterIntakeInput', {
  fields: (t) => ({
    registeredOn: t.string({ required: true, description: 'YYYY-MM-DD, not in the future.' }),
    alias: t.string({ description: 'First name or alias; required in anonymous organisations.' }),
    name: t.string({ description: 'Full name; refused in anonymous organisations.' }),
    phone: t.string({ description: 'A Danish number, for scheduling.' }),
    reachNote: t.string({ description: 'How to reach the person safely (times, channel).' }),
    caseReference: t.string({ description: 'Case number; refused in anonymous organisations.' }),
    answers: t.field({ type: QuestionnaireAnswersScalar, required: true }),
    reach: t.field({
      type: ReachAnswersInputRef,
      description: 'Who we reach, saved with the registration; every answer optional.',
    }),
  }),
});

function copiedColumns(answers: Record<string, unknown>): {
  gender: Gender | null;
  ageYears: number | null;
  heardFrom: string[];
  referredTo: RiskRoute[];
} {
  const strings = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  return {
    gender:
      typeof answers.gender === 'string' && GENDERS.includes(answers.gender)
        ? (answers.gender as Gender)
        : null,
    ageYears: typeof answers.age === 'number' && Number.isInteger(answers.age) ? answers.age : null,
    heardFrom: strings(answers.heard_from),
    referredTo: strings(answers.referred_to).filter((r): r is RiskRoute => ROUTES.includes(r)),
  };
}

builder.mutationField('registerIntake', (t) =>
  t.prismaField({
    nullable: false,
    type: 'IntakeRegistration',
    description:
      'Registers a person who came forward: the registration form plus the contact details the organisation stance allows.',
    authScopes: { role: INTAKE_ROLES },
    args: { input: t.arg({ type: RegisterIntakeInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const organizationId = requireOrganizationId(context);
      const organization = await prisma().organization.findUniqueOrThrow({
        where: { id: organizationId },
        select: { stance: true },
      });
      const errors: FieldError[] = [];
      if (!isIsoDate(input.registeredOn)) errors.push(fieldError('registeredOn', 'INVALID_DATE'));
      else if (input.registeredOn > todayInDenmark()) {
        errors.push(courseFieldError('registeredOn', 'DATE_IN_FUTURE'));
      }
      const contact = checkIntakeContact(organization.stance, input);
      if (!contact.ok) errors.push(...contact.errors);
      const answers = checkIntakeAnswers(input.answers);
      if (!answers.ok) errors.push(...answers.errors.map((e) => ({ ...e, field: `answers.${e.field}` })));
      errors.push(...validateReachAnswers(input.reach, 'reach'));
      throwValidation(errors);
      const reach = checkedReachAnswers(input.reach);
      if (!contact.ok || !answers.ok) throw gatewayError(ErrorCode.INTERNAL);

      const stored = answers.answers as Record<string, unknown>;
      const actor = { userId: context.user?.id ?? null, organizationId, requestId: context.requestId };
      for (let attempt = 0; ; attempt++) {
        try {
          return await prisma().$transaction(async (tx) => {
            const person = await tx.person.create({
              data: {
                organizationId,
                pseudonym: newPseudonym(),
                ...copiedGenderAndBirthYear(stored, input.registeredOn),
                contact: {
                  create: { organizationId, ...(await sealContact(organizationId, contact.contact, tx)) },
                },
              },
              select: { id: true },
            });
            const intake = await tx.intakeRegistration.create({
              ...query,
              data: {
                organizationId,
                personId: person.id,
                registeredById: context.user?.id ?? null,
                registeredOn: dateColumn(input.registeredOn),
                // The whole form encrypted; only the codes the evaluation aggregates stay plain.
                ...(await sealedAnswers(organizationId, 'REGISTRATION', stored, tx)),
                ...copiedColumns(stored),
              },
            });
            const reachWrite = reach
              ? await writeReachAnswers(
                  tx,
                  context,
                  organizationId,
                  { intakeRegistrationId: intake.id },
                  reach,
                )
              : null;
            await tx.auditEvent.createMany({
              data: [
                auditRow(actor, {
                  action: 'CREATE',
                  entity: 'Person',
                  entityId: person.id,
                  personId: person.id,
                }),
                auditRow(actor, {
                  action: 'CREATE',
                  entity: 'IntakeRegistration',
                  entityId: intake.id,
                  personId: person.id,
                  // Which contact fields were filled, never their values.
                  detail: {
                    contactFields: Object.entries(contact.contact)
                      .filter(([, value]) => value !== null)
                      .map(([key]) => key),
                  },
                }),
                ...(reachWrite
                  ? [
                      auditRow(actor, {
                        action: reachWrite.action,
                        entity: 'ReachAnswers',
                        entityId: reachWrite.id,
                        personId: person.id,
                        detail: { recorded: reachWrite.recorded },
                      }),
                    ]
                  : []),
              ],
            });
            return intake;
          });
        } catch (error) {
          // A pseudonym clash is the only unique constraint here: draw again.
          if (attempt < 4 && isUniqueViolation(error, 'pseudonym')) continue;
          throw error;
        }
      }
    },
  }),
);

/** Person keeps gender and an approximate birth year for statistics; the registration's age gives it. */
function copiedGenderAndBirthYear(
  answers: Record<string, unknown>,
  registeredOn: string,
): { gender: Gender | null; birthYear: number | null } {
  const { gender, ageYears } = copiedColumns(answers);
  return { gender, birthYear: ageYears === null ? null : Number(registeredOn.slice(0, 4)) - ageYears };
}

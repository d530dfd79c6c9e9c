import type { WaitingListEntry } from '@vi/db';
import { waitingStatus } from '@vi/domain';
import { organizationRecordScope, requireOrganizationId } from '../authorization.ts';
import { builder } from '../builder.ts';
import { prisma } from '../database.ts';
import { openText } from '../persons/field-crypto.ts';
import { ENROL_ROLES, INTAKE_READER_ROLES } from './course-access.ts';
import { todayInDenmark } from './iso-date.ts';

const limits = new WeakMap<object, Promise<number>>();

/** The organisation's waiting limit, loaded once per request. */
function waitingLimitDays(context: object, organizationId: string): Promise<number> {
  let pending = limits.get(context);
  if (!pending) {
    pending = prisma()
      .organization.findUniqueOrThrow({ where: { id: organizationId }, select: { waitingLimitDays: true } })
      .then((org) => org.waitingLimitDays);
    limits.set(context, pending);
  }
  return pending;
}

/** A person referred to a group course and waiting for the next one (VIVE's group-course evaluation: long waits cause drop-out). */
export const WaitingListEntryRef = builder.prismaObject('WaitingListEntry', {
  authScopes: organizationRecordScope<WaitingListEntry>({
    entity: 'WaitingListEntry',
    roles: [...new Set([...INTAKE_READER_ROLES, ...ENROL_ROLES])],
    personId: (entry) => entry.personId,
  }),
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    personId: t.exposeID('personId', { nullable: false }),
    since: t.expose('since', { nullable: false, type: 'Date' }),
    pseudonym: t.string({
      nullable: false,
      select: { person: { select: { pseudonym: true } } },
      resolve: (entry) => entry.person.pseudonym,
    }),
    alias: t.string({
      nullable: true,
      description: 'Name (journalised) or alias.',
      select: { person: { select: { contact: { select: { alias: true, name: true } } } } },
      resolve: async (entry) =>
        (await openText(entry.person.contact?.name)) ?? (await openText(entry.person.contact?.alias)),
    }),
    daysWaiting: t.int({
      nullable: false,
      resolve: (entry) => waitingStatus(entry.since, todayInDenmark()).days,
    }),
    overLimit: t.boolean({
      nullable: false,
      description: "Waiting longer than the organisation's limit.",
      resolve: async (entry, _args, context) =>
        waitingStatus(entry.since, todayInDenmark(), await waitingLimitDays(context, entry.organizationId))
          .overLimit,
    }),
    waitingLimitDays: t.int({
      nullable: false,
      resolve: (entry, _args, context) => waitingLimitDays(context, entry.organizationId),
    }),
  }),
});

builder.queryField('waitingList', (t) =>
  t.prismaField({
    nullable: false,
    type: ['WaitingListEntry'],
    description: 'People waiting for a group course, longest wait first.',
    authScopes: { role: [...new Set([...INTAKE_READER_ROLES, ...ENROL_ROLES])] },
    resolve: (query, _root, _args, context) => {
      const organizationId = requireOrganizationId(context);
      return prisma().waitingListEntry.findMany({
        ...query,
        where: { organizationId, leftOn: null },
        orderBy: [{ since: 'asc' }, { id: 'asc' }],
      });
    },
  }),
);

// The police list's hate-crime motive of the incident behind an aftercare case (issue 12), so the
// referral form need not ask for it again. Only the case's own sending staff reach it (the case
// type's scope: OUTREACH_WORKER or COUNSELLOR of the case's organisation, the roles that already
// see the outreach case and its incident); a receiving organisation never gets the case, and gets
// a motive only through a referral the sender chose to put it on (trackMayKeepMotive).
// The motive is special-category data: each read is audited (which incident, never the value).
import type { HateCrimeMotive } from '@vi/db';
import { HATE_CRIME_MOTIVES } from '@vi/domain';
import { builder, holdsRole } from '../builder.ts';
import { prisma } from '../database.ts';
import { openText } from '../persons/field-crypto.ts';
import { HateCrimeCaseRef } from './aftercare-case.ts';
import { HateCrimeMotiveEnum, SENDER_ROLES } from './hate-crime-common.ts';

builder.objectFields(HateCrimeCaseRef, (t) => ({
  incidentMotive: t.field({
    type: HateCrimeMotiveEnum,
    nullable: true,
    description:
      'The hate-crime motive the police’s incident list gave the incident of the outreach call (entry point OUTREACH_CALL), for pre-selecting it on a referral to a track that needs it. Null for other entry points or when the list gave none. Each read is audited.',
    resolve: async (c, _args, context) => {
      // The case's scope already holds this; repeated so the field stays closed if that changes.
      if (c.organizationId !== context.organizationId || !holdsRole(context, SENDER_ROLES)) return null;
      if (c.outreachCaseId === null) return null;
      const outreach = await prisma().outreachCase.findFirst({
        where: { id: c.outreachCaseId, organizationId: c.organizationId },
        select: { incident: { select: { id: true, type: true, hateMotive: true } } },
      });
      const incident = outreach?.incident;
      if (incident?.type !== 'HATE_CRIME' || incident.hateMotive === null) return null;
      const code = await openText(incident.hateMotive);
      context.audit({
        action: 'READ',
        entity: 'Incident',
        entityId: incident.id,
        personId: c.personId,
        detail: { field: 'hateMotive', via: 'HateCrimeAftercareCase' },
      });
      // A code outside today's list (an old import) is not offered as a pre-selection.
      return HATE_CRIME_MOTIVES.some((m) => m.code === code) ? (code as HateCrimeMotive) : null;
    },
  }),
}));

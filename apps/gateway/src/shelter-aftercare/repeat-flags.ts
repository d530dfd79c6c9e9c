import { isRepeatAdmission } from '@vi/domain';
import { isoDateOf } from '../courses/iso-date.ts';
import type { prisma } from '../database.ts';

/**
 * A move-out recorded (or corrected) after she was already admitted again somewhere (a shelter
 * registers late) changes whether her later admissions are repeat stays: the flags of her later
 * stays at every shelter are set again by the domain's rule; so does an admission cancelled as
 * registered by mistake (stay-cancellation.ts), called after the stay is gone. Only dates are read, and nothing of
 * the other shelters' stays leaves this function. Returns how many flags changed.
 */
export async function refreshLaterRepeatFlags(
  tx: Pick<ReturnType<typeof prisma>, 'shelterStay'>,
  woman: { personId: string | null; personKey: string | null },
  after: Date,
): Promise<number> {
  // Her stays by her Person here and by the keyed hash anywhere (either may be left out).
  const which = [
    ...(woman.personId ? [{ personId: woman.personId }] : []),
    ...(woman.personKey ? [{ personKey: woman.personKey }] : []),
  ];
  if (which.length === 0) return 0;
  const stays = await tx.shelterStay.findMany({
    where: { OR: which },
    select: { id: true, admittedOn: true, movedOutOn: true, repeatStay: true },
  });
  let changed = 0;
  for (const stay of stays) {
    if (stay.admittedOn <= after) continue;
    const repeatStay = isRepeatAdmission(
      stays
        .filter((other) => other.admittedOn < stay.admittedOn)
        .map((other) => ({ movedOutOn: other.movedOutOn ? isoDateOf(other.movedOutOn) : null })),
      isoDateOf(stay.admittedOn),
    );
    if (repeatStay !== stay.repeatStay) {
      await tx.shelterStay.update({ where: { id: stay.id }, data: { repeatStay } });
      changed += 1;
    }
  }
  return changed;
}

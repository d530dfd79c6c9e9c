import type { CourseWarning } from '@vi/domain';
import { builder } from '../builder.ts';

/**
 * A rule of the model the course departs from (gap over 14 days, group
 * outside 6-8). Warnings never block: the lead decides. Built only from a
 * course the caller may see, so the object carries no data of its own.
 */
export const CourseWarningRef = builder.objectRef<CourseWarning>('CourseWarning').implement({
  authScopes: { authenticated: true },
  fields: (t) => ({
    code: t.exposeString('code', { nullable: false }),
    messageDa: t.string({ nullable: false, resolve: (w) => w.message.da }),
    messageEn: t.string({ nullable: false, resolve: (w) => w.message.en }),
    fromSession: t.int({ nullable: true, resolve: (w) => ('fromSession' in w ? w.fromSession : null) }),
    toSession: t.int({ nullable: true, resolve: (w) => ('toSession' in w ? w.toSession : null) }),
    days: t.int({ nullable: true, resolve: (w) => ('days' in w ? w.days : null) }),
    participants: t.int({ nullable: true, resolve: (w) => ('participants' in w ? w.participants : null) }),
  }),
});

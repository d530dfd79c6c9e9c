import { type FieldError, type Label, LOCALES, type Locale } from '@vi/domain';
import { auditRow } from '../audit.ts';
import { forgetCachedSessionsOfUser } from '../auth/session.ts';
import { requireUser } from '../authorization.ts';
import { builder } from '../builder.ts';
import { prisma } from '../database.ts';
import { throwValidation } from '../errors.ts';

/**
 * Staff screens stay Danish and English (issue 14, part 3). Each user's stored language
 * (User.locale, Me.locale) decides the language at login; the language switch stores a new choice
 * here, so the next login on any device opens in it.
 */
const UNKNOWN_STAFF_LOCALE: Label = {
  da: 'Vælg dansk (da) eller engelsk (en): personalets skærme findes kun på de to sprog.',
  en: 'Choose Danish (da) or English (en): the staff screens exist in those two languages only.',
};

function isStaffLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

builder.mutationField('setMyLocale', (t) =>
  t.string({
    nullable: false,
    description:
      "Stores the caller's language for the staff screens (da or en); it decides the language at the next login. Returns the stored language.",
    args: { locale: t.arg.string({ required: true }) },
    resolve: async (_root, { locale }, context) => {
      const user = requireUser(context);
      if (!isStaffLocale(locale)) {
        const error: FieldError = { field: 'locale', code: 'UNKNOWN_LOCALE', message: UNKNOWN_STAFF_LOCALE };
        throwValidation([error]);
        return user.locale;
      }
      if (user.locale === locale) return locale;
      await prisma().$transaction([
        prisma().user.update({ where: { id: user.id }, data: { locale } }),
        prisma().auditEvent.create({
          data: auditRow(
            { userId: user.id, organizationId: context.organizationId, requestId: context.requestId },
            { action: 'UPDATE', entity: 'User', entityId: user.id, detail: { change: 'LOCALE', locale } },
          ),
        }),
      ]);
      // The session cache holds the user's row (with the language) for later requests.
      forgetCachedSessionsOfUser(user.id);
      return locale;
    },
  }),
);

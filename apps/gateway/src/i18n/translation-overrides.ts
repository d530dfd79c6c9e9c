import type { Role } from '@vi/db';
import { checkParticipantLocale, overridableSource, validateTranslationOverride } from '@vi/domain';
import { requireOrganizationId } from '../authorization.ts';
import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { prisma } from '../database.ts';
import { throwValidation, validationError } from '../errors.ts';
import { auditWrites } from '../outreach/outreach-audit.ts';

/**
 * The lead replaces a participant-facing translation without a code change (issue 14): one row per
 * organisation, language and catalogue key, laid over the built-in catalogue when the participant
 * page loads (ParticipantForm.textOverrides). The project lead and the administrator keep them;
 * every change is audited with the text before and after (wording, not personal data). The keys are
 * the catalogue's and the outreach survey page's own sentences (domain overridableSource); the
 * staff apps' translation screen (packages/ui translation-editor.tsx) edits them.
 */
export const TRANSLATION_EDITOR_ROLES = ['PROJECT_LEAD', 'ADMIN'] as const satisfies readonly Role[];

type OverrideShape = { locale: string; key: string; text: string; source: string; updatedAt: Date };

export const TranslationOverrideRef = builder.objectRef<OverrideShape>('TranslationOverride').implement({
  description: "One of the organisation's replacements of a built-in participant text.",
  authScopes: { role: TRANSLATION_EDITOR_ROLES },
  fields: (t) => ({
    locale: t.exposeString('locale', { nullable: false }),
    key: t.exposeString('key', {
      nullable: false,
      description: "A key of the domain's participant catalogue.",
    }),
    text: t.exposeString('text', {
      nullable: false,
      description: 'ICU message shown instead of the built-in text.',
    }),
    source: t.exposeString('source', {
      nullable: false,
      description: 'The built-in Danish text it replaces the translation of, for the editor to compare.',
    }),
    updatedAt: t.expose('updatedAt', { nullable: false, type: 'DateTime' }),
  }),
});

/** An organisation's overrides, optionally for one language, ordered by language and key. */
export async function overridesOf(organizationId: string, locale?: string): Promise<OverrideShape[]> {
  const rows = await prisma().translationOverride.findMany({
    where: { organizationId, ...(locale ? { locale } : {}) },
    select: { locale: true, key: true, text: true, updatedAt: true },
    orderBy: [{ locale: 'asc' }, { key: 'asc' }],
  });
  const source = overridableSource();
  // A key the catalogue no longer has is kept (the lead may want it back) but never shown.
  return rows
    .filter((row) => source.has(row.key))
    .map((row) => ({ ...row, source: source.get(row.key)?.da ?? '' }));
}

type PublicOverride = { requestId: string; key: string; text: string };

/** What the participant page reads (ParticipantForm.textOverrides): the key and text, nothing about who wrote it. */
export const ParticipantTextOverrideRef = builder
  .objectRef<PublicOverride>('ParticipantTextOverride')
  .implement({
    description: 'A text of the participant page as the organisation worded it, laid over the built-in one.',
    // Built only for the link presented in this very request, like the ParticipantForm it hangs on.
    authScopes: (override, context) => override.requestId === context.requestId,
    fields: (t) => ({
      key: t.exposeString('key', { nullable: false }),
      text: t.exposeString('text', { nullable: false }),
    }),
  });

/** An organisation's overrides for one language, for the participant page of a link of that organisation. */
export async function participantTextOverrides(
  context: GatewayContext,
  organizationId: string,
  locale: string,
): Promise<PublicOverride[]> {
  throwValidation(checkParticipantLocale('locale', locale));
  const rows = await overridesOf(organizationId, locale);
  return rows.map(({ key, text }) => ({ requestId: context.requestId, key, text }));
}

builder.queryField('translationOverrides', (t) =>
  t.field({
    nullable: false,
    type: [TranslationOverrideRef],
    description:
      "The active organisation's replacements of built-in participant texts (all languages, or one).",
    authScopes: { role: TRANSLATION_EDITOR_ROLES },
    args: { locale: t.arg.string({ required: false }) },
    resolve: async (_root, { locale }, context) => {
      const organizationId = requireOrganizationId(context);
      if (locale != null) throwValidation(checkParticipantLocale('locale', locale));
      return overridesOf(organizationId, locale ?? undefined);
    },
  }),
);

const TranslationOverrideInput = builder.inputType('TranslationOverrideInput', {
  fields: (t) => ({
    locale: t.string({
      required: true,
      description: 'One of the offered participant languages (da, en, ar, …).',
    }),
    key: t.string({ required: true, description: "A key of the domain's participant catalogue." }),
    text: t.string({
      required: true,
      description: 'An ICU message using exactly the placeholders of the Danish source text.',
    }),
  }),
});

async function save(context: GatewayContext, input: { locale: string; key: string; text: string }) {
  const organizationId = requireOrganizationId(context);
  const checked = validateTranslationOverride(input);
  if (!checked.ok) throw validationError(checked.errors);
  const { locale, key, text } = checked;
  await prisma().$transaction(async (tx) => {
    const existing = await tx.translationOverride.findUnique({
      where: { organizationId_locale_key: { organizationId, locale, key } },
      select: { id: true, text: true },
    });
    if (existing?.text === text) return;
    const saved = await tx.translationOverride.upsert({
      where: { organizationId_locale_key: { organizationId, locale, key } },
      create: { organizationId, locale, key, text, updatedById: context.user?.id ?? null },
      update: { text, updatedById: context.user?.id ?? null },
      select: { id: true },
    });
    await auditWrites(tx, context, [
      {
        action: existing ? 'UPDATE' : 'CREATE',
        entity: 'TranslationOverride',
        entityId: saved.id,
        // Wording for a form, not data about a person: kept whole so the trail shows what changed.
        detail: existing ? { locale, key, before: existing.text, after: text } : { locale, key, after: text },
      },
    ]);
  });
  return overridesOf(organizationId, locale);
}

builder.mutationField('saveTranslationOverride', (t) =>
  t.field({
    nullable: false,
    type: [TranslationOverrideRef],
    description:
      "Replaces one built-in participant text in one language for the active organisation (checked: an offered language, a catalogue key, ICU that parses, the source's placeholders); audited. Returns the language's overrides.",
    authScopes: { role: TRANSLATION_EDITOR_ROLES },
    args: { input: t.arg({ type: TranslationOverrideInput, required: true }) },
    resolve: (_root, { input }, context) => save(context, input),
  }),
);

builder.mutationField('deleteTranslationOverride', (t) =>
  t.field({
    nullable: false,
    type: [TranslationOverrideRef],
    description:
      'Goes back to the built-in text for one key and language (nothing happens when there is no override); audited. Returns the language’s overrides.',
    authScopes: { role: TRANSLATION_EDITOR_ROLES },
    args: { locale: t.arg.string({ required: true }), key: t.arg.string({ required: true }) },
    resolve: async (_root, { locale, key }, context) => {
      const organizationId = requireOrganizationId(context);
      throwValidation(checkParticipantLocale('locale', locale));
      await prisma().$transaction(async (tx) => {
        const existing = await tx.translationOverride.findUnique({
          where: { organizationId_locale_key: { organizationId, locale, key } },
          select: { id: true, text: true },
        });
        if (!existing) return;
        await tx.translationOverride.delete({ where: { id: existing.id } });
        await auditWrites(tx, context, [
          {
            action: 'DELETE',
            entity: 'TranslationOverride',
            entityId: existing.id,
            detail: { locale, key, before: existing.text },
          },
        ]);
      });
      return overridesOf(organizationId, locale);
    },
  }),
);

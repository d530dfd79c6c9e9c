import { PARTICIPANT_FORM_KINDS, type ParticipantFormKind } from '../courses/form-link.ts';
import type { Label } from '../labels.ts';
import {
  QUESTIONNAIRES,
  type QuestionnaireDefinition,
  type QuestionnaireItem,
  type QuestionnaireOption,
} from '../questionnaires.ts';
import { itemKey, optionKey, rowKey, sectionKey } from './participant-source.ts';

/**
 * A participant form with every text in the participant's language, for the existing renderer
 * (packages/ui/src/questionnaire), which reads `label[locale]` for a staff locale (da or en): each
 * Label here holds the chosen language's text in both slots, so the renderer shows it whichever of
 * the two it is set to. Ids, answer codes, values, conditions and limits are the definition's own,
 * so answers validate and store exactly as in Danish.
 *
 * `text(key, fallback)` is the participant catalogue's formatter (participant-i18n.ts in the UI);
 * `fallback` is the definition's own Label for keys it does not know.
 */
export function localizeQuestionnaire(
  kind: ParticipantFormKind,
  text: (key: string) => string | undefined,
): QuestionnaireDefinition {
  if (!PARTICIPANT_FORM_KINDS.includes(kind)) throw new RangeError(`Not a participant form: ${kind}`);
  const form = QUESTIONNAIRES[kind];
  const t = (key: string, fallback: Label): Label => {
    const found = text(key);
    return found === undefined || found === '' ? fallback : { da: found, en: found };
  };
  const option = <T extends QuestionnaireOption>(item: QuestionnaireItem, o: T): T => ({
    ...o,
    label: t(optionKey(item, o.code), o.label),
  });
  const localizeItem = (item: QuestionnaireItem): QuestionnaireItem => {
    const base = itemKey(kind, item.id);
    const common = {
      label: t(`${base}.label`, item.label),
      ...(item.help ? { help: t(`${base}.help`, item.help) } : {}),
    };
    switch (item.kind) {
      case 'single':
      case 'multi':
        return { ...item, ...common, options: item.options.map((o) => option(item, o)) };
      case 'likert':
        return { ...item, ...common, options: item.options.map((o) => option(item, o)) };
      case 'grid':
        return {
          ...item,
          ...common,
          rows: item.rows.map((row) => ({
            ...row,
            label: t(rowKey(item, row.code), row.label),
            ...(row.example ? { example: t(`${rowKey(item, row.code)}.example`, row.example) } : {}),
          })),
          options: item.options.map((o) => option(item, o)),
        };
      default:
        return { ...item, ...common };
    }
  };
  return {
    ...form,
    title: t(`form.${kind}.title`, form.title),
    intro: t(`form.${kind}.intro`, form.intro),
    ...(form.privacyNotice ? { privacyNotice: t('form.privacyNotice', form.privacyNotice) } : {}),
    ...(form.closing ? { closing: t(`form.${kind}.closing`, form.closing) } : {}),
    sections: form.sections.map((section) => {
      const key = sectionKey(kind, section.id);
      return {
        ...section,
        title: t(`${key}.title`, section.title),
        ...(section.intro ? { intro: t(`${key}.intro`, section.intro) } : {}),
        items: section.items.map(localizeItem),
      };
    }),
  };
}

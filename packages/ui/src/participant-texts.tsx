import {
  type FieldError,
  findItem,
  localizeQuestionnaire,
  PARTICIPANT_FORM_KINDS,
  type ParticipantFormKind,
  QUESTIONNAIRES,
  type QuestionnaireDefinition,
  type QuestionnaireKind,
} from '@vi/domain';
import { createContext, type ReactNode, useCallback, useContext, useMemo } from 'react';
import type { MessageParams } from './catalogue.ts';
import { useLocalized, useT } from './locale.tsx';
import type { ParticipantMessages } from './participant-i18n.ts';
import { questionnaireMessages } from './questionnaire/questionnaire-messages.ts';

/**
 * How the questionnaire renderer gets its texts in a participant's language (issue 14) without
 * knowing about nine languages: the participant page wraps the form in <ParticipantTexts>, and the
 * renderer asks these hooks instead of QUESTIONNAIRES[kind] and useT(questionnaireMessages).
 * Without the provider (staff screens, the registration form) the hooks give exactly what the
 * renderer used before, in Danish or English.
 */
const ParticipantTextsContext = createContext<ParticipantMessages | null>(null);

export function ParticipantTexts({
  messages,
  children,
}: {
  messages: ParticipantMessages;
  children: ReactNode;
}) {
  return <ParticipantTextsContext.Provider value={messages}>{children}</ParticipantTextsContext.Provider>;
}

function isParticipantForm(kind: QuestionnaireKind): kind is ParticipantFormKind {
  return (PARTICIPANT_FORM_KINDS as readonly string[]).includes(kind);
}

/** The form's definition, its texts in the participant's language inside <ParticipantTexts>. */
export function useQuestionnaireDefinition(kind: QuestionnaireKind): QuestionnaireDefinition {
  const messages = useContext(ParticipantTextsContext);
  return useMemo(() => {
    if (!messages || !isParticipantForm(kind)) return QUESTIONNAIRES[kind];
    return localizeQuestionnaire(kind, (key) => {
      const formatted = messages.format(key);
      return formatted === key ? undefined : formatted;
    });
  }, [messages, kind]);
}

type QuestionnaireKey = keyof (typeof questionnaireMessages)['da'];

/** The renderer's own texts ("Næste", "Side x af y", …) in the participant's language. */
export function useQuestionnaireT(): (key: QuestionnaireKey, params?: MessageParams) => string {
  const messages = useContext(ParticipantTextsContext);
  const staff = useT(questionnaireMessages);
  return useCallback(
    (key: QuestionnaireKey, params?: MessageParams) =>
      messages ? messages.format(key, params) : staff(key, params),
    [messages, staff],
  );
}

/**
 * A field error's sentence in the participant's language: the catalogue's `fieldError.<code>`
 * with the item's limits filled in, or the error's own Danish/English message for codes the
 * catalogue does not word (they concern broken input, not a person's answers).
 */
export function useFieldErrorText(kind: QuestionnaireKind): (error: FieldError) => string {
  const messages = useContext(ParticipantTextsContext);
  const text = useLocalized();
  return useCallback(
    (error: FieldError) => {
      if (!messages) return text(error.message);
      const key = `fieldError.${error.code}`;
      const item = findItem(kind, error.field.split('.')[0] ?? '');
      const params: Record<string, string | number> = {};
      if (item?.kind === 'integer') Object.assign(params, { min: item.min, max: item.max });
      if (item?.kind === 'text') params.maxLength = item.maxLength;
      if (error.code === 'EXCLUSIVE_OPTION' && item && 'options' in item) {
        const exclusive = item.options.find((o) => o.exclusive);
        if (exclusive) params.option = messages.format(`option.${item.id}.${exclusive.code}`);
      }
      const formatted = messages.format(key, params);
      return formatted === key ? text(error.message) : formatted;
    },
    [messages, text, kind],
  );
}

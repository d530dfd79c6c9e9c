import {
  type Answers,
  PARTICIPANT_PRIVACY_NOTICE,
  QUESTIONNAIRES,
  type QuestionnaireKind,
  validateAnswers,
} from '@vi/domain';
import { type FormEvent, useRef, useState } from 'react';
import type { FieldError } from '../graphql-errors.ts';
import { useLocalized, useT } from '../locale.tsx';
import type { DraftAnswers } from './answers-state.ts';
import { QuestionnaireFields } from './questionnaire-fields.tsx';
import { questionnaireMessages } from './questionnaire-messages.ts';

export type QuestionnaireFormProps = {
  kind: QuestionnaireKind;
  /** Called with answers the domain has accepted; resolve with the server's field errors, if any. */
  onSubmit: (answers: Answers) => Promise<readonly FieldError[] | undefined>;
  submitting?: boolean;
  idPrefix?: string;
};

/**
 * A whole questionnaire for the person answering it: title, introduction, who can see the answers
 * (participant forms), the questions and a send button. Answers are checked with the same domain rule
 * the gateway applies before anything is sent; the first problem gets focus through a summary.
 */
export function QuestionnaireForm({
  kind,
  onSubmit,
  submitting = false,
  idPrefix = 'q',
}: QuestionnaireFormProps) {
  const t = useT(questionnaireMessages);
  const text = useLocalized();
  const definition = QUESTIONNAIRES[kind];
  const [answers, setAnswers] = useState<DraftAnswers>({});
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const notice =
    definition.privacyNotice ?? (definition.filledBy === 'PARTICIPANT' ? PARTICIPANT_PRIVACY_NOTICE : null);

  function showErrors(found: readonly FieldError[]) {
    setErrors(found);
    // Wait for the summary to render, then move focus to it (WCAG 3.3.1: errors are announced).
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validateAnswers(kind, answers);
    if (!checked.ok) {
      showErrors(checked.errors);
      return;
    }
    setErrors([]);
    const serverErrors = await onSubmit(checked.answers);
    if (serverErrors && serverErrors.length > 0) showErrors(serverErrors);
  }

  return (
    <form className="vi-q-form" noValidate onSubmit={submit} aria-labelledby={`${idPrefix}-title`}>
      <h1 id={`${idPrefix}-title`}>{text(definition.title)}</h1>
      <p>{text(definition.intro)}</p>
      {notice ? (
        <aside className="vi-q-notice" aria-labelledby={`${idPrefix}-notice`}>
          <h2 id={`${idPrefix}-notice`}>{t('questionnaire.whoSees')}</h2>
          <p>{text(notice)}</p>
        </aside>
      ) : null}
      <div
        ref={summaryRef}
        tabIndex={-1}
        className="vi-form-message"
        role={errors.length > 0 ? 'alert' : undefined}
      >
        {errors.length > 0 ? t('questionnaire.fixFields') : null}
      </div>
      <QuestionnaireFields
        kind={kind}
        answers={answers}
        onAnswersChange={setAnswers}
        errors={errors}
        idPrefix={idPrefix}
      />
      {definition.closing ? <p>{text(definition.closing)}</p> : null}
      <button type="submit" className="vi-button vi-button--primary vi-q-submit" disabled={submitting}>
        {submitting ? t('questionnaire.submitting') : t('questionnaire.submit')}
      </button>
    </form>
  );
}

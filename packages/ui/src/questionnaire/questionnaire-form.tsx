import {
  type Answers,
  PARTICIPANT_PRIVACY_NOTICE,
  type QuestionnaireKind,
  validateAnswers,
} from '@vi/domain';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { FieldError } from '../graphql-errors.ts';
import { useLocalized } from '../locale.tsx';
import { useFieldErrorText, useQuestionnaireDefinition, useQuestionnaireT } from '../participant-texts.tsx';
import type { DraftAnswers } from './answers-state.ts';
import { ErrorSummary } from './error-summary.tsx';
import { QuestionnaireFields } from './questionnaire-fields.tsx';
import { clampPage, errorsOnPage, firstPageWithErrors, pagesOf } from './questionnaire-pages.ts';

/** Answers given so far and the page the person is on: what a caller may keep as a draft. */
export type QuestionnaireDraft = { answers: DraftAnswers; page: number };

export type QuestionnaireFormProps = {
  kind: QuestionnaireKind;
  /** Called with answers the domain has accepted; resolve with the server's field errors, if any. */
  onSubmit: (answers: Answers) => Promise<readonly FieldError[] | undefined>;
  submitting?: boolean;
  idPrefix?: string;
  /** Where to start: a draft kept from before (e.g. before a reload). */
  initialDraft?: QuestionnaireDraft;
  /** Told of every change of answers or page, so the caller can keep a draft. */
  onDraftChange?: (draft: QuestionnaireDraft) => void;
};

/**
 * A whole questionnaire for the person answering it, one section a page ("Side 2 af 5"): title,
 * introduction and who can see the answers on the first page, back and next without losing
 * answers, and "Send svar" on the last. The form follows Det Fælles Designsystem's patterns
 * (one question per fieldset, an error summary linking to the questions, large touch targets)
 * without its package (dkfds 11.2.0): its stylesheet is 215 kB minified plus fonts and icons, and it
 * styles the whole document (body, headings, buttons, forms), while the participant page is part of
 * the group-course app, whose staff screens share this app's own stylesheet; its script (77 kB
 * minified) would add to an initial JavaScript the gateway's test holds under 150 kB compressed.
 *
 * "Næste" checks the page's answers with the same domain rule the gateway applies (all answers
 * are checked, only this page's problems stop it); "Send svar" checks everything and, if a
 * problem is on another page, goes there. Problems are shown on the page that has them.
 */
export function QuestionnaireForm({
  kind,
  onSubmit,
  submitting = false,
  idPrefix = 'q',
  initialDraft,
  onDraftChange,
}: QuestionnaireFormProps) {
  const t = useQuestionnaireT();
  const text = useLocalized();
  // In the participant's language inside <ParticipantTexts> (participant-texts.tsx), else as before.
  const definition = useQuestionnaireDefinition(kind);
  const errorText = useFieldErrorText(kind);
  const pages = useMemo(() => pagesOf(kind), [kind]);
  const [answers, setAnswers] = useState<DraftAnswers>(() => initialDraft?.answers ?? {});
  const [page, setPage] = useState(() => clampPage(initialDraft?.page, pages.length));
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const progressRef = useRef<HTMLParagraphElement>(null);
  const movedTo = useRef<'summary' | 'page' | null>(null);
  const notice =
    definition.privacyNotice ?? (definition.filledBy === 'PARTICIPANT' ? PARTICIPANT_PRIVACY_NOTICE : null);
  const last = page === pages.length - 1;
  // Each error's sentence in the form's language, in both slots so every child shows it as it is.
  const shownErrors = errorsOnPage(pages, page, errors).map((error) => {
    const sentence = errorText(error);
    return { ...error, message: { da: sentence, en: sentence } };
  });
  const current = pages[page];

  useEffect(() => {
    onDraftChange?.({ answers, page });
  }, [answers, page, onDraftChange]);

  // After a page change or a refused page, move focus once the new content is rendered: to the
  // error summary (WCAG 3.3.1, the problems are read out) or to "Side x af y" at the new page's
  // top, so neither a screen reader nor a thumb is left at the bottom of a page that is gone.
  useEffect(() => {
    const target = movedTo.current;
    if (!target) return;
    movedTo.current = null;
    const element = target === 'summary' ? summaryRef.current : progressRef.current;
    element?.focus({ preventScroll: true });
    element?.scrollIntoView({ block: 'start' });
  });

  function goTo(next: number, found: readonly FieldError[]) {
    setErrors(found);
    setPage(next);
    movedTo.current = errorsOnPage(pages, next, found).length > 0 ? 'summary' : 'page';
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (submitting) return;
    const checked = validateAnswers(kind, answers);
    const found = checked.ok ? [] : checked.errors;
    if (!last) {
      const here = errorsOnPage(pages, page, found);
      if (here.length > 0) goTo(page, here);
      else goTo(page + 1, []);
      return;
    }
    if (!checked.ok) {
      const first = firstPageWithErrors(pages, found);
      goTo(first >= 0 ? first : page, found);
      return;
    }
    setErrors([]);
    const serverErrors = await onSubmit(checked.answers);
    if (serverErrors && serverErrors.length > 0) {
      const first = firstPageWithErrors(pages, serverErrors);
      goTo(first >= 0 ? first : page, serverErrors);
    }
  }

  return (
    <form className="vi-q-form" noValidate onSubmit={submit} aria-labelledby={`${idPrefix}-title`}>
      <h1 id={`${idPrefix}-title`}>{text(definition.title)}</h1>
      <p ref={progressRef} tabIndex={-1} className="vi-q-progress" id={`${idPrefix}-progress`}>
        {t('questionnaire.page', { page: page + 1, pages: pages.length })}
      </p>
      {page === 0 ? (
        <>
          <p>{text(definition.intro)}</p>
          {notice ? (
            <aside className="vi-q-notice" aria-labelledby={`${idPrefix}-notice`}>
              <h2 id={`${idPrefix}-notice`}>{t('questionnaire.whoSees')}</h2>
              <p>{text(notice)}</p>
            </aside>
          ) : null}
        </>
      ) : null}
      <ErrorSummary ref={summaryRef} kind={kind} errors={shownErrors} idPrefix={idPrefix} />
      <QuestionnaireFields
        kind={kind}
        answers={answers}
        onAnswersChange={setAnswers}
        errors={shownErrors}
        idPrefix={idPrefix}
        sectionIds={current ? [current.sectionId] : []}
      />
      {last && definition.closing ? <p>{text(definition.closing)}</p> : null}
      <div className="vi-q-nav">
        {page > 0 ? (
          <button
            type="button"
            className="vi-button vi-q-back"
            disabled={submitting}
            onClick={() => goTo(page - 1, errors)}
          >
            {t('questionnaire.back')}
          </button>
        ) : null}
        <button type="submit" className="vi-button vi-button--primary vi-q-submit" disabled={submitting}>
          {last
            ? submitting
              ? t('questionnaire.submitting')
              : t('questionnaire.submit')
            : t('questionnaire.next')}
        </button>
      </div>
    </form>
  );
}

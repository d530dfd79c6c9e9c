import type { QuestionnaireKind } from '@vi/domain';
import { forwardRef } from 'react';
import type { FieldError } from '../graphql-errors.ts';
import { useLocalized } from '../locale.tsx';
import { useQuestionnaireDefinition, useQuestionnaireT } from '../participant-texts.tsx';
import { itemOfError } from './questionnaire-pages.ts';

/** The id QuestionnaireFields gives the question (or grid row) an error names. */
function targetId(idPrefix: string, error: FieldError): string {
  const field = error.field.startsWith('answers.') ? error.field.slice('answers.'.length) : error.field;
  return `${idPrefix}-${field.replace('.', '-')}`;
}

/** Moves focus to the question's own control, as a label click would, and brings it into view. */
function focusQuestion(id: string): boolean {
  const target = document.getElementById(id);
  if (!target) return false;
  const control =
    target.matches('input, textarea, select') || !target.querySelector('input, textarea, select')
      ? target
      : target.querySelector<HTMLElement>('input:checked, input, textarea, select');
  target.scrollIntoView({ block: 'center' });
  (control ?? target).focus({ preventScroll: true });
  return true;
}

/**
 * The problems on this page, at its top, each a link to its question (Det Fælles Designsystem's
 * error summary, GOV.UK's pattern): focus lands here when a page is refused, so a screen reader
 * reads what to fix, and one tap takes the person to the question. The messages stay at the
 * questions too.
 */
export const ErrorSummary = forwardRef<
  HTMLDivElement,
  { kind: QuestionnaireKind; errors: readonly FieldError[]; idPrefix: string }
>(function ErrorSummary({ kind, errors, idPrefix }, ref) {
  const t = useQuestionnaireT();
  const text = useLocalized();
  const items = useQuestionnaireDefinition(kind).sections.flatMap((section) => section.items);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className="vi-q-error-summary"
      role={errors.length > 0 ? 'alert' : undefined}
    >
      {errors.length > 0 ? (
        <>
          <h2 id={`${idPrefix}-error-summary`}>{t('questionnaire.summaryHeading')}</h2>
          <p>{t('questionnaire.fixFields')}</p>
          <ul>
            {errors.map((error) => {
              const item = items.find((it) => it.id === itemOfError(error));
              const id = targetId(idPrefix, error);
              return (
                <li key={`${error.field}:${error.code}`}>
                  <a
                    href={`#${id}`}
                    onClick={(event) => {
                      if (focusQuestion(id)) event.preventDefault();
                    }}
                  >
                    {item ? `${text(item.label)} – ` : ''}
                    {text(error.message)}
                  </a>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </div>
  );
});

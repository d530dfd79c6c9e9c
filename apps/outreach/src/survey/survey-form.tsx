import {
  type Answers,
  type AnswerValue,
  checkOutreachSurvey,
  type FieldError,
  isItemRequired,
  isItemShown,
  OUTREACH_SURVEY,
  outreachSurveyQuestionnaireItems,
  type SurveyItem,
  surveyOptionKey,
  validateItemAnswers,
} from '@vi/domain';
import { type DraftAnswers, errorsForItem, toggleOption, withAnswer, withoutHiddenAnswers } from '@vi/ui';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { fieldErrorText, itemLabel, type SurveyTexts } from './survey-texts.ts';

/**
 * The survey, one section a page, in the person's language. Not packages/ui's QuestionnaireForm:
 * that one renders the three Bilag 1 forms by kind in Danish and English, while this survey is its
 * own definition (OUTREACH_SURVEY) read in nine languages. It follows the same pattern: "Næste"
 * checks this page with the rule the gateway applies (checkOutreachSurvey), an error summary at
 * the top links to each question, focus moves to the summary or to "Side x af y".
 */

const ITEMS = outreachSurveyQuestionnaireItems();
const PAGES = OUTREACH_SURVEY.sections;

function itemIdOf(error: FieldError): string {
  const field = error.field.startsWith('answers.') ? error.field.slice('answers.'.length) : error.field;
  return field.split('.')[0] ?? field;
}

function pageOfItem(itemId: string): number {
  return PAGES.findIndex((section) => section.items.some((item) => item.id === itemId));
}

function errorsOnPage(page: number, errors: readonly FieldError[]): FieldError[] {
  return errors.filter((error) => pageOfItem(itemIdOf(error)) === page);
}

const isShown = (item: { showWhen?: unknown }, answers: DraftAnswers) =>
  isItemShown(item as SurveyItem, answers as Answers);

/** The answers as they would be sent, and every problem with them (empty when they may be sent). */
export function checkSurveyAnswers(
  language: string,
  draft: DraftAnswers,
): { answers: Answers; errors: FieldError[] } {
  const visible = withoutHiddenAnswers(ITEMS, draft, isShown);
  const checked = checkOutreachSurvey(language, visible);
  const items = validateItemAnswers(ITEMS, visible);
  return { answers: items.ok ? items.answers : visible, errors: checked.ok ? [] : checked.errors };
}

const inputId = (itemId: string) => `survey-${itemId}`;

type ItemProps = {
  item: SurveyItem;
  texts: SurveyTexts;
  value: AnswerValue | undefined;
  errors: readonly FieldError[];
  required: boolean;
  onChange: (value: AnswerValue | undefined) => void;
};

function ItemErrors({
  id,
  texts,
  item,
  errors,
}: { id: string; texts: SurveyTexts } & Pick<ItemProps, 'item' | 'errors'>) {
  if (errors.length === 0) return null;
  return (
    <ul id={id} className="vi-field-errors">
      {errors.map((error) => (
        <li key={error.code}>{fieldErrorText(texts, error, item as { id: string; maxLength?: number })}</li>
      ))}
    </ul>
  );
}

function Marker({ texts, required }: { texts: SurveyTexts; required: boolean }) {
  return (
    <span className="survey-marker">
      {' '}
      ({required ? texts.chrome('questionnaire.required') : texts.chrome('questionnaire.optional')})
    </span>
  );
}

function ChoiceItem({ item, texts, value, errors, required, onChange }: ItemProps) {
  const id = inputId(item.id);
  const invalid = errors.length > 0;
  const help = item.help ? texts.survey(`survey.item.${item.id}.help`) : null;
  if (item.kind === 'text') return null;
  const multi = item.kind === 'multi';
  const selected = Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : [];
  const describedBy = [help ? `${id}-help` : '', invalid ? `${id}-errors` : ''].filter(Boolean).join(' ');
  return (
    <fieldset
      id={id}
      className={invalid ? 'vi-q-item vi-q-item--invalid' : 'vi-q-item'}
      aria-describedby={describedBy || undefined}
    >
      <legend className="vi-q-legend">
        {itemLabel(texts, item.id)}
        <Marker texts={texts} required={required} />
      </legend>
      {help ? (
        <p id={`${id}-help`} className="vi-q-help">
          {help}
        </p>
      ) : null}
      <div className="vi-q-options">
        {item.options.map((option) => (
          <label key={option.code} className="vi-q-option">
            <input
              type={multi ? 'checkbox' : 'radio'}
              name={id}
              value={option.code}
              checked={selected.includes(option.code)}
              aria-invalid={invalid || undefined}
              onChange={(event) => {
                if (item.kind === 'multi')
                  onChange(toggleOption(item, selected, option.code, event.target.checked));
                else onChange(option.code);
              }}
            />
            <span>{texts.survey(surveyOptionKey(item.id, option.code))}</span>
          </label>
        ))}
        {!multi && selected.length > 0 && !required ? (
          <button type="button" className="vi-q-clear" onClick={() => onChange(undefined)}>
            {texts.chrome('questionnaire.clearChoice')}
          </button>
        ) : null}
      </div>
      <ItemErrors id={`${id}-errors`} texts={texts} item={item} errors={errors} />
    </fieldset>
  );
}

/** The follow-up contact reads left to right also in an Arabic page (digits, +45, an address). */
const CONTACT_INPUTS: Readonly<Record<string, { type: string; autoComplete: string }>> = {
  follow_up_phone: { type: 'tel', autoComplete: 'tel' },
  follow_up_email: { type: 'email', autoComplete: 'email' },
};

function TextItem({ item, texts, value, errors, required, onChange }: ItemProps) {
  if (item.kind !== 'text') return null;
  const id = inputId(item.id);
  const invalid = errors.length > 0;
  const contact = CONTACT_INPUTS[item.id];
  const common = {
    id,
    value: typeof value === 'string' ? value : '',
    maxLength: item.maxLength,
    'aria-invalid': invalid || undefined,
    'aria-describedby': invalid ? `${id}-errors` : undefined,
    'aria-required': required || undefined,
  };
  return (
    <div className={invalid ? 'vi-q-item vi-q-item--invalid' : 'vi-q-item'}>
      <label htmlFor={id} className="vi-q-legend">
        {itemLabel(texts, item.id)}
        <Marker texts={texts} required={required} />
      </label>
      {item.multiline ? (
        <textarea {...common} rows={4} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input
          {...common}
          type={contact?.type ?? 'text'}
          dir={contact ? 'ltr' : undefined}
          autoComplete={contact?.autoComplete ?? 'off'}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      <ItemErrors id={`${id}-errors`} texts={texts} item={item} errors={errors} />
    </div>
  );
}

export type SurveyFormDraft = { answers: DraftAnswers; page: number };

export type SurveyFormProps = {
  texts: SurveyTexts;
  /** Shown on the first page under the introduction ("Linket virker til og med …"). */
  expiryNote: string;
  initialDraft?: SurveyFormDraft;
  onDraftChange?: (draft: SurveyFormDraft) => void;
  submitting: boolean;
  /** Answers the domain accepted; resolves with the gateway's field errors, if any. */
  onSubmit: (answers: Answers) => Promise<readonly FieldError[] | undefined>;
};

export function SurveyForm({
  texts,
  expiryNote,
  initialDraft,
  onDraftChange,
  submitting,
  onSubmit,
}: SurveyFormProps) {
  const [answers, setAnswers] = useState<DraftAnswers>(() => initialDraft?.answers ?? {});
  const [page, setPage] = useState(() =>
    Math.min(Math.max(0, Math.trunc(initialDraft?.page ?? 0)), PAGES.length - 1),
  );
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const progressRef = useRef<HTMLParagraphElement>(null);
  const movedTo = useRef<'summary' | 'page' | null>(null);
  const last = page === PAGES.length - 1;
  const section = PAGES[page] ?? (PAGES[0] as (typeof PAGES)[number]);
  const shown = errorsOnPage(page, errors);

  useEffect(() => {
    onDraftChange?.({ answers, page });
  }, [answers, page, onDraftChange]);

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
    movedTo.current = errorsOnPage(next, found).length > 0 ? 'summary' : 'page';
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (submitting) return;
    const checked = checkSurveyAnswers(texts.locale, answers);
    if (!last) {
      const here = errorsOnPage(page, checked.errors);
      goTo(here.length > 0 ? page : page + 1, here);
      return;
    }
    if (checked.errors.length > 0) {
      const first = Math.min(...checked.errors.map((e) => pageOfItem(itemIdOf(e))).filter((p) => p >= 0));
      goTo(Number.isFinite(first) ? first : page, checked.errors);
      return;
    }
    setErrors([]);
    const serverErrors = await onSubmit(checked.answers);
    if (serverErrors && serverErrors.length > 0) {
      const pages = serverErrors.map((e) => pageOfItem(itemIdOf(e))).filter((p) => p >= 0);
      goTo(pages.length > 0 ? Math.min(...pages) : page, serverErrors);
    }
  }

  const titleId = 'survey-title';
  return (
    <form className="vi-q-form survey-form" noValidate onSubmit={submit} aria-labelledby={titleId}>
      <h1 id={titleId}>{texts.survey('survey.title')}</h1>
      <p ref={progressRef} tabIndex={-1} className="vi-q-progress">
        {texts.chrome('questionnaire.page', { page: page + 1, pages: PAGES.length })}
      </p>
      {page === 0 ? (
        <>
          <p>{texts.survey('survey.intro')}</p>
          <p>{expiryNote}</p>
          <aside className="vi-q-notice survey-notice" aria-labelledby="survey-notice">
            <h2 id="survey-notice">{texts.chrome('questionnaire.whoSees')}</h2>
            <p>{texts.survey('survey.privacyNotice')}</p>
          </aside>
        </>
      ) : null}
      <div
        ref={summaryRef}
        tabIndex={-1}
        className="vi-q-error-summary"
        role={shown.length > 0 ? 'alert' : undefined}
      >
        {shown.length > 0 ? (
          <>
            <h2>{texts.chrome('questionnaire.summaryHeading')}</h2>
            <p>{texts.chrome('questionnaire.problemCount', { count: shown.length })}</p>
            <ul>
              {shown.map((error) => {
                const itemId = itemIdOf(error);
                const item = ITEMS.find((it) => it.id === itemId);
                return (
                  <li key={`${error.field}:${error.code}`}>
                    <a
                      href={`#${inputId(itemId)}`}
                      onClick={(event) => {
                        const target = document.getElementById(inputId(itemId));
                        if (!target) return;
                        event.preventDefault();
                        const control = target.matches('input, textarea')
                          ? target
                          : target.querySelector<HTMLElement>('input:checked, input');
                        target.scrollIntoView({ block: 'center' });
                        (control ?? target).focus({ preventScroll: true });
                      }}
                    >
                      {itemLabel(texts, itemId)}:{' '}
                      {fieldErrorText(texts, error, item as { id: string; maxLength?: number } | undefined)}
                    </a>
                  </li>
                );
              })}
            </ul>
          </>
        ) : null}
      </div>
      <section className="vi-q-section" aria-labelledby="survey-section-title">
        <h2 id="survey-section-title">{texts.survey(`survey.section.${section.id}.title`)}</h2>
        {section.intro ? <p>{texts.survey(`survey.section.${section.id}.intro`)}</p> : null}
        {section.items.map((item) => {
          if (!isItemShown(item, answers as Answers)) return null;
          const props: ItemProps = {
            item,
            texts,
            value: answers[item.id],
            errors: errorsForItem(shown, item.id),
            required: isItemRequired(item, answers as Answers),
            onChange: (value) =>
              setAnswers((current) =>
                withoutHiddenAnswers(ITEMS, withAnswer(current, item.id, value), isShown),
              ),
          };
          return item.kind === 'text' ? (
            <TextItem key={item.id} {...props} />
          ) : (
            <ChoiceItem key={item.id} {...props} />
          );
        })}
      </section>
      {last ? <p>{texts.survey('survey.closing')}</p> : null}
      <div className="vi-q-nav">
        {page > 0 ? (
          <button
            type="button"
            className="vi-button vi-q-back"
            disabled={submitting}
            onClick={() => goTo(page - 1, errors)}
          >
            {texts.chrome('questionnaire.back')}
          </button>
        ) : null}
        <button type="submit" className="vi-button vi-button--primary vi-q-submit" disabled={submitting}>
          {last
            ? submitting
              ? texts.chrome('questionnaire.submitting')
              : texts.chrome('questionnaire.submit')
            : texts.chrome('questionnaire.next')}
        </button>
      </div>
    </form>
  );
}

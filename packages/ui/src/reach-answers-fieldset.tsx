import {
  REACH_ANSWERS,
  REACH_HELP,
  REACH_LANGUAGES,
  REACH_QUESTIONS,
  type ReachAnswerCode,
  type ReachLanguageCode,
  type ReachQuestionField,
} from '@vi/domain';
import { useId } from 'react';
import { FieldErrors } from './field-errors.tsx';
import type { FieldError } from './graphql-errors.ts';
import { useLocalized } from './locale.tsx';
import './reach-answers-fieldset.css';

/**
 * The optional answers on who we reach (the national action plan's target groups), as the outreach
 * call screen and the intake registration form record them: collapsed by default, because staff
 * fill in only what the conversation already told them. null = not recorded.
 */
export type ReachAnswersValue = { preferredLanguage: ReachLanguageCode | null } & Record<
  ReachQuestionField,
  ReachAnswerCode | null
>;

export const EMPTY_REACH_ANSWERS: ReachAnswersValue = {
  preferredLanguage: null,
  interpreterNeeded: null,
  interpreterUsed: null,
  childrenAffected: null,
  sameSexRelationship: null,
  mutualViolence: null,
};

/** Stored answers (e.g. a GraphQL read, where fields may be missing) as a complete value. */
export function reachAnswersValue(
  stored: Partial<Record<keyof ReachAnswersValue, string | null>> | null | undefined,
): ReachAnswersValue {
  const value = { ...EMPTY_REACH_ANSWERS };
  if (!stored) return value;
  value.preferredLanguage = (stored.preferredLanguage ?? null) as ReachLanguageCode | null;
  for (const q of REACH_QUESTIONS) value[q.field] = (stored[q.field] ?? null) as ReachAnswerCode | null;
  return value;
}

export function hasReachAnswers(value: ReachAnswersValue): boolean {
  return Object.values(value).some((v) => v !== null);
}

const TEXT = {
  summary: { da: 'Hvem når vi? (valgfrit)', en: 'Who we reach (optional)' },
  language: { da: 'Foretrukket sprog', en: 'Preferred language' },
  notRecorded: { da: 'Ikke angivet', en: 'Not recorded' },
};

type Props = {
  value: ReachAnswersValue;
  onChange: (value: ReachAnswersValue) => void;
  /** Field errors of the form; those named `<prefix>.<field>` are shown at their field. */
  errors?: readonly FieldError[];
  prefix?: string;
  /** Open at first (e.g. when answers are already recorded, or a field has an error). */
  defaultOpen?: boolean;
  /** Stable ids (`<idPrefix>-preferredLanguage`, `<idPrefix>-<question>`) for an error summary's links. */
  idPrefix?: string;
};

export function ReachAnswersFieldset({
  value,
  onChange,
  errors = [],
  prefix = 'reach',
  defaultOpen,
  idPrefix,
}: Props) {
  const text = useLocalized();
  const generated = useId();
  const id = idPrefix ?? generated;
  const errorsOf = (field: string) => errors.filter((e) => e.field === `${prefix}.${field}`);
  const anyError = errors.some((e) => e.field.startsWith(`${prefix}.`));
  const languageErrors = errorsOf('preferredLanguage');
  return (
    <details className="vi-reach" open={defaultOpen || anyError || undefined}>
      <summary>{text(TEXT.summary)}</summary>
      <div className="vi-reach-body">
        <p className="vi-reach-help" id={`${id}-help`}>
          {text(REACH_HELP)}
        </p>
        <div className={languageErrors.length ? 'vi-field vi-field--invalid' : 'vi-field'}>
          <label htmlFor={`${id}-preferredLanguage`}>{text(TEXT.language)}</label>
          <select
            id={`${id}-preferredLanguage`}
            value={value.preferredLanguage ?? ''}
            onChange={(e) =>
              onChange({ ...value, preferredLanguage: (e.target.value || null) as ReachLanguageCode | null })
            }
            aria-invalid={languageErrors.length > 0 || undefined}
            aria-describedby={
              [`${id}-help`, languageErrors.length ? `${id}-preferredLanguage-errors` : '']
                .filter(Boolean)
                .join(' ') || undefined
            }
          >
            <option value="">{text(TEXT.notRecorded)}</option>
            {REACH_LANGUAGES.map((l) => (
              <option key={l.code} value={l.code}>
                {text(l.label)}
              </option>
            ))}
          </select>
          <FieldErrors id={`${id}-preferredLanguage-errors`} errors={languageErrors} />
        </div>
        {REACH_QUESTIONS.map((q) => {
          const fieldErrors = errorsOf(q.field);
          const name = `${id}-${q.field}`;
          const options = [
            ...REACH_ANSWERS.map((a) => ({ code: a.code as string, label: a.label })),
            { code: '', label: TEXT.notRecorded },
          ];
          return (
            <fieldset
              key={q.field}
              id={name}
              data-field={q.field}
              aria-describedby={fieldErrors.length ? `${name}-errors` : undefined}
            >
              <legend>{text(q.label)}</legend>
              <div className="vi-reach-options">
                {options.map((o) => (
                  <span key={o.code || 'none'} className="vi-reach-option">
                    <input
                      type="radio"
                      id={`${name}-${o.code || 'none'}`}
                      name={name}
                      value={o.code}
                      checked={(value[q.field] ?? '') === o.code}
                      onChange={() =>
                        onChange({ ...value, [q.field]: (o.code || null) as ReachAnswerCode | null })
                      }
                    />
                    <label htmlFor={`${name}-${o.code || 'none'}`}>{text(o.label)}</label>
                  </span>
                ))}
              </div>
              <FieldErrors id={`${name}-errors`} errors={fieldErrors} />
            </fieldset>
          );
        })}
      </div>
    </details>
  );
}

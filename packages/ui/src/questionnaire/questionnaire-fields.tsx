import {
  type Answers,
  isItemRequired,
  isItemShown,
  itemsOf,
  type QuestionnaireItem,
  type QuestionnaireKind,
} from '@vi/domain';
import { FieldErrors } from '../field-errors.tsx';
import type { FieldError } from '../graphql-errors.ts';
import { useLocalized } from '../locale.tsx';
import { useQuestionnaireDefinition, useQuestionnaireT } from '../participant-texts.tsx';
import {
  type DraftAnswers,
  errorsForItem,
  parseIntegerInput,
  toggleOption,
  withAnswer,
  withoutHiddenAnswers,
} from './answers-state.ts';
import './questionnaire.css';

export type QuestionnaireFieldsProps = {
  kind: QuestionnaireKind;
  answers: DraftAnswers;
  onAnswersChange: (answers: DraftAnswers) => void;
  /** Field errors from the domain's validateAnswers or the gateway (`answers.` prefix allowed). */
  errors?: readonly FieldError[];
  /** Makes ids unique when two forms share a page. */
  idPrefix?: string;
  /** Item ids not to render here (e.g. the registration's decision, filled in by the risk assessment). */
  omitItems?: readonly string[];
  /** Heading level of the section titles (the page's h1 is usually the form's title). */
  sectionHeadingLevel?: 2 | 3;
  /** Only these sections (one page of a paged form); all when left out. */
  sectionIds?: readonly string[];
};

type ItemProps = {
  item: QuestionnaireItem;
  id: string;
  answers: DraftAnswers;
  errors: FieldError[];
  required: boolean;
  onChange: (value: DraftAnswers[string] | undefined) => void;
  /** Text items that belong in one of this grid's rows ("Anden vold – skriv selv"), already wired. */
  rowTexts?: readonly ItemProps[];
};

function RequiredMark({ required }: { required: boolean }) {
  const t = useQuestionnaireT();
  return (
    <span className={required ? 'vi-q-required' : 'vi-q-optional'}>
      {' '}
      ({required ? t('questionnaire.required') : t('questionnaire.optional')})
    </span>
  );
}

/** aria-describedby for help and errors, only the ids that are rendered. */
function describedBy(id: string, hasHelp: boolean, hasErrors: boolean): string | undefined {
  const ids = [hasHelp ? `${id}-help` : null, hasErrors ? `${id}-errors` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** One question as a fieldset: radios (single, likert), checkboxes (multi) or one radio group per grid row. */
function ChoiceItem({ item, id, answers, errors, required, onChange, rowTexts = [] }: ItemProps) {
  const text = useLocalized();
  const t = useQuestionnaireT();
  if (item.kind !== 'single' && item.kind !== 'multi' && item.kind !== 'likert' && item.kind !== 'grid')
    return null;
  const invalid = errors.length > 0;
  const legend = (
    <legend className="vi-q-legend">
      {text(item.label)}
      <RequiredMark required={required} />
    </legend>
  );
  const help = item.help ? (
    <p id={`${id}-help`} className="vi-q-help">
      {text(item.help)}
    </p>
  ) : null;

  if (item.kind === 'grid') {
    const value = (answers[item.id] ?? {}) as Record<string, string>;
    return (
      <fieldset
        id={id}
        className={invalid ? 'vi-q-item vi-q-grid vi-q-item--invalid' : 'vi-q-item vi-q-grid'}
        aria-describedby={describedBy(id, Boolean(item.help), invalid)}
      >
        {legend}
        {help}
        {item.rows.map((row) => {
          const rowId = `${id}-${row.code}`;
          const rowErrors = errors.filter((e) => e.field.endsWith(`${item.id}.${row.code}`));
          return (
            <fieldset
              key={row.code}
              id={rowId}
              className="vi-q-row"
              aria-describedby={rowErrors.length > 0 ? `${rowId}-errors` : undefined}
            >
              <legend className="vi-q-row-legend">{text(row.label)}</legend>
              {row.example ? <p className="vi-q-help">{text(row.example)}</p> : null}
              <div className="vi-q-options vi-q-options--inline">
                {item.options.map((option) => (
                  <label key={option.code} className="vi-q-option">
                    <input
                      type="radio"
                      name={rowId}
                      value={option.code}
                      checked={value[row.code] === option.code}
                      aria-invalid={rowErrors.length > 0 || undefined}
                      onChange={() => onChange({ ...value, [row.code]: option.code })}
                    />
                    <span>{text(option.label)}</span>
                  </label>
                ))}
                {value[row.code] !== undefined ? (
                  <button
                    type="button"
                    className="vi-q-clear"
                    onClick={() => {
                      const { [row.code]: _removed, ...rest } = value;
                      onChange(rest);
                    }}
                  >
                    {t('questionnaire.clearChoice')}
                    <span className="vi-visually-hidden">: {text(row.label)}</span>
                  </button>
                ) : null}
              </div>
              <FieldErrors id={`${rowId}-errors`} errors={rowErrors} />
              {rowTexts
                .filter((text) => text.item.kind === 'text' && text.item.inRow?.row === row.code)
                .map((text) => (
                  <InputItem key={text.item.id} {...text} inRow />
                ))}
            </fieldset>
          );
        })}
        <FieldErrors
          id={`${id}-errors`}
          errors={errors.filter((e) => !item.rows.some((row) => e.field.endsWith(`${item.id}.${row.code}`)))}
        />
      </fieldset>
    );
  }

  const multi = item.kind === 'multi';
  const current = answers[item.id];
  const selected: readonly string[] = multi
    ? Array.isArray(current)
      ? current
      : []
    : current === undefined
      ? []
      : [String(current)];
  return (
    <fieldset
      id={id}
      className={invalid ? 'vi-q-item vi-q-item--invalid' : 'vi-q-item'}
      aria-describedby={describedBy(id, Boolean(item.help), invalid)}
    >
      {legend}
      {help}
      <div className={item.kind === 'likert' ? 'vi-q-options vi-q-options--scale' : 'vi-q-options'}>
        {item.options.map((option) => {
          const stored = item.kind === 'likert' ? String(option.value) : option.code;
          return (
            <label key={option.code} className="vi-q-option">
              <input
                type={multi ? 'checkbox' : 'radio'}
                name={id}
                value={stored}
                checked={selected.includes(stored)}
                aria-invalid={invalid || undefined}
                onChange={(event) => {
                  if (item.kind === 'multi')
                    onChange(toggleOption(item, selected, option.code, event.target.checked));
                  else if (item.kind === 'likert') onChange(option.value);
                  else onChange(option.code);
                }}
              />
              <span>{text(option.label)}</span>
            </label>
          );
        })}
        {!multi && selected.length > 0 && !required ? (
          <button type="button" className="vi-q-clear" onClick={() => onChange(undefined)}>
            {t('questionnaire.clearChoice')}
          </button>
        ) : null}
      </div>
      <FieldErrors id={`${id}-errors`} errors={errors} />
    </fieldset>
  );
}

function InputItem({
  item,
  id,
  answers,
  errors,
  required,
  onChange,
  inRow = false,
}: ItemProps & { inRow?: boolean }) {
  const text = useLocalized();
  if (item.kind !== 'integer' && item.kind !== 'text') return null;
  const invalid = errors.length > 0;
  // Inside a grid row the field is part of that row's box, not a question box of its own.
  const box = inRow ? 'vi-q-row-text vi-field' : 'vi-q-item vi-field';
  const value = answers[item.id];
  const common = {
    id,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy(id, Boolean(item.help), invalid),
  };
  return (
    <div className={invalid ? `${box} vi-field--invalid` : box}>
      <label htmlFor={id} className="vi-q-legend">
        {text(item.label)}
        <RequiredMark required={required} />
      </label>
      {item.help ? (
        <p id={`${id}-help`} className="vi-q-help">
          {text(item.help)}
        </p>
      ) : null}
      {item.kind === 'integer' ? (
        <input
          {...common}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          className="vi-q-number"
          value={value === undefined ? '' : String(value)}
          onChange={(event) => onChange(parseIntegerInput(event.target.value))}
        />
      ) : item.multiline ? (
        <textarea
          {...common}
          rows={4}
          maxLength={item.maxLength}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <input
          {...common}
          type="text"
          maxLength={item.maxLength}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      <FieldErrors id={`${id}-errors`} errors={errors} />
    </div>
  );
}

/**
 * The questions of one of the domain's questionnaires, rendered from its definition: a section per
 * heading, fieldsets with legends for choices, one radio group per grid row, the help text and the
 * field errors tied to each control. Items hidden by their `showWhen` rule are not rendered.
 * Controlled: the caller keeps the answers and validates with the domain's `validateAnswers`.
 */
export function QuestionnaireFields({
  kind,
  answers,
  onAnswersChange,
  errors = [],
  idPrefix = 'q',
  omitItems = [],
  sectionHeadingLevel = 2,
  sectionIds,
}: QuestionnaireFieldsProps) {
  const text = useLocalized();
  const definition = useQuestionnaireDefinition(kind);
  const Heading = sectionHeadingLevel === 2 ? 'h2' : 'h3';
  const sections = sectionIds
    ? definition.sections.filter((section) => sectionIds.includes(section.id))
    : definition.sections;
  return (
    <div className="vi-questionnaire">
      {sections.map((section) => {
        const items = section.items.filter(
          (item) => !omitItems.includes(item.id) && isItemShown(item, answers as Answers),
        );
        if (items.length === 0) return null;
        const propsOf = (item: QuestionnaireItem): ItemProps => ({
          item,
          id: `${idPrefix}-${item.id}`,
          answers,
          errors: errorsForItem(errors, item.id),
          required: isItemRequired(item, answers as Answers),
          onChange: (value) =>
            onAnswersChange(
              withoutHiddenAnswers(itemsOf(kind), withAnswer(answers, item.id, value), (it, a) =>
                isItemShown(it, a as Answers),
              ),
            ),
        });
        // A text that belongs in a grid row of this section is rendered in that row, not on its own.
        const inGridRow = (item: QuestionnaireItem) =>
          item.kind === 'text' &&
          item.inRow !== undefined &&
          items.some((other) => other.id === item.inRow?.item);
        return (
          <section
            key={section.id}
            className="vi-q-section"
            aria-labelledby={`${idPrefix}-section-${section.id}`}
          >
            <Heading id={`${idPrefix}-section-${section.id}`}>{text(section.title)}</Heading>
            {section.intro ? <p className="vi-q-help">{text(section.intro)}</p> : null}
            {items
              .filter((item) => !inGridRow(item))
              .map((item) => {
                const props: ItemProps = {
                  ...propsOf(item),
                  rowTexts: items
                    .filter((other) => other.kind === 'text' && other.inRow?.item === item.id)
                    .map(propsOf),
                };
                return item.kind === 'integer' || item.kind === 'text' ? (
                  <InputItem key={item.id} {...props} />
                ) : (
                  <ChoiceItem key={item.id} {...props} />
                );
              })}
          </section>
        );
      })}
    </div>
  );
}

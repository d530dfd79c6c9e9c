import {
  COST_INPUT_EXAMPLES,
  COST_MODELS,
  type CostInputField,
  type CostModel,
  costInputFields,
  costInputValues,
  type FieldError,
  fieldError,
} from '@vi/domain';
import {
  describeRequestProblem,
  FieldErrors,
  fieldErrorsFor,
  formatDateTime,
  useCurrentUser,
  useLocale,
  useProblemText,
  useT,
} from '@vi/ui';
import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { costInputsMessages } from './cost-inputs-messages.ts';
import './cost-inputs.css';

const CostInputsFields = graphql(`
  fragment CostInputsFields on CostInputs {
    model
    year
    ruleSetId
    values { field value }
    history { at byName changes { field before after } }
  }
`);

const CostInputsQuery = graphql(
  `
  query CostInputs($model: EvaluationCostModel!, $year: Int!) {
    costInputs(model: $model, year: $year) { ...CostInputsFields }
  }
`,
  [CostInputsFields],
);

const SaveCostInputs = graphql(
  `
  mutation SaveCostInputs($input: SaveCostInputsInput!) {
    saveCostInputs(input: $input) { ...CostInputsFields }
  }
`,
  [CostInputsFields],
);

type Loaded = {
  model: CostModel;
  year: number;
  ruleSetId: string | null;
  values: Array<{ field: string; value: number | null }>;
  history: Array<{
    at: string;
    byName: string | null;
    changes: Array<{ field: string; before: number | null; after: number | null }>;
  }>;
};

/**
 * The history rows a reader can follow: the model's entered figures. A save also records the rule
 * set's id and, for hate crime, the counted-not-entered divisor kept at 0; neither is a figure here.
 */
export function enteredChanges<Change extends { field: string }>(
  model: CostModel,
  changes: readonly Change[],
): Change[] {
  const fields = new Set(costInputFields(model).map((f) => f.field));
  return changes.filter((change) => fields.has(change.field));
}

/** The id of a figure's input (also the target of the error summary's link). */
export const costFieldId = (field: string) => `cost-input-${field.replaceAll('.', '-')}`;

/** A figure as the user reads and types it: no thousands separators, the locale's decimal mark. */
export function formatInputNumber(value: number | null, locale: 'da' | 'en'): string {
  if (value === null) return '';
  const text = String(Math.round(value * 1e6) / 1e6);
  return locale === 'da' ? text.replace('.', ',') : text;
}

/**
 * What the user typed as a number: Danish "1.250.000" and "0,2", English "1,250,000" and "0.2";
 * spaces are ignored. Empty is null (the gateway says the field is required); anything else that
 * is not a number is undefined.
 */
export function parseInputNumber(text: string, locale: 'da' | 'en'): number | null | undefined {
  const compact = text.replace(/[\s\u00a0]/g, '');
  if (compact === '') return null;
  const normal =
    locale === 'da' ? compact.replaceAll('.', '').replace(',', '.') : compact.replaceAll(',', '');
  if (!/^-?\d+(\.\d+)?$/.test(normal)) return undefined;
  return Number(normal);
}

function danishYear(): number {
  return Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Europe/Copenhagen', year: 'numeric' }).format(new Date()),
  );
}

/**
 * The organisation's own cost inputs for one model and year (DOMAIN §6): the project lead or the
 * administrator enters and changes them, evaluators read them. Every save is checked by the
 * domain's cost rules in the gateway; the history lists each changed figure with its old and new value.
 */
export function CostInputsScreen() {
  const t = useT(costInputsMessages);
  const { locale } = useLocale();
  const problemText = useProblemText();
  const { roles } = useCurrentUser();
  const canEdit = roles.includes('PROJECT_LEAD') || roles.includes('ADMIN');
  const [model, setModel] = useState<CostModel>('GROUP_COURSE');
  const [yearText, setYearText] = useState(() => String(danishYear()));
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
  const [{ data, error, fetching }] = useQuery({
    query: CostInputsQuery,
    variables: { model, year: year ?? 0 },
    pause: year === null,
    requestPolicy: 'cache-and-network',
  });
  const [state, save] = useMutation(SaveCostInputs);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [localErrors, setLocalErrors] = useState<FieldError[]>([]);
  const [status, setStatus] = useState<'saved' | 'unchanged' | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const fields = costInputFields(model);
  const serverProblem = state.error ? describeRequestProblem(state.error) : null;
  const fieldProblems: FieldError[] = localErrors.length > 0 ? localErrors : (serverProblem?.fields ?? []);

  // A new answer for the chosen model and year replaces the form (the example when nothing is saved).
  // The locale is read, not a dependency: switching language must not throw away what was typed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above.
  useEffect(() => {
    const answer = data?.costInputs as Loaded | undefined;
    if (!answer || answer.model !== model || answer.year !== year) return;
    setLoaded(answer);
    const values =
      answer.values.length > 0 ? answer.values : costInputValues(model, COST_INPUT_EXAMPLES[model]);
    setTexts(Object.fromEntries(values.map((v) => [v.field, formatInputNumber(v.value, locale)])));
    setLocalErrors([]);
  }, [data, model, year]);

  // A language switch rewrites the typed figures in the new language's decimal mark, so "0,2" typed in
  // Danish is not read as 2 in English; what cannot be read stays as typed (and is refused on save).
  const typedIn = useRef(locale);
  useEffect(() => {
    const from = typedIn.current;
    typedIn.current = locale;
    if (from === locale) return;
    setTexts((current) =>
      Object.fromEntries(
        Object.entries(current).map(([field, text]) => {
          const value = parseInputNumber(text, from);
          return [field, value === undefined ? text : formatInputNumber(value, locale)];
        }),
      ),
    );
  }, [locale]);

  useEffect(() => {
    if (fieldProblems.length > 0) summaryRef.current?.focus();
  }, [fieldProblems.length]);

  const labelOf = (field: string) => {
    const known = costInputFields(model).find((f) => f.field === field);
    return known ? known.label[locale] : field === 'year' ? t('year') : field;
  };
  const numberText = (value: number | null) =>
    value === null
      ? t('history.empty')
      : new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB').format(value);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setStatus(null);
    if (year === null) return;
    const errors: FieldError[] = [];
    const values = fields.map((f) => {
      const value = parseInputNumber(texts[f.field] ?? '', locale);
      if (value === undefined) errors.push(fieldError(f.field, 'NOT_A_NUMBER'));
      return { field: f.field, value: value ?? null };
    });
    setLocalErrors(errors);
    if (errors.length > 0) return;
    const before = loaded?.history.length ?? 0;
    const result = await save({ input: { model, year, values } });
    const saved = result.data?.saveCostInputs as Loaded | undefined;
    if (saved) {
      setLoaded(saved);
      setStatus(saved.history.length > before ? 'saved' : 'unchanged');
    }
  }

  const modelName = t(`model.${model}`);
  return (
    <section aria-labelledby="cost-inputs-heading" className="ev-cost-inputs">
      <h1 id="cost-inputs-heading">{t('heading')}</h1>
      <p>{t('lead')}</p>
      {canEdit ? null : <p>{t('readOnly')}</p>}
      <div className="ev-cost-inputs__choice">
        <div className="vi-field">
          <label htmlFor="cost-input-model">{t('model')}</label>
          <select
            id="cost-input-model"
            value={model}
            onChange={(e) => {
              setModel(e.target.value as CostModel);
              setStatus(null);
            }}
          >
            {COST_MODELS.map((m) => (
              <option key={m} value={m}>
                {t(`model.${m}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="vi-field">
          <label htmlFor="cost-input-year">{t('year')}</label>
          <input
            id="cost-input-year"
            inputMode="numeric"
            autoComplete="off"
            value={yearText}
            onChange={(e) => {
              setYearText(e.target.value.trim());
              setStatus(null);
            }}
          />
          <FieldErrors id="cost-input-year-errors" errors={fieldErrorsFor(serverProblem, 'year')} />
        </div>
      </div>

      {error ? (
        <p role="alert">{problemText(describeRequestProblem(error))}</p>
      ) : !loaded || loaded.model !== model || loaded.year !== year ? (
        <p role="status">{fetching || year !== null ? t('loading') : null}</p>
      ) : (
        <>
          <form noValidate onSubmit={onSubmit} aria-labelledby="cost-input-fields-heading">
            <h2 id="cost-input-fields-heading">{t('fields', { model: modelName, year: loaded.year })}</h2>
            {loaded.ruleSetId ? (
              <p>{t('savedOn', { ruleSet: loaded.ruleSetId })}</p>
            ) : (
              <p>{t('example', { year: loaded.year, source: t(`example.${model}`) })}</p>
            )}
            {fieldProblems.length > 0 ? (
              <div className="ev-error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
                <p>{t('summary', { count: fieldProblems.length })}</p>
                <ul>
                  {fieldProblems.map((p) => (
                    <li key={`${p.field}:${p.code}`}>
                      <a
                        href={`#${p.field === 'year' ? 'cost-input-year' : costFieldId(p.field)}`}
                        // The app's screens are chosen by the URL hash: focus the field without changing it.
                        onClick={(event) => {
                          event.preventDefault();
                          const target = document.getElementById(
                            p.field === 'year' ? 'cost-input-year' : costFieldId(p.field),
                          );
                          target?.focus();
                          target?.scrollIntoView({ block: 'center' });
                        }}
                      >
                        {labelOf(p.field)}: {p.message[locale]}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <div className="ev-cost-inputs__fields">
              {fields.map((f: CostInputField) => {
                const id = costFieldId(f.field);
                const errors = fieldProblems.filter((p) => p.field === f.field);
                return (
                  <div key={f.field} className={errors.length ? 'vi-field vi-field--invalid' : 'vi-field'}>
                    <label htmlFor={id}>
                      {f.label[locale]} <span className="ev-unit">({t(`unit.${f.unit}`)})</span>
                    </label>
                    <input
                      id={id}
                      inputMode="decimal"
                      autoComplete="off"
                      readOnly={!canEdit}
                      value={texts[f.field] ?? ''}
                      onChange={(e) => setTexts({ ...texts, [f.field]: e.target.value })}
                      aria-invalid={errors.length > 0 || undefined}
                      aria-describedby={errors.length ? `${id}-errors` : undefined}
                    />
                    <FieldErrors id={`${id}-errors`} errors={errors} />
                  </div>
                );
              })}
            </div>
            <div aria-live="polite">{status ? <p>{t(status)}</p> : null}</div>
            {serverProblem && serverProblem.fields.length === 0 ? (
              <p role="alert">{problemText(serverProblem)}</p>
            ) : null}
            {canEdit ? (
              <button type="submit" className="vi-button vi-button--primary" disabled={state.fetching}>
                {state.fetching ? t('saving') : t('save')}
              </button>
            ) : null}
          </form>

          <h2 id="cost-input-history-heading">{t('history')}</h2>
          {loaded.history.length === 0 ? (
            <p>{t('history.none')}</p>
          ) : (
            <div className="ev-table">
              {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
              <section className="ev-table__scroll" aria-labelledby="cost-input-history-caption" tabIndex={0}>
                <table>
                  <caption id="cost-input-history-caption">
                    {t('history.table', { model: modelName, year: loaded.year })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('history.at')}</th>
                      <th scope="col">{t('history.by')}</th>
                      <th scope="col">{t('history.field')}</th>
                      <th scope="col">{t('history.before')}</th>
                      <th scope="col">{t('history.after')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {loaded.history.flatMap((entry) =>
                      enteredChanges(model, entry.changes).map((change) => (
                        <tr key={`${entry.at}:${change.field}`}>
                          <td>{formatDateTime(entry.at, locale)}</td>
                          <td>{entry.byName ?? t('history.unknownUser')}</td>
                          <th scope="row">{labelOf(change.field)}</th>
                          <td>{numberText(change.before)}</td>
                          <td>{numberText(change.after)}</td>
                        </tr>
                      )),
                    )}
                  </tbody>
                </table>
              </section>
            </div>
          )}
        </>
      )}
    </section>
  );
}

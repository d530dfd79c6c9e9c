import {
  CALL_RULE_LIMITS,
  DEFAULT_CALL_SCRIPT,
  DEFAULT_SAFE_CONTACT_GUIDANCE,
  type FieldError,
  INCIDENT_TYPES,
  labelOf,
} from '@vi/domain';
import {
  describeRequestProblem,
  FieldErrors,
  fieldErrorsFor,
  translate,
  useLocale,
  useProblemText,
  useT,
} from '@vi/ui';
import { useEffect, useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql, type ResultOf } from '../graphql.ts';
import { type ScreenMessageKey, screenMessages } from './outreach-screen-messages.ts';

const SettingsQuery = graphql(`
  query OutreachSettings {
    outreachSettings {
      callDelayDays
      callWindowDays
      maxCallAttempts
      claimMinutes
      contactRetentionDays
      callScript
      safeContactGuidance
      incidentTypes { type activeForOutreach priority }
    }
  }
`);

const UpdateMutation = graphql(`
  mutation UpdateOutreachSettings($input: OutreachSettingsInput!) {
    updateOutreachSettings(input: $input) {
      callDelayDays
      callWindowDays
      maxCallAttempts
      claimMinutes
      contactRetentionDays
      callScript
      safeContactGuidance
      incidentTypes { type activeForOutreach priority }
    }
  }
`);

type Settings = NonNullable<ResultOf<typeof SettingsQuery>['outreachSettings']>;
const NUMBER_FIELDS = [
  'callDelayDays',
  'callWindowDays',
  'maxCallAttempts',
  'claimMinutes',
  'contactRetentionDays',
] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];
/** The gateway's bounds for an incident type's priority (outreach-settings.ts). */
const PRIORITY_LIMITS = { min: -100, max: 100 };

/** The unit each setting counts in, for the range shown under the field and in its error. */
const UNIT: Record<NumberField, ScreenMessageKey> = {
  callDelayDays: 'settings.unit.days',
  callWindowDays: 'settings.unit.days',
  maxCallAttempts: 'settings.unit.attempts',
  claimMinutes: 'settings.unit.minutes',
  contactRetentionDays: 'settings.unit.days',
};

/** The same rule as the gateway's, checked first so every out-of-range field is named at once. */
function rangeErrors(
  form: Settings,
  rangeText: (field: NumberField) => { da: string; en: string },
): FieldError[] {
  return NUMBER_FIELDS.filter((field) => {
    const value = form[field];
    const { min, max } = CALL_RULE_LIMITS[field];
    return !Number.isInteger(value) || value < min || value > max;
  }).map((field) => ({ field, code: 'OUT_OF_RANGE', message: rangeText(field) }));
}

/** The lead's rules: call delay and window, attempts, claim time, retention, script, guidance, incident types. */
export function SettingsScreen() {
  const t = useT(screenMessages);
  const { locale } = useLocale();
  const problemText = useProblemText();
  const ids = useId();
  const [{ data, error }] = useQuery({ query: SettingsQuery });
  const [state, save] = useMutation(UpdateMutation);
  const [form, setForm] = useState<Settings | null>(null);
  const [saved, setSaved] = useState(false);
  const [localErrors, setLocalErrors] = useState<FieldError[]>([]);
  useEffect(() => {
    if (data?.outreachSettings && !form) setForm(data.outreachSettings);
  }, [data, form]);
  const problem = state.error ? describeRequestProblem(state.error) : null;
  const priorityErrors = (index: number) => {
    const field = `incidentTypes.${index}.priority`;
    return [...localErrors.filter((e) => e.field === field), ...fieldErrorsFor(problem, field)];
  };

  if (error)
    return (
      <p role="alert" className="or-alert">
        {problemText(describeRequestProblem(error))}
      </p>
    );
  if (!form) return <p role="status">{t('common.loading')}</p>;

  return (
    <section aria-labelledby="settings-heading" className="or-screen">
      <h1 id="settings-heading">{t('settings.heading')}</h1>
      <form
        className="or-form"
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          setSaved(false);
          const errors = rangeErrors(form, (field) => {
            const { min, max } = CALL_RULE_LIMITS[field];
            return {
              da: translate(screenMessages, 'da', 'settings.rangeError', {
                min,
                max,
                unit: translate(screenMessages, 'da', UNIT[field]),
              }),
              en: translate(screenMessages, 'en', 'settings.rangeError', {
                min,
                max,
                unit: translate(screenMessages, 'en', UNIT[field]),
              }),
            };
          });
          form.incidentTypes.forEach((setting, i) => {
            const { min, max } = PRIORITY_LIMITS;
            if (!Number.isInteger(setting.priority) || setting.priority < min || setting.priority > max) {
              errors.push({
                field: `incidentTypes.${i}.priority`,
                code: 'OUT_OF_RANGE',
                message: {
                  da: translate(screenMessages, 'da', 'settings.rangeErrorPlain', { min, max }),
                  en: translate(screenMessages, 'en', 'settings.rangeErrorPlain', { min, max }),
                },
              });
            }
          });
          setLocalErrors(errors);
          if (errors.length > 0) return;
          const response = await save({
            input: {
              ...Object.fromEntries(NUMBER_FIELDS.map((f) => [f, form[f]])),
              callScript: form.callScript ?? '',
              safeContactGuidance: form.safeContactGuidance ?? '',
              incidentTypes: form.incidentTypes.map(({ type, activeForOutreach, priority }) => ({
                type,
                activeForOutreach,
                priority,
              })),
            },
          });
          if (response.data?.updateOutreachSettings) {
            setForm(response.data.updateOutreachSettings);
            setSaved(true);
          }
        }}
      >
        {NUMBER_FIELDS.map((field: NumberField) => {
          const errors = [...localErrors.filter((e) => e.field === field), ...fieldErrorsFor(problem, field)];
          const { min, max } = CALL_RULE_LIMITS[field];
          const hintId = `${ids}-${field}-hint`;
          return (
            <div key={field} className="vi-field">
              <label htmlFor={`${ids}-${field}`}>{t(`settings.${field}` as ScreenMessageKey)}</label>
              <input
                id={`${ids}-${field}`}
                type="number"
                inputMode="numeric"
                min={min}
                max={max}
                value={form[field]}
                onChange={(e) => setForm({ ...form, [field]: Number(e.target.value) })}
                aria-invalid={errors.length > 0 || undefined}
                aria-describedby={errors.length ? `${hintId} ${ids}-${field}-errors` : hintId}
              />
              <p id={hintId} className="or-hint">
                {t('settings.range', { min, max, unit: t(UNIT[field]) })}
              </p>
              <FieldErrors id={`${ids}-${field}-errors`} errors={errors} />
            </div>
          );
        })}
        <div className="vi-field">
          <label htmlFor={`${ids}-script`}>{t('settings.callScript')}</label>
          <textarea
            id={`${ids}-script`}
            rows={10}
            value={form.callScript ?? ''}
            placeholder={DEFAULT_CALL_SCRIPT[locale]}
            onChange={(e) => setForm({ ...form, callScript: e.target.value })}
          />
          <FieldErrors id={`${ids}-script-errors`} errors={fieldErrorsFor(problem, 'callScript')} />
        </div>
        <div className="vi-field">
          <label htmlFor={`${ids}-guidance`}>{t('settings.safeContactGuidance')}</label>
          <textarea
            id={`${ids}-guidance`}
            rows={6}
            value={form.safeContactGuidance ?? ''}
            placeholder={DEFAULT_SAFE_CONTACT_GUIDANCE[locale]}
            onChange={(e) => setForm({ ...form, safeContactGuidance: e.target.value })}
          />
        </div>
        <table className="or-table or-settings-types">
          <caption>{t('settings.typesHeading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('settings.type')}</th>
              <th scope="col">{t('settings.active')}</th>
              <th scope="col">
                {t('settings.priority')} ({t('settings.rangePlain', PRIORITY_LIMITS)})
              </th>
            </tr>
          </thead>
          <tbody>
            {form.incidentTypes.map((setting, index) => {
              const name = labelOf(INCIDENT_TYPES, setting.type, locale);
              const update = (patch: Partial<typeof setting>) =>
                setForm({
                  ...form,
                  incidentTypes: form.incidentTypes.map((s, i) => (i === index ? { ...s, ...patch } : s)),
                });
              return (
                <tr key={setting.type}>
                  <th scope="row">{name}</th>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${t('settings.active')}: ${name}`}
                      checked={setting.activeForOutreach}
                      onChange={(e) => update({ activeForOutreach: e.target.checked })}
                    />
                  </td>
                  <td>
                    <input
                      type="number"
                      className="or-priority-input"
                      min={PRIORITY_LIMITS.min}
                      max={PRIORITY_LIMITS.max}
                      aria-label={`${t('settings.priority')}: ${name}`}
                      value={setting.priority}
                      onChange={(e) => update({ priority: Number(e.target.value) })}
                      aria-invalid={priorityErrors(index).length > 0 || undefined}
                      aria-describedby={
                        priorityErrors(index).length ? `${ids}-priority-${index}-errors` : undefined
                      }
                    />
                    <FieldErrors id={`${ids}-priority-${index}-errors`} errors={priorityErrors(index)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div aria-live="polite" className="or-status">
          {saved ? <p className="or-success">{t('common.saved')}</p> : null}
        </div>
        {problem && problem.fields.length === 0 ? (
          <p role="alert" className="or-alert">
            {problemText(problem)}
          </p>
        ) : null}
        <button type="submit" className="vi-button vi-button--primary" disabled={state.fetching}>
          {state.fetching ? t('common.saving') : t('common.save')}
        </button>
      </form>
    </section>
  );
}

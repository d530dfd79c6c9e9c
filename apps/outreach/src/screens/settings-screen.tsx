import { DEFAULT_CALL_SCRIPT, DEFAULT_SAFE_CONTACT_GUIDANCE, INCIDENT_TYPES, labelOf } from '@vi/domain';
import { describeRequestProblem, FieldErrors, fieldErrorsFor, useLocale, useProblemText, useT } from '@vi/ui';
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
  useEffect(() => {
    if (data?.outreachSettings && !form) setForm(data.outreachSettings);
  }, [data, form]);
  const problem = state.error ? describeRequestProblem(state.error) : null;

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
          const errors = fieldErrorsFor(problem, field);
          return (
            <div key={field} className="vi-field">
              <label htmlFor={`${ids}-${field}`}>{t(`settings.${field}` as ScreenMessageKey)}</label>
              <input
                id={`${ids}-${field}`}
                type="number"
                inputMode="numeric"
                value={form[field]}
                onChange={(e) => setForm({ ...form, [field]: Number(e.target.value) })}
                aria-invalid={errors.length > 0 || undefined}
                aria-describedby={errors.length ? `${ids}-${field}-errors` : undefined}
              />
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
        <table className="or-table">
          <caption>{t('settings.typesHeading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('settings.type')}</th>
              <th scope="col">{t('settings.active')}</th>
              <th scope="col">{t('settings.priority')}</th>
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
                      aria-label={`${t('settings.priority')}: ${name}`}
                      value={setting.priority}
                      onChange={(e) => update({ priority: Number(e.target.value) })}
                    />
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

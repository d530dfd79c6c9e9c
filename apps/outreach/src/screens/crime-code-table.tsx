import {
  checkCrimeCodeMapping,
  type FieldError,
  INCIDENT_TYPES,
  type IncidentTypeCode,
  labelOf,
  MAX_CRIME_CODE_DESCRIPTION_LENGTH,
  MAX_CRIME_CODE_LENGTH,
} from '@vi/domain';
import { describeRequestProblem, FieldErrors, useLocale, useProblemText, useT } from '@vi/ui';
import { useId, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { importMessages } from './import-messages.ts';
import './crime-code-table.css';

// Each document selects the whole table, so urql's cache refreshes the list after a change.
const TableQuery = graphql(`
  query CrimeCodeTable {
    crimeCodeTable { canEdit mappings { id code incidentType description } }
  }
`);

const SaveMutation = graphql(`
  mutation SaveCrimeCodeMapping($input: CrimeCodeMappingInput!) {
    saveCrimeCodeMapping(input: $input) { canEdit mappings { id code incidentType description } }
  }
`);

const DeleteMutation = graphql(`
  mutation DeleteCrimeCodeMapping($code: String!) {
    deleteCrimeCodeMapping(code: $code) { canEdit mappings { id code incidentType description } }
  }
`);

interface Draft {
  code: string;
  incidentType: IncidentTypeCode | '';
  description: string;
}
const EMPTY: Draft = { code: '', incidentType: '', description: '' };

/**
 * The organisation's table of police crime codes (gerningskoder) → incident types, on the
 * import screen where it is used. Everyone who imports reads it; the gateway lets only the
 * project lead change it (canEdit), and the form is shown to the lead alone.
 */
export function CrimeCodeTable() {
  const t = useT(importMessages);
  const { locale } = useLocale();
  const problemText = useProblemText();
  const ids = useId();
  const codeInput = useRef<HTMLInputElement>(null);
  const [{ data, error }] = useQuery({ query: TableQuery });
  const [saving, save] = useMutation(SaveMutation);
  const [deleting, remove] = useMutation(DeleteMutation);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [localErrors, setLocalErrors] = useState<FieldError[]>([]);
  const [status, setStatus] = useState('');

  const requestError = saving.error ?? deleting.error ?? error;
  const problem = requestError ? describeRequestProblem(requestError) : null;
  const errorsFor = (field: string) => [
    ...localErrors.filter((e) => e.field === field),
    ...(problem?.fields.filter((e) => e.field === field) ?? []),
  ];
  const table = data?.crimeCodeTable;

  async function onSave() {
    setStatus('');
    const checked = checkCrimeCodeMapping(draft);
    if (!checked.ok) {
      setLocalErrors(checked.errors);
      return;
    }
    setLocalErrors([]);
    const { code, incidentType, description } = checked.mapping;
    const result = await save({ input: { code, incidentType, description: description ?? '' } });
    if (result.data?.saveCrimeCodeMapping) {
      setDraft(EMPTY);
      setStatus(t('codes.saved', { code }));
    }
  }

  async function onDelete(code: string) {
    setStatus('');
    const result = await remove({ code });
    if (result.data?.deleteCrimeCodeMapping) setStatus(t('codes.deleted', { code }));
  }

  const codeErrors = errorsFor('code');
  const typeErrors = errorsFor('incidentType');
  const descriptionErrors = errorsFor('description');
  const shown = table?.mappings ?? [];

  return (
    <section aria-labelledby={`${ids}-heading`} className="or-card">
      <h2 id={`${ids}-heading`}>{t('codes.heading')}</h2>
      <p>{t('codes.intro')}</p>
      {table ? <p>{table.canEdit ? t('codes.lead') : t('codes.readOnly')}</p> : null}
      {shown.length === 0 && table ? <p>{t('codes.empty')}</p> : null}
      {shown.length > 0 ? (
        <div className="or-codes">
          <table className="or-table">
            <caption id={`${ids}-caption`}>{t('codes.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('codes.codeColumn')}</th>
                <th scope="col">{t('codes.typeColumn')}</th>
                {table?.canEdit ? <th scope="col">{t('codes.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {shown.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.code}</th>
                  <td>
                    {labelOf(INCIDENT_TYPES, m.incidentType, locale)}
                    {m.description ? <span className="or-codes-note">{m.description}</span> : null}
                  </td>
                  {table?.canEdit ? (
                    <td>
                      <span className="or-codes-actions">
                        <button
                          type="button"
                          className="vi-button"
                          onClick={() => {
                            setDraft({
                              code: m.code,
                              incidentType: m.incidentType,
                              description: m.description ?? '',
                            });
                            setLocalErrors([]);
                            codeInput.current?.focus();
                          }}
                        >
                          {t('codes.edit', { code: m.code })}
                        </button>
                        <button
                          type="button"
                          className="vi-button"
                          disabled={deleting.fetching}
                          onClick={() => void onDelete(m.code)}
                        >
                          {t('codes.delete', { code: m.code })}
                        </button>
                      </span>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {table?.canEdit ? (
        <form
          className="or-form"
          noValidate
          aria-labelledby={`${ids}-form-heading`}
          onSubmit={(event) => {
            event.preventDefault();
            void onSave();
          }}
        >
          <h3 id={`${ids}-form-heading`}>{t('codes.formHeading')}</h3>
          <div className="vi-field">
            <label htmlFor={`${ids}-code`}>{t('codes.code')}</label>
            <p id={`${ids}-code-hint`} className="or-hint">
              {t('codes.codeHint')}
            </p>
            <input
              ref={codeInput}
              id={`${ids}-code`}
              inputMode="numeric"
              autoComplete="off"
              maxLength={MAX_CRIME_CODE_LENGTH + 8}
              value={draft.code}
              onChange={(e) => setDraft({ ...draft, code: e.target.value })}
              aria-invalid={codeErrors.length > 0 || undefined}
              aria-describedby={`${ids}-code-hint${codeErrors.length ? ` ${ids}-code-errors` : ''}`}
            />
            <FieldErrors id={`${ids}-code-errors`} errors={codeErrors} />
          </div>
          <div className="vi-field">
            <label htmlFor={`${ids}-type`}>{t('codes.type')}</label>
            <select
              id={`${ids}-type`}
              value={draft.incidentType}
              onChange={(e) => setDraft({ ...draft, incidentType: e.target.value as IncidentTypeCode | '' })}
              aria-invalid={typeErrors.length > 0 || undefined}
              aria-describedby={typeErrors.length ? `${ids}-type-errors` : undefined}
            >
              <option value="">{t('codes.chooseType')}</option>
              {INCIDENT_TYPES.map((type) => (
                <option key={type.code} value={type.code}>
                  {type.label[locale]}
                </option>
              ))}
            </select>
            <FieldErrors id={`${ids}-type-errors`} errors={typeErrors} />
          </div>
          <div className="vi-field">
            <label htmlFor={`${ids}-description`}>{t('codes.description')}</label>
            <input
              id={`${ids}-description`}
              maxLength={MAX_CRIME_CODE_DESCRIPTION_LENGTH}
              value={draft.description}
              onChange={(e) => setDraft({ ...draft, description: e.target.value })}
              aria-invalid={descriptionErrors.length > 0 || undefined}
              aria-describedby={descriptionErrors.length ? `${ids}-description-errors` : undefined}
            />
            <FieldErrors id={`${ids}-description-errors`} errors={descriptionErrors} />
          </div>
          <button type="submit" className="vi-button vi-button--primary" disabled={saving.fetching}>
            {saving.fetching ? t('codes.saving') : t('codes.save')}
          </button>
        </form>
      ) : null}
      <div aria-live="polite" className="or-status">
        {status ? <p className="or-success">{status}</p> : null}
      </div>
      {problem && problem.fields.length === 0 ? (
        <p role="alert" className="or-alert">
          {problemText(problem)}
        </p>
      ) : null}
    </section>
  );
}

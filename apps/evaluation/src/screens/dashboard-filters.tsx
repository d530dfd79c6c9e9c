import {
  AGE_GROUPS,
  type AgeGroupCode,
  type CodeOf,
  type FieldError,
  fieldError,
  GENDERS,
  type GenderCode,
  INCIDENT_TYPES,
  INTERVENTION_MODELS,
  type IncidentTypeCode,
  type InterventionModelCode,
  PERSON_ROLES,
  type PersonRoleCode,
  type Taxonomy,
} from '@vi/domain';
import { FieldErrors, useLocale, useT } from '@vi/ui';
import { type FormEvent, useId, useState } from 'react';
import { dashboardMessages } from './dashboard-messages.ts';

/** What the evaluator chose; empty lists mean "all". `model` only chooses which sections are shown. */
export type DashboardFilter = {
  organizationIds: string[];
  from: string;
  to: string;
  model: 'ALL' | InterventionModelCode;
  incidentTypes: IncidentTypeCode[];
  genders: GenderCode[];
  ageGroups: AgeGroupCode[];
  roles: PersonRoleCode[];
};

export const EMPTY_FILTER: DashboardFilter = {
  organizationIds: [],
  from: '',
  to: '',
  model: 'ALL',
  incidentTypes: [],
  genders: [],
  ageGroups: [],
  roles: [],
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks the period before anything is sent: each field named, with a code and a message in both
 * languages. The gateway checks the same again (and the organisation grants); the dashboard shows its errors.
 */
export function validateDashboardFilter(filter: DashboardFilter): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of ['from', 'to'] as const) {
    const value = filter[field];
    if (value && (!ISO_DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))) {
      errors.push(fieldError(field, 'INVALID_DATE'));
    }
  }
  if (errors.length === 0 && filter.from && filter.to && filter.from > filter.to) {
    errors.push({
      field: 'to',
      code: 'BEFORE_FROM',
      message: { da: 'Slutdatoen ligger før startdatoen.', en: 'The end date is before the start date.' },
    });
  }
  return errors;
}

/** The variables of `evaluation(filter:)` for a chosen filter: empty choices are left out (= all). */
export function filterVariables(filter: DashboardFilter) {
  return {
    ...(filter.organizationIds.length ? { organizationIds: filter.organizationIds } : {}),
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
    ...(filter.incidentTypes.length ? { incidentTypes: filter.incidentTypes } : {}),
    ...(filter.genders.length ? { genders: filter.genders } : {}),
    ...(filter.ageGroups.length ? { ageGroups: filter.ageGroups } : {}),
    ...(filter.roles.length ? { roles: filter.roles } : {}),
  };
}

function CheckboxGroup<Value extends string>({
  legend,
  options,
  selected,
  onChange,
}: {
  legend: string;
  options: ReadonlyArray<{ value: Value; label: string }>;
  selected: readonly Value[];
  onChange: (next: Value[]) => void;
}) {
  const id = useId();
  const t = useT(dashboardMessages);
  return (
    <fieldset className="ev-filter-group">
      <legend>{legend}</legend>
      <p className="ev-hint" id={`${id}-hint`}>
        {t('filters.noneMeansAll')}
      </p>
      {options.map((option) => (
        <label key={option.value} className="ev-check">
          <input
            type="checkbox"
            aria-describedby={`${id}-hint`}
            checked={selected.includes(option.value)}
            onChange={(event) =>
              onChange(
                event.target.checked
                  ? [...selected, option.value]
                  : selected.filter((value) => value !== option.value),
              )
            }
          />{' '}
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

export function DashboardFilters({
  organizations,
  applied,
  onApply,
}: {
  organizations: ReadonlyArray<{ id: string; name: string }>;
  applied: DashboardFilter;
  onApply: (filter: DashboardFilter) => void;
}) {
  const t = useT(dashboardMessages);
  const { locale } = useLocale();
  const [draft, setDraft] = useState<DashboardFilter>(applied);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const errorsFor = (field: string) =>
    errors.filter((error) => error.field === field || error.field.startsWith(`${field}.`));
  const options = <List extends Taxonomy>(list: List) =>
    list.map((entry) => ({ value: entry.code as CodeOf<List>, label: entry.label[locale] }));
  const update = (patch: Partial<DashboardFilter>) => setDraft((previous) => ({ ...previous, ...patch }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems = validateDashboardFilter(draft);
    setErrors(problems);
    if (problems.length === 0) onApply(draft);
  }

  const dateField = (field: 'from' | 'to', label: string) => {
    const fieldErrors = errorsFor(field);
    return (
      <div className={`vi-field${fieldErrors.length ? ' vi-field--invalid' : ''}`}>
        <label htmlFor={`ev-filter-${field}`}>{label}</label>
        <input
          id={`ev-filter-${field}`}
          type="date"
          value={draft[field]}
          aria-invalid={fieldErrors.length > 0}
          aria-describedby={fieldErrors.length ? `ev-filter-${field}-errors` : undefined}
          onChange={(event) => update({ [field]: event.target.value })}
        />
        <FieldErrors id={`ev-filter-${field}-errors`} errors={fieldErrors} />
      </div>
    );
  };

  return (
    <form className="ev-filters" aria-labelledby="ev-filters-heading" onSubmit={submit} noValidate>
      <h2 id="ev-filters-heading">{t('filters.heading')}</h2>
      <div className="ev-filters__grid">
        <div>
          <CheckboxGroup
            legend={t('filters.organizations')}
            options={organizations.map((organization) => ({
              value: organization.id,
              label: organization.name,
            }))}
            selected={draft.organizationIds}
            onChange={(organizationIds) => update({ organizationIds })}
          />
          <FieldErrors id="ev-filter-organizations-errors" errors={errorsFor('organizationIds')} />
        </div>
        <fieldset className="ev-filter-group">
          <legend>{t('filters.period')}</legend>
          {dateField('from', t('filters.from'))}
          {dateField('to', t('filters.to'))}
        </fieldset>
        <div className="vi-field">
          <label htmlFor="ev-filter-model">{t('filters.model')}</label>
          <select
            id="ev-filter-model"
            value={draft.model}
            onChange={(event) => update({ model: event.target.value as DashboardFilter['model'] })}
          >
            <option value="ALL">{t('filters.modelAll')}</option>
            {INTERVENTION_MODELS.map((model) => (
              <option key={model.code} value={model.code}>
                {model.label[locale]}
              </option>
            ))}
          </select>
        </div>
        <CheckboxGroup
          legend={t('filters.incidentTypes')}
          options={options(INCIDENT_TYPES)}
          selected={draft.incidentTypes}
          onChange={(incidentTypes) => update({ incidentTypes })}
        />
        <CheckboxGroup
          legend={t('filters.genders')}
          options={options(GENDERS)}
          selected={draft.genders}
          onChange={(genders) => update({ genders })}
        />
        <CheckboxGroup
          legend={t('filters.ageGroups')}
          options={options(AGE_GROUPS)}
          selected={draft.ageGroups}
          onChange={(ageGroups) => update({ ageGroups })}
        />
        <CheckboxGroup
          legend={t('filters.roles')}
          options={options(PERSON_ROLES)}
          selected={draft.roles}
          onChange={(roles) => update({ roles })}
        />
      </div>
      <div className="ev-filters__actions">
        <button type="submit" className="vi-button vi-button--primary">
          {t('filters.apply')}
        </button>
        <button
          type="button"
          className="vi-button"
          onClick={() => {
            setDraft(EMPTY_FILTER);
            setErrors([]);
            onApply(EMPTY_FILTER);
          }}
        >
          {t('filters.reset')}
        </button>
      </div>
    </form>
  );
}

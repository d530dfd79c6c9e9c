import {
  AGE_GROUPS,
  type AgeGroupCode,
  type FieldError,
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
import { bothLanguages, FieldErrors, type Locale, useLocale, useT } from '@vi/ui';
import { type FormEvent, useState } from 'react';
import { dashboardMessages } from './dashboard-messages.ts';
import { DISCLOSURE_HELP_ID } from './data-table-view.tsx';

/**
 * What the evaluator chose. The gateway answers only selections that cannot be combined to isolate a
 * small group, so the form offers only those: one organisation or all granted, whole months, and one
 * category or all per dimension ('' = all). `model` only chooses which sections are shown.
 */
export type DashboardFilter = {
  organizationId: string;
  /** First month of the period, `yyyy-mm` ('' = no lower bound). */
  fromMonth: string;
  /** Last month of the period, `yyyy-mm` ('' = no upper bound). */
  toMonth: string;
  model: 'ALL' | InterventionModelCode;
  incidentType: '' | IncidentTypeCode;
  gender: '' | GenderCode;
  ageGroup: '' | AgeGroupCode;
  role: '' | PersonRoleCode;
};

export const EMPTY_FILTER: DashboardFilter = {
  organizationId: '',
  fromMonth: '',
  toMonth: '',
  model: 'ALL',
  incidentType: '',
  gender: '',
  ageGroup: '',
  role: '',
};

/** The filter's fields by the gateway's field names (`EvaluationFilterInput`), which errors use. */
type FilterField = 'organizationIds' | 'from' | 'to' | 'incidentTypes' | 'genders' | 'ageGroups' | 'roles';

const DRAFT_KEY: Record<FilterField, keyof DashboardFilter> = {
  organizationIds: 'organizationId',
  from: 'fromMonth',
  to: 'toMonth',
  incidentTypes: 'incidentType',
  genders: 'gender',
  ageGroups: 'ageGroup',
  roles: 'role',
};

/** The control an error belongs to: `genders.0` and `filter.genders` are the genders select. */
export function filterFieldOf(field: string): FilterField | null {
  const root = field.replace(/^filter\./, '').split('.')[0] ?? '';
  return root in DRAFT_KEY ? (root as FilterField) : null;
}

function controlId(field: FilterField): string {
  return `ev-filter-${field}`;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** `2024-02` → `2024-02-01`. */
export function monthStart(month: string): string {
  return `${month}-01`;
}

/** `2024-02` → `2024-02-29`: the last day of the month (day 0 of the next month). */
export function monthEnd(month: string): string {
  const match = MONTH.exec(month);
  if (!match) throw new RangeError(`not a month: ${month}`);
  const lastDay = new Date(Date.UTC(Number(match[1]), Number(match[2]), 0)).getUTCDate();
  return `${month}-${String(lastDay).padStart(2, '0')}`;
}

/** A date from the gateway (`yyyy-mm-dd`) as dd.mm.åååå, as Danish readers expect (English too). */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-');
  return year && month && day ? `${day}.${month}.${year}` : date;
}

/**
 * Checks the period before anything is sent: each field named, with a code and a message in both
 * languages. The gateway checks the same again (whole months, one or all, the organisation grants);
 * its errors are shown beside the same fields.
 */
export function validateDashboardFilter(filter: DashboardFilter): FieldError[] {
  const errors: FieldError[] = [];
  for (const [field, value] of [
    ['from', filter.fromMonth],
    ['to', filter.toMonth],
  ] as const) {
    if (value && !MONTH.test(value)) {
      errors.push({
        field,
        code: 'INVALID_MONTH',
        message: bothLanguages(dashboardMessages, 'filters.invalidMonth'),
      });
    }
  }
  if (errors.length === 0 && filter.fromMonth && filter.toMonth && filter.fromMonth > filter.toMonth) {
    errors.push({
      field: 'to',
      code: 'BEFORE_FROM',
      message: bothLanguages(dashboardMessages, 'filters.beforeFrom'),
    });
  }
  return errors;
}

/**
 * The variables of `evaluation(filter:)` for a chosen filter: "all" is left out (the gateway then
 * takes every organisation granted, every category), a month range becomes its first and last day.
 */
export function filterVariables(filter: DashboardFilter) {
  return {
    ...(filter.organizationId ? { organizationIds: [filter.organizationId] } : {}),
    ...(filter.fromMonth ? { from: monthStart(filter.fromMonth) } : {}),
    ...(filter.toMonth ? { to: monthEnd(filter.toMonth) } : {}),
    ...(filter.incidentType ? { incidentTypes: [filter.incidentType] } : {}),
    ...(filter.gender ? { genders: [filter.gender] } : {}),
    ...(filter.ageGroup ? { ageGroups: [filter.ageGroup] } : {}),
    ...(filter.role ? { roles: [filter.role] } : {}),
  };
}

/** How many different selections the evaluator has used today, of how many allowed. */
export type SelectionUsage = { used: number; limit: number };

function taxonomyOptions(list: Taxonomy, locale: Locale) {
  return list.map((entry) => ({ value: entry.code, label: entry.label[locale] }));
}

export function DashboardFilters({
  organizations,
  applied,
  onApply,
  serverErrors = [],
  usage = null,
}: {
  organizations: ReadonlyArray<{ id: string; name: string }>;
  applied: DashboardFilter;
  onApply: (filter: DashboardFilter) => void;
  /** The gateway's field errors for the applied filter (VALIDATION), shown beside their fields. */
  serverErrors?: readonly FieldError[];
  usage?: SelectionUsage | null;
}) {
  const t = useT(dashboardMessages);
  const { locale } = useLocale();
  const [draft, setDraft] = useState<DashboardFilter>(applied);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const update = (patch: Partial<DashboardFilter>) => setDraft((previous) => ({ ...previous, ...patch }));
  /**
   * This form's own errors, else the gateway's for the applied filter as long as the field still
   * holds the value the gateway refused.
   */
  const errorsFor = (field: FilterField): FieldError[] => {
    const local = errors.filter((error) => filterFieldOf(error.field) === field);
    if (local.length > 0) return local;
    const key = DRAFT_KEY[field];
    if (draft[key] !== applied[key]) return [];
    return serverErrors.filter((error) => filterFieldOf(error.field) === field);
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems = validateDashboardFilter(draft);
    setErrors(problems);
    if (problems.length === 0) {
      onApply(draft);
      return;
    }
    const first = problems.map((problem) => filterFieldOf(problem.field)).find((field) => field !== null);
    if (first) document.getElementById(controlId(first))?.focus();
  }

  const monthField = (field: 'from' | 'to', label: string) => {
    const fieldErrors = errorsFor(field);
    const key = DRAFT_KEY[field];
    const id = controlId(field);
    return (
      <div className={`vi-field${fieldErrors.length ? ' vi-field--invalid' : ''}`}>
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          type="month"
          // Browsers without a month picker show a text field: the pattern and placeholder say what to type.
          placeholder={t('filters.monthPlaceholder')}
          pattern="\d{4}-\d{2}"
          value={draft[key]}
          aria-invalid={fieldErrors.length > 0}
          aria-describedby={[`ev-filter-period-hint`, fieldErrors.length ? `${id}-errors` : '']
            .filter(Boolean)
            .join(' ')}
          onChange={(event) => update({ [key]: event.target.value })}
        />
        <FieldErrors id={`${id}-errors`} errors={fieldErrors} />
      </div>
    );
  };

  const oneOrAllField = (
    field: Exclude<FilterField, 'from' | 'to'>,
    label: string,
    allLabel: string,
    options: ReadonlyArray<{ value: string; label: string }>,
  ) => {
    const fieldErrors = errorsFor(field);
    const key = DRAFT_KEY[field];
    const id = controlId(field);
    return (
      <div className={`vi-field${fieldErrors.length ? ' vi-field--invalid' : ''}`}>
        <label htmlFor={id}>{label}</label>
        <select
          id={id}
          value={draft[key]}
          aria-invalid={fieldErrors.length > 0}
          aria-describedby={fieldErrors.length ? `${id}-errors` : undefined}
          onChange={(event) => update({ [key]: event.target.value })}
        >
          <option value="">{allLabel}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <FieldErrors id={`${id}-errors`} errors={fieldErrors} />
      </div>
    );
  };

  return (
    <form
      className="ev-filters"
      aria-labelledby="ev-filters-heading"
      aria-describedby="ev-filters-hint"
      onSubmit={submit}
      noValidate
    >
      <h2 id="ev-filters-heading">{t('filters.heading')}</h2>
      <p className="ev-hint" id="ev-filters-hint">
        {t('filters.oneOrAll')}
      </p>
      <div className="ev-filters__grid">
        {oneOrAllField(
          'organizationIds',
          t('filters.organizations'),
          t('filters.allOrganizations'),
          organizations.map((organization) => ({ value: organization.id, label: organization.name })),
        )}
        <fieldset className="ev-filter-group">
          <legend>{t('filters.period')}</legend>
          <p className="ev-hint" id="ev-filter-period-hint">
            {t('filters.monthHint')}
          </p>
          {monthField('from', t('filters.from'))}
          {monthField('to', t('filters.to'))}
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
        {oneOrAllField(
          'incidentTypes',
          t('filters.incidentTypes'),
          t('filters.all'),
          taxonomyOptions(INCIDENT_TYPES, locale),
        )}
        {oneOrAllField('genders', t('filters.genders'), t('filters.all'), taxonomyOptions(GENDERS, locale))}
        {oneOrAllField(
          'ageGroups',
          t('filters.ageGroups'),
          t('filters.all'),
          taxonomyOptions(AGE_GROUPS, locale),
        )}
        {oneOrAllField('roles', t('filters.roles'), t('filters.all'), taxonomyOptions(PERSON_ROLES, locale))}
      </div>
      {usage ? (
        <p
          className={`ev-usage${usage.used >= usage.limit ? ' ev-usage--full' : ''}`}
          data-testid="evaluation-usage"
        >
          <strong>{t('filters.usage', { used: usage.used, limit: usage.limit })}</strong>.{' '}
          {t('filters.usageHint')} <a href={`#${DISCLOSURE_HELP_ID}`}>{t('filters.usageHelp')}</a>
        </p>
      ) : null}
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

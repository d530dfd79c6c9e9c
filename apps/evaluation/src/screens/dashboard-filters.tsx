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
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { dashboardMessages } from './dashboard-messages.ts';
import { DISCLOSURE_HELP_ID } from './data-table-view.tsx';
import { type FilterDimension, filterApplies } from './filter-applicability.ts';

/**
 * The period kinds the gateway answers (its publication grid): everything, one month, one calendar
 * quarter or one calendar year. Anything else (month ranges, year ranges, open ends) is refused
 * (PERIOD_GRID): differences of overlapping periods could average the noise away.
 */
export const PERIOD_KINDS = ['ALL', 'MONTH', 'QUARTER', 'YEAR'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const QUARTERS = ['1', '2', '3', '4'] as const;
export type Quarter = (typeof QUARTERS)[number];
/** The years one can choose from. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;
export const YEARS: readonly string[] = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, index) =>
  String(FIRST_YEAR + index),
);

/**
 * The period chosen. Only the fields of `kind` count; the others keep what was last chosen (or the
 * defaults), so switching back and forth loses nothing.
 */
export type PeriodChoice = {
  kind: PeriodKind;
  /** One month, `yyyy-mm`. */
  month: string;
  /** The year of a quarter, `yyyy`. */
  quarterYear: string;
  quarter: Quarter;
  /** One calendar year, `yyyy`. */
  year: string;
};

const pad2 = (value: number) => String(value).padStart(2, '0');

/**
 * The choices offered first: the previous month, the previous quarter and the previous calendar
 * year (each the latest one that is over), within the years one can choose from.
 */
export function defaultPeriod(today: Date = new Date()): PeriodChoice {
  const year = today.getFullYear();
  const month = today.getMonth(); // 0-11
  const previousMonth = month === 0 ? `${year - 1}-12` : `${year}-${pad2(month)}`;
  // The current quarter counted from 0, which is the previous quarter counted from 1 (0: Q4 last year).
  const quarter = Math.floor(month / 3);
  const previousQuarter =
    quarter === 0
      ? { quarterYear: String(year - 1), quarter: '4' as Quarter }
      : {
          quarterYear: String(year),
          quarter: String(quarter) as Quarter,
        };
  const clampYear = (value: number) => String(Math.min(LAST_YEAR, Math.max(FIRST_YEAR, value)));
  return {
    kind: 'ALL',
    month: previousMonth,
    ...previousQuarter,
    year: clampYear(year - 1),
  };
}

/**
 * What the evaluator chose. The gateway answers only selections that cannot be combined to isolate a
 * small group, so the form offers only those: one organisation or all granted, a period on the
 * publication grid, and one category or all per dimension ('' = all). `model` only chooses which
 * sections are shown.
 */
export type DashboardFilter = {
  organizationId: string;
  period: PeriodChoice;
  model: 'ALL' | InterventionModelCode;
  incidentType: '' | IncidentTypeCode;
  gender: '' | GenderCode;
  ageGroup: '' | AgeGroupCode;
  role: '' | PersonRoleCode;
};

export const EMPTY_FILTER: DashboardFilter = {
  organizationId: '',
  period: defaultPeriod(),
  model: 'ALL',
  incidentType: '',
  gender: '',
  ageGroup: '',
  role: '',
};

/** The filter's fields by the gateway's field names (`EvaluationFilterInput`), which errors use. */
type FilterField = 'organizationIds' | 'from' | 'to' | 'incidentTypes' | 'genders' | 'ageGroups' | 'roles';
/** The controls errors are shown beside: `from` and `to` are both the period control's. */
type FilterControl = Exclude<FilterField, 'from' | 'to'> | 'period';

const DRAFT_KEY: Record<
  Exclude<FilterControl, 'period'>,
  'organizationId' | 'incidentType' | 'gender' | 'ageGroup' | 'role'
> = {
  organizationIds: 'organizationId',
  incidentTypes: 'incidentType',
  genders: 'gender',
  ageGroups: 'ageGroup',
  roles: 'role',
};

const FILTER_FIELDS: readonly string[] = [...Object.keys(DRAFT_KEY), 'from', 'to'];

/** The field an error is about: `genders.0` and `filter.genders` are the genders select. */
export function filterFieldOf(field: string): FilterField | null {
  const root = field.replace(/^filter\./, '').split('.')[0] ?? '';
  return FILTER_FIELDS.includes(root) ? (root as FilterField) : null;
}

/** The control an error is shown beside: the period's errors (`from`, `to`) beside the period control. */
function controlOf(field: string): FilterControl | null {
  const root = filterFieldOf(field);
  return root === 'from' || root === 'to' ? 'period' : root;
}

function controlId(field: Exclude<FilterControl, 'period'>): string {
  return `ev-filter-${field}`;
}

/** The id of the period control's first input for the kind chosen (where focus goes on an error). */
function periodInputId(kind: PeriodKind): string {
  switch (kind) {
    case 'ALL':
      return 'ev-filter-period';
    case 'MONTH':
      return 'ev-filter-month';
    case 'QUARTER':
      return 'ev-filter-quarter-year';
    case 'YEAR':
      return 'ev-filter-year';
  }
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR = /^\d{4}$/;

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

/** A date from the gateway (`yyyy-mm-dd`) as dd.mm.åååå in both languages: the shared rule in @vi/ui. */
export { formatDate } from '@vi/ui';

/**
 * The period as the gateway's `from` and `to` (first and last day). Every period this gives lies on
 * the gateway's grid: everything (neither), one month, one quarter or one calendar year (both).
 */
export function periodDates(period: PeriodChoice): { from?: string; to?: string } {
  switch (period.kind) {
    case 'ALL':
      return {};
    case 'MONTH':
      return MONTH.test(period.month) ? { from: monthStart(period.month), to: monthEnd(period.month) } : {};
    case 'QUARTER': {
      if (!YEAR.test(period.quarterYear)) return {};
      const first = (Number(period.quarter) - 1) * 3 + 1;
      return {
        from: `${period.quarterYear}-${pad2(first)}-01`,
        to: monthEnd(`${period.quarterYear}-${pad2(first + 2)}`),
      };
    }
    case 'YEAR':
      return YEAR.test(period.year) ? { from: `${period.year}-01-01`, to: `${period.year}-12-31` } : {};
  }
}

/**
 * Checks the period before anything is sent: each field named, with a code and a message in both
 * languages. The gateway checks the same again (the period grid, one or all, the organisation
 * grants); its errors are shown beside the same controls.
 */
export function validateDashboardFilter(filter: DashboardFilter): FieldError[] {
  const { period } = filter;
  if (period.kind === 'MONTH' && !MONTH.test(period.month)) {
    return [
      {
        field: 'from',
        code: 'INVALID_MONTH',
        message: bothLanguages(dashboardMessages, 'filters.invalidMonth'),
      },
    ];
  }
  return [];
}

/**
 * The variables of `evaluation(filter:)` for a chosen filter: "all" is left out (the gateway then
 * takes every organisation granted, every category), the period becomes its first and last day, and
 * a breakdown that cannot apply to the chosen model is not sent (filter-applicability.ts).
 */
export function filterVariables(filter: DashboardFilter) {
  const applies = (dimension: FilterDimension) => filterApplies(filter.model, dimension);
  return {
    ...(filter.organizationId ? { organizationIds: [filter.organizationId] } : {}),
    ...periodDates(filter.period),
    ...(filter.incidentType && applies('incidentTypes') ? { incidentTypes: [filter.incidentType] } : {}),
    ...(filter.gender && applies('genders') ? { genders: [filter.gender] } : {}),
    ...(filter.ageGroup && applies('ageGroups') ? { ageGroups: [filter.ageGroup] } : {}),
    ...(filter.role && applies('roles') ? { roles: [filter.role] } : {}),
  };
}

/** How many of the breakdowns in the "more filters" disclosure are chosen and apply to the model. */
export function chosenBreakdowns(filter: DashboardFilter): number {
  const variables = filterVariables(filter);
  return (['incidentTypes', 'genders', 'ageGroups', 'roles'] as const).filter((d) => d in variables).length;
}

/** The same period for the gateway (the same first and last day), however it was chosen. */
function samePeriod(a: PeriodChoice, b: PeriodChoice): boolean {
  const x = periodDates(a);
  const y = periodDates(b);
  return x.from === y.from && x.to === y.to;
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
  const [moreOpen, setMoreOpen] = useState(() => chosenBreakdowns(applied) > 0);
  // A refused breakdown is shown open, beside its error.
  const breakdownRefused = serverErrors.some((error) =>
    ['incidentTypes', 'genders', 'ageGroups', 'roles'].includes(filterFieldOf(error.field) ?? ''),
  );
  useEffect(() => {
    if (breakdownRefused) setMoreOpen(true);
  }, [breakdownRefused]);
  /** A changed control's own errors go: they were about the value it held. */
  const forget = (control: FilterControl) =>
    setErrors((previous) => previous.filter((error) => controlOf(error.field) !== control));
  const update = (patch: Partial<DashboardFilter>) => setDraft((previous) => ({ ...previous, ...patch }));
  const updatePeriod = (patch: Partial<PeriodChoice>) => {
    forget('period');
    setDraft((previous) => ({ ...previous, period: { ...previous.period, ...patch } }));
  };
  /**
   * This form's own errors, else the gateway's for the applied filter as long as the control still
   * holds the value the gateway refused.
   */
  const errorsFor = (control: FilterControl): FieldError[] => {
    const local = errors.filter((error) => controlOf(error.field) === control);
    if (local.length > 0) return local;
    const unchanged =
      control === 'period'
        ? samePeriod(draft.period, applied.period)
        : draft[DRAFT_KEY[control]] === applied[DRAFT_KEY[control]];
    if (!unchanged) return [];
    return serverErrors.filter((error) => controlOf(error.field) === control);
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems = validateDashboardFilter(draft);
    setErrors(problems);
    if (problems.length === 0) {
      onApply(draft);
      return;
    }
    const first = problems.map((problem) => controlOf(problem.field)).find((control) => control !== null);
    if (first)
      document
        .getElementById(first === 'period' ? periodInputId(draft.period.kind) : controlId(first))
        ?.focus();
  }

  const periodErrors = errorsFor('period');
  const periodInvalid = periodErrors.length > 0;
  const periodDescribedBy = ['ev-filter-period-hint', periodInvalid ? 'ev-filter-period-errors' : '']
    .filter(Boolean)
    .join(' ');
  /** A field of the period control: label, then a select or input described by the hint and errors. */
  const periodField = (id: string, label: string, control: ReactNode) => (
    <div className={`vi-field${periodInvalid ? ' vi-field--invalid' : ''}`} key={id}>
      <label htmlFor={id}>{label}</label>
      {control}
    </div>
  );
  const yearSelect = (id: string, value: string, onChange: (year: string) => void) => (
    <select
      id={id}
      value={value}
      aria-invalid={periodInvalid}
      aria-describedby={periodDescribedBy}
      onChange={(event) => onChange(event.target.value)}
    >
      {YEARS.map((year) => (
        <option key={year} value={year}>
          {year}
        </option>
      ))}
    </select>
  );
  const { period } = draft;
  const periodInputs = (): ReactNode => {
    switch (period.kind) {
      case 'ALL':
        return null;
      case 'MONTH':
        return periodField(
          'ev-filter-month',
          t('filters.month'),
          <input
            id="ev-filter-month"
            type="month"
            min={`${FIRST_YEAR}-01`}
            max={`${LAST_YEAR}-12`}
            // Browsers without a month picker show a text field: the pattern and placeholder say what to type.
            placeholder={t('filters.monthPlaceholder')}
            pattern="\d{4}-\d{2}"
            value={period.month}
            aria-invalid={periodInvalid}
            aria-describedby={periodDescribedBy}
            onChange={(event) => updatePeriod({ month: event.target.value })}
          />,
        );
      case 'QUARTER':
        return (
          <>
            {periodField(
              'ev-filter-quarter-year',
              t('filters.year'),
              yearSelect('ev-filter-quarter-year', period.quarterYear, (year) =>
                updatePeriod({ quarterYear: year }),
              ),
            )}
            {periodField(
              'ev-filter-quarter',
              t('filters.quarter'),
              <select
                id="ev-filter-quarter"
                value={period.quarter}
                aria-invalid={periodInvalid}
                aria-describedby={periodDescribedBy}
                onChange={(event) => updatePeriod({ quarter: event.target.value as Quarter })}
              >
                {QUARTERS.map((quarter) => (
                  <option key={quarter} value={quarter}>
                    {t(`filters.quarter${quarter}`)}
                  </option>
                ))}
              </select>,
            )}
          </>
        );
      case 'YEAR':
        return periodField(
          'ev-filter-year',
          t('filters.year'),
          yearSelect('ev-filter-year', period.year, (year) => updatePeriod({ year })),
        );
    }
  };

  /** Why a breakdown is disabled for the chosen model, or null where it applies. */
  const notApplicable = (field: Exclude<FilterControl, 'period'>): string | null => {
    if (field === 'organizationIds' || filterApplies(draft.model, field)) return null;
    if (draft.model === 'GROUP_COURSE') return t('filters.notForCourse');
    const model = INTERVENTION_MODELS.find((m) => m.code === draft.model);
    return t('filters.notForModel', { model: model ? model.label[locale] : draft.model });
  };
  const oneOrAllField = (
    field: Exclude<FilterControl, 'period'>,
    label: string,
    allLabel: string,
    options: ReadonlyArray<{ value: string; label: string }>,
  ) => {
    const fieldErrors = errorsFor(field);
    const key = DRAFT_KEY[field];
    const id = controlId(field);
    const reason = notApplicable(field);
    const describedBy = [reason ? `${id}-reason` : '', fieldErrors.length ? `${id}-errors` : '']
      .filter(Boolean)
      .join(' ');
    return (
      <div className={`vi-field${fieldErrors.length ? ' vi-field--invalid' : ''}`}>
        <label htmlFor={id}>{label}</label>
        {reason ? (
          <p className="ev-hint" id={`${id}-reason`}>
            {reason}
          </p>
        ) : null}
        <select
          id={id}
          // Disabled for a model it cannot apply to: it shows "all", which is what is sent.
          value={reason ? '' : draft[key]}
          disabled={reason !== null}
          aria-invalid={fieldErrors.length > 0}
          aria-describedby={describedBy || undefined}
          onChange={(event) => {
            forget(field);
            update({ [key]: event.target.value });
          }}
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
        <fieldset
          className={`ev-filter-group ev-filter-period${periodInvalid ? ' ev-filter-group--invalid' : ''}`}
        >
          <legend>{t('filters.period')}</legend>
          <p className="ev-hint" id="ev-filter-period-hint">
            {t('filters.periodHint')}
          </p>
          {periodField(
            'ev-filter-period',
            t('filters.periodKind'),
            <select
              id="ev-filter-period"
              value={period.kind}
              aria-invalid={periodInvalid}
              aria-describedby={periodDescribedBy}
              onChange={(event) => updatePeriod({ kind: event.target.value as PeriodKind })}
            >
              {PERIOD_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`filters.kind.${kind}`)}
                </option>
              ))}
            </select>,
          )}
          {periodInputs()}
          <FieldErrors id="ev-filter-period-errors" errors={periodErrors} />
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
      </div>
      {/* The breakdowns in a disclosure: closed, "Vis tal" is a few Tabs away; open when one is chosen or refused. */}
      <details
        className="ev-filters__more"
        open={moreOpen}
        onToggle={(event) => setMoreOpen((event.target as HTMLDetailsElement).open)}
      >
        <summary>
          {t('filters.more')}
          {chosenBreakdowns(draft) > 0
            ? ` (${t('filters.moreChosen', { count: chosenBreakdowns(draft) })})`
            : ''}
        </summary>
        <div className="ev-filters__grid">
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
          {oneOrAllField(
            'roles',
            t('filters.roles'),
            t('filters.all'),
            taxonomyOptions(PERSON_ROLES, locale),
          )}
        </div>
      </details>
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

// Small pieces the hate-crime screens share: today's Danish date, a labelled date field with its
// errors, the request-problem alert, and code labels from the domain's lists.
import type { Label, Locale } from '@vi/domain';
import {
  describeRequestProblem,
  type FieldError,
  FieldErrors,
  type RequestProblem,
  useProblemText,
} from '@vi/ui';
import type { CombinedError } from 'urql';

/** Today in Denmark as yyyy-mm-dd (date inputs and the gateway's Date). */
export function todayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(now);
}

export function problemOf(error: CombinedError | undefined): RequestProblem | null {
  return error ? describeRequestProblem(error) : null;
}

export function errorsOf(problem: RequestProblem | null, field: string): FieldError[] {
  return problem ? problem.fields.filter((f) => f.field === field) : [];
}

/** The problem of a request that is not about one field (those show at their field). */
export function ProblemAlert({
  problem,
  fields,
}: {
  problem: RequestProblem | null;
  fields: readonly string[];
}) {
  const text = useProblemText();
  if (!problem) return null;
  const unshown = problem.fields.filter((f) => !fields.includes(f.field));
  if (problem.fields.length > 0 && unshown.length === 0) return null;
  return (
    <p role="alert" className="or-alert">
      {text(problem)}
      {unshown.length > 0 ? ` (${unshown.map((f) => f.field).join(', ')})` : null}
    </p>
  );
}

export function DateField({
  id,
  label,
  value,
  onChange,
  errors = [],
  max,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors?: readonly FieldError[];
  max?: string;
}) {
  const invalid = errors.length > 0;
  return (
    <div className={invalid ? 'vi-field vi-field--invalid' : 'vi-field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={value}
        max={max}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-errors` : undefined}
      />
      <FieldErrors id={`${id}-errors`} errors={errors} />
    </div>
  );
}

/** A label of the domain in the user's language. */
export function inLocale(label: Label, locale: Locale): string {
  return label[locale];
}

import type { FieldError } from './graphql-errors.ts';
import { useLocalized } from './locale.tsx';

/**
 * The errors of one field, rendered right after it. Give the list an id and point the control's
 * `aria-describedby` at it so a screen reader reads the reason together with the label.
 */
export function FieldErrors({ id, errors }: { id: string; errors: readonly FieldError[] }) {
  const text = useLocalized();
  if (errors.length === 0) return null;
  return (
    <ul id={id} className="vi-field-errors">
      {errors.map((error) => (
        <li key={`${error.field}:${error.code}`} data-code={error.code}>
          {text(error.message)}
        </li>
      ))}
    </ul>
  );
}

import type { InputHTMLAttributes, Ref } from 'react';
import { FieldErrors } from './field-errors.tsx';
import type { FieldError } from './graphql-errors.ts';

type TextFieldProps = {
  id: string;
  label: string;
  errors?: readonly FieldError[];
  value: string;
  onValueChange: (value: string) => void;
  ref?: Ref<HTMLInputElement>;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'aria-invalid'>;

/** A labelled single-line input whose errors are announced with it (WCAG 1.3.1, 3.3.1). */
export function TextField({ id, label, errors = [], value, onValueChange, ref, ...input }: TextFieldProps) {
  const errorsId = `${id}-errors`;
  const invalid = errors.length > 0;
  // A hint the caller links (e.g. password rules) is read together with the errors.
  const describedBy = [input['aria-describedby'], invalid ? errorsId : undefined].filter(Boolean).join(' ');
  return (
    <div className={invalid ? 'vi-field vi-field--invalid' : 'vi-field'}>
      <label htmlFor={id}>{label}</label>
      <input
        {...input}
        ref={ref}
        id={id}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy || undefined}
      />
      <FieldErrors id={errorsId} errors={errors} />
    </div>
  );
}

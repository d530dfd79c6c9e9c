import { fieldError } from '@vi/domain';
import { type FormEvent, useId, useRef, useState } from 'react';
import { graphql } from './graphql.ts';
import {
  describeRequestProblem,
  type FieldError,
  fieldErrorsFor,
  type RequestProblem,
} from './graphql-errors.ts';
import { useT } from './locale.tsx';
import { useProblemText } from './problem-message.ts';
import { useSessionMutation } from './session.tsx';
import { TextField } from './text-field.tsx';

const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) { id }
  }
`);

/** Checks done before sending, so an empty field is explained without a round trip. */
export function validateLoginInput(input: { email: string; password: string }): FieldError[] {
  const errors: FieldError[] = [];
  if (input.email.trim() === '') errors.push(fieldError('email', 'REQUIRED'));
  if (input.password === '') errors.push(fieldError('password', 'REQUIRED'));
  return errors;
}

export function LoginForm({ onLoggedIn }: { onLoggedIn: () => void }) {
  const t = useT();
  const problemText = useProblemText();
  const formId = useId();
  const headingId = `${formId}-heading`;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<RequestProblem | null>(null);
  const [result, login] = useSessionMutation(LoginMutation);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const localErrors = validateLoginInput({ email, password });
    if (localErrors.length > 0) {
      setProblem({ code: 'VALIDATION', message: null, fields: localErrors });
      (localErrors[0]?.field === 'password' ? passwordRef : emailRef).current?.focus();
      return;
    }
    setProblem(null);
    const outcome = await login({ input: { email: email.trim(), password } });
    if (outcome.error) {
      setProblem(describeRequestProblem(outcome.error));
      // A wrong password is retyped, never kept: clear it and start again from the email field.
      setPassword('');
      emailRef.current?.focus();
      return;
    }
    if (outcome.data?.login) onLoggedIn();
  }

  return (
    <section className="vi-login" aria-labelledby={headingId}>
      <h1 id={headingId}>{t('login.heading')}</h1>
      <p>{t('login.intro')}</p>
      <form onSubmit={submit} noValidate>
        <div className="vi-form-message" role="alert" aria-live="assertive">
          {problem ? problemText(problem) : null}
        </div>
        <TextField
          ref={emailRef}
          id={`${formId}-email`}
          name="email"
          type="email"
          label={t('login.email')}
          autoComplete="username"
          required
          value={email}
          onValueChange={setEmail}
          errors={fieldErrorsFor(problem, 'email')}
        />
        <TextField
          ref={passwordRef}
          id={`${formId}-password`}
          name="password"
          type="password"
          label={t('login.password')}
          autoComplete="current-password"
          required
          value={password}
          onValueChange={setPassword}
          errors={fieldErrorsFor(problem, 'password')}
        />
        <button type="submit" className="vi-button vi-button--primary" disabled={result.fetching}>
          {result.fetching ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </section>
  );
}

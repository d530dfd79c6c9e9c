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
  // Two-step login: after a right password the gateway asks for the app's code (SECOND_FACTOR_REQUIRED);
  // the same mutation is sent again with e-mail, password and code, so nothing half-logged-in is kept.
  const [needsCode, setNeedsCode] = useState(false);
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<RequestProblem | null>(null);
  const [result, login] = useSessionMutation(LoginMutation);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  function startOver() {
    setNeedsCode(false);
    setCode('');
    setPassword('');
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const localErrors = validateLoginInput({ email, password });
    if (localErrors.length > 0) {
      setProblem({ code: 'VALIDATION', message: null, fields: localErrors });
      (localErrors[0]?.field === 'password' ? passwordRef : emailRef).current?.focus();
      return;
    }
    if (needsCode && code.trim() === '') {
      setProblem({ code: 'VALIDATION', message: null, fields: [fieldError('code', 'REQUIRED')] });
      codeRef.current?.focus();
      return;
    }
    setProblem(null);
    const outcome = await login({
      input: { email: email.trim(), password, ...(needsCode ? { code: code.trim() } : {}) },
    });
    if (outcome.error) {
      const found = describeRequestProblem(outcome.error);
      if (
        found.code === 'SECOND_FACTOR_REQUIRED' ||
        (needsCode && fieldErrorsFor(found, 'code').length > 0)
      ) {
        // The password was right: keep it for the resend, and ask for (another) code.
        setNeedsCode(true);
        setCode('');
        setProblem(found.code === 'SECOND_FACTOR_REQUIRED' ? null : found);
        // The code field appears with this render; focus it once it is there.
        setTimeout(() => codeRef.current?.focus(), 0);
        return;
      }
      setProblem(found);
      // A wrong password is retyped, never kept: clear it and start again from the email field.
      startOver();
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
          readOnly={needsCode}
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
          readOnly={needsCode}
          value={password}
          onValueChange={setPassword}
          errors={fieldErrorsFor(problem, 'password')}
        />
        {needsCode ? (
          <>
            <p id={`${formId}-code-hint`}>{t('login.codeIntro')}</p>
            <TextField
              ref={codeRef}
              id={`${formId}-code`}
              name="code"
              label={t('login.code')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={7}
              required
              aria-describedby={`${formId}-code-hint`}
              value={code}
              onValueChange={setCode}
              errors={fieldErrorsFor(problem, 'code')}
            />
          </>
        ) : null}
        <button type="submit" className="vi-button vi-button--primary" disabled={result.fetching}>
          {result.fetching ? t('login.submitting') : t('login.submit')}
        </button>
        {needsCode ? (
          <button
            type="button"
            className="vi-button"
            onClick={() => {
              startOver();
              setProblem(null);
              passwordRef.current?.focus();
            }}
          >
            {t('login.startOver')}
          </button>
        ) : null}
      </form>
    </section>
  );
}

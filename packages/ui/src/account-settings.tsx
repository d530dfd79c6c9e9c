import { type FieldError, fieldError, newPasswordErrors, PASSWORD_MIN_LENGTH } from '@vi/domain';
import QRCode from 'qrcode';
import { type FormEvent, type ReactNode, type RefObject, useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { accountMessages } from './account-messages.ts';
import { graphql } from './graphql.ts';
import { describeRequestProblem, fieldErrorsFor, type RequestProblem } from './graphql-errors.ts';
import { useT } from './locale.tsx';
import { useProblemText } from './problem-message.ts';
import { useSession, useSessionMutation } from './session.tsx';
import { TextField } from './text-field.tsx';
import './account.css';

const AccountQuery = graphql(`
  query Account {
    me { id email mustChangePassword twoFactorEnabled twoFactorRequired }
  }
`);

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) { id mustChangePassword }
  }
`);

const StartTwoFactorMutation = graphql(`
  mutation StartTwoFactor($input: StartTwoFactorInput!) {
    startTwoFactorEnrolment(input: $input) { secret uri }
  }
`);

const ConfirmTwoFactorMutation = graphql(`
  mutation ConfirmTwoFactor($code: String!) {
    confirmTwoFactor(code: $code) { id twoFactorEnabled }
  }
`);

const DisableTwoFactorMutation = graphql(`
  mutation DisableTwoFactor($code: String!) {
    disableTwoFactor(code: $code) { id twoFactorEnabled }
  }
`);

/** The focus goes to the first field a problem names, so a keyboard user lands where the fix is. */
function focusFirst(problem: RequestProblem, fields: Record<string, RefObject<HTMLInputElement | null>>) {
  const first = problem.fields.find((error) => fields[error.field]);
  (first ? fields[first.field] : Object.values(fields)[0])?.current?.focus();
}

function localProblem(fields: FieldError[]): RequestProblem {
  return { code: 'VALIDATION', message: null, fields };
}

function ChangePasswordForm({ email, onChanged }: { email: string; onChanged: () => void }) {
  const t = useT(accountMessages);
  const problemText = useProblemText();
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<RequestProblem | null>(null);
  const [done, setDone] = useState(false);
  // On the session client (no cache): the result must not make urql refetch every query that holds
  // `Me` just as the screen changes; onChanged decides what to load again.
  const [state, change] = useSessionMutation(ChangePasswordMutation);
  const refs = {
    currentPassword: useRef<HTMLInputElement>(null),
    newPassword: useRef<HTMLInputElement>(null),
    repeatPassword: useRef<HTMLInputElement>(null),
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    // The domain's rule, checked here too so a weak password is explained without a round trip.
    const local: FieldError[] = [];
    if (current === '') local.push(fieldError('currentPassword', 'REQUIRED'));
    local.push(...newPasswordErrors('newPassword', next, { email, current }));
    if (next !== repeat) local.push(fieldError('repeatPassword', 'PASSWORD_MISMATCH'));
    if (local.length > 0) {
      const found = localProblem(local);
      setProblem(found);
      focusFirst(found, refs);
      return;
    }
    const outcome = await change({ input: { currentPassword: current, newPassword: next } });
    if (outcome.error) {
      const found = describeRequestProblem(outcome.error);
      setProblem(found);
      setCurrent('');
      focusFirst(found, refs);
      return;
    }
    setProblem(null);
    setCurrent('');
    setNext('');
    setRepeat('');
    setDone(true);
    onChanged();
  }

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('password.heading')}</h2>
      <p id={`${id}-hint`}>{t('password.hint', { min: PASSWORD_MIN_LENGTH })}</p>
      <form onSubmit={submit} noValidate>
        <div className="vi-form-message" role="alert">
          {problem ? problemText(problem) : null}
        </div>
        {/* The account's e-mail, for password managers that file the new password under it. */}
        <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
        <TextField
          ref={refs.currentPassword}
          id={`${id}-current`}
          type="password"
          label={t('password.current')}
          autoComplete="current-password"
          value={current}
          onValueChange={setCurrent}
          errors={fieldErrorsFor(problem, 'currentPassword')}
        />
        <TextField
          ref={refs.newPassword}
          id={`${id}-new`}
          type="password"
          label={t('password.new')}
          autoComplete="new-password"
          aria-describedby={`${id}-hint`}
          value={next}
          onValueChange={setNext}
          errors={fieldErrorsFor(problem, 'newPassword')}
        />
        <TextField
          ref={refs.repeatPassword}
          id={`${id}-repeat`}
          type="password"
          label={t('password.repeat')}
          autoComplete="new-password"
          value={repeat}
          onValueChange={setRepeat}
          errors={fieldErrorsFor(problem, 'repeatPassword')}
        />
        <button type="submit" className="vi-button vi-button--primary" disabled={state.fetching}>
          {state.fetching ? t('password.submitting') : t('password.submit')}
        </button>
        <p role="status">{done ? t('password.changed') : null}</p>
      </form>
    </section>
  );
}

/** The QR code is drawn in the browser from the otpauth:// URI: the secret never leaves for a QR service. */
function QrImage({ uri, alt }: { uri: string; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(uri, { margin: 2, width: 200, errorCorrectionLevel: 'M' }).then((data) => {
      if (live) setSrc(data);
    });
    return () => {
      live = false;
    };
  }, [uri]);
  return src ? <img src={src} alt={alt} width={200} height={200} className="vi-qr" /> : null;
}

/** "JBSW Y3DP …": groups of four are easier to type into an app. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

function TwoFactorSection({ enabled, required }: { enabled: boolean; required: boolean }) {
  const t = useT(accountMessages);
  const problemText = useProblemText();
  const id = useId();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [asking, setAsking] = useState(false);
  const [enrolment, setEnrolment] = useState<{ secret: string; uri: string } | null>(null);
  const [problem, setProblem] = useState<RequestProblem | null>(null);
  const [notice, setNotice] = useState<'enabled' | 'disabled' | null>(null);
  const [startState, start] = useMutation(StartTwoFactorMutation);
  const [confirmState, confirm] = useMutation(ConfirmTwoFactorMutation);
  const [disableState, disable] = useMutation(DisableTwoFactorMutation);
  const refs = { currentPassword: useRef<HTMLInputElement>(null), code: useRef<HTMLInputElement>(null) };

  function fail(found: RequestProblem) {
    setProblem(found);
    setCode('');
    focusFirst(found, refs);
  }

  async function submitPassword(event: FormEvent) {
    event.preventDefault();
    if (password === '') return fail(localProblem([fieldError('currentPassword', 'REQUIRED')]));
    const outcome = await start({ input: { currentPassword: password } });
    setPassword('');
    if (outcome.error) return fail(describeRequestProblem(outcome.error));
    setProblem(null);
    setAsking(false);
    setEnrolment(outcome.data?.startTwoFactorEnrolment ?? null);
  }

  async function submitCode(event: FormEvent) {
    event.preventDefault();
    if (code.trim() === '') return fail(localProblem([fieldError('code', 'REQUIRED')]));
    const outcome = enrolment ? await confirm({ code }) : await disable({ code });
    if (outcome.error) return fail(describeRequestProblem(outcome.error));
    setProblem(null);
    setCode('');
    setNotice(enrolment ? 'enabled' : 'disabled');
    setEnrolment(null);
  }

  const message = (
    <div className="vi-form-message" role="alert">
      {problem ? problemText(problem) : null}
    </div>
  );
  const codeField = (label: string) => (
    <TextField
      ref={refs.code}
      id={`${id}-code`}
      label={label}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={7}
      value={code}
      onValueChange={setCode}
      errors={fieldErrorsFor(problem, 'code')}
    />
  );

  let body: ReactNode;
  if (enrolment) {
    body = (
      <form onSubmit={submitCode} noValidate>
        <p>{t('twoFactor.scan')}</p>
        <QrImage uri={enrolment.uri} alt={t('twoFactor.qrAlt')} />
        <p>
          {t('twoFactor.secret')}: <code className="vi-secret">{grouped(enrolment.secret)}</code>
        </p>
        {message}
        {codeField(t('twoFactor.code'))}
        <div className="vi-actions">
          <button type="submit" className="vi-button vi-button--primary" disabled={confirmState.fetching}>
            {confirmState.fetching ? t('twoFactor.confirming') : t('twoFactor.confirm')}
          </button>
          <button type="button" className="vi-button" onClick={() => setEnrolment(null)}>
            {t('twoFactor.cancel')}
          </button>
        </div>
      </form>
    );
  } else if (enabled) {
    body = (
      <form onSubmit={submitCode} noValidate>
        {message}
        {codeField(t('twoFactor.disableCode'))}
        <button type="submit" className="vi-button" disabled={disableState.fetching}>
          {disableState.fetching ? t('twoFactor.disabling') : t('twoFactor.disable')}
        </button>
      </form>
    );
  } else if (asking) {
    body = (
      <form onSubmit={submitPassword} noValidate>
        {message}
        <TextField
          ref={refs.currentPassword}
          id={`${id}-password`}
          type="password"
          label={t('twoFactor.startPassword')}
          autoComplete="current-password"
          autoFocus
          value={password}
          onValueChange={setPassword}
          errors={fieldErrorsFor(problem, 'currentPassword')}
        />
        <div className="vi-actions">
          <button type="submit" className="vi-button vi-button--primary" disabled={startState.fetching}>
            {startState.fetching ? t('twoFactor.starting') : t('twoFactor.start')}
          </button>
          <button type="button" className="vi-button" onClick={() => setAsking(false)}>
            {t('twoFactor.cancel')}
          </button>
        </div>
      </form>
    );
  } else {
    body = (
      <button
        type="button"
        className="vi-button vi-button--primary"
        onClick={() => {
          setNotice(null);
          setAsking(true);
        }}
      >
        {t('twoFactor.start')}
      </button>
    );
  }

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('twoFactor.heading')}</h2>
      <p>{t('twoFactor.explain')}</p>
      {required && !enabled ? <p className="vi-notice">{t('twoFactor.requiredForAdmin')}</p> : null}
      <p>
        <strong>{enabled ? t('twoFactor.on') : t('twoFactor.off')}</strong>
      </p>
      {body}
      <p role="status">
        {notice === 'enabled'
          ? t('twoFactor.enabled')
          : notice === 'disabled'
            ? t('twoFactor.disabled')
            : null}
      </p>
    </section>
  );
}

/**
 * "Konto": the logged-in user's password and two-step login, for every role. The shell shows it in
 * place of any screen while the user still has a temporary password from an administrator.
 */
export function AccountSettings() {
  const t = useT(accountMessages);
  const problemText = useProblemText();
  const { restart } = useSession();
  const [{ data, error }, reexecute] = useQuery({ query: AccountQuery });
  const me = data?.me;
  return (
    <section className="vi-account-settings" aria-labelledby="vi-account-heading">
      <h1 id="vi-account-heading">{t('account.heading')}</h1>
      {error && !data ? <p role="alert">{problemText(describeRequestProblem(error))}</p> : null}
      {me ? (
        <>
          <p>{t('account.intro', { email: me.email })}</p>
          {me.mustChangePassword ? (
            <p className="vi-notice" role="status">
              {t('account.mustChange')}
            </p>
          ) : null}
          <ChangePasswordForm
            email={me.email}
            // After a temporary password the whole app starts over as a normal session; otherwise
            // only this screen's own facts are read again.
            onChanged={() =>
              me.mustChangePassword ? restart() : reexecute({ requestPolicy: 'network-only' })
            }
          />
          <TwoFactorSection enabled={me.twoFactorEnabled} required={me.twoFactorRequired} />
        </>
      ) : null}
    </section>
  );
}

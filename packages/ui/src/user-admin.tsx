import { type FieldError, fieldError, labelOf, normaliseEmail, ROLES, type RoleCode } from '@vi/domain';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { accountMessages } from './account-messages.ts';
import { useCurrentUser } from './current-user.tsx';
import { FieldErrors } from './field-errors.tsx';
import { graphql, type ResultOf } from './graphql.ts';
import { describeRequestProblem, fieldErrorsFor, type RequestProblem } from './graphql-errors.ts';
import { useLocale, useT } from './locale.tsx';
import { useProblemText } from './problem-message.ts';
import { TextField } from './text-field.tsx';
import './account.css';

const UsersQuery = graphql(`
  query OrganizationUsers {
    organizationUsers { id email displayName roles active twoFactorEnabled mustChangePassword manageable }
  }
`);

const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      temporaryPassword
      user { id email displayName roles active twoFactorEnabled mustChangePassword manageable }
    }
  }
`);

const SetUserRolesMutation = graphql(`
  mutation SetUserRoles($userId: ID!, $roles: [Role!]!) {
    setUserRoles(userId: $userId, roles: $roles) { id roles }
  }
`);

const DeactivateUserMutation = graphql(`
  mutation DeactivateUser($userId: ID!) {
    deactivateUser(userId: $userId) { id active }
  }
`);

const ReactivateUserMutation = graphql(`
  mutation ReactivateUser($userId: ID!) {
    reactivateUser(userId: $userId) { id active }
  }
`);

const ResetUserPasswordMutation = graphql(`
  mutation ResetUserPassword($userId: ID!) {
    resetUserPassword(userId: $userId) { temporaryPassword user { id mustChangePassword } }
  }
`);

const ResetUserTwoFactorMutation = graphql(`
  mutation ResetUserTwoFactor($userId: ID!) {
    resetUserTwoFactor(userId: $userId) { id twoFactorEnabled }
  }
`);

type ManagedUser = ResultOf<typeof UsersQuery>['organizationUsers'][number];
type Issued = { name: string; password: string };

/** The roles as checkboxes in a fieldset, its errors linked to it. */
function RolesFieldset({
  id,
  legend,
  value,
  onChange,
  errors,
}: {
  id: string;
  legend: string;
  value: readonly RoleCode[];
  onChange: (roles: RoleCode[]) => void;
  errors: readonly FieldError[];
}) {
  const { locale } = useLocale();
  const errorsId = `${id}-errors`;
  return (
    <>
      <fieldset
        id={id}
        className={errors.length > 0 ? 'vi-roles vi-roles--invalid' : 'vi-roles'}
        aria-describedby={errors.length > 0 ? errorsId : undefined}
        tabIndex={-1}
      >
        <legend>{legend}</legend>
        {ROLES.map((role) => (
          <label key={role.code}>
            <input
              type="checkbox"
              checked={value.includes(role.code)}
              onChange={(event) =>
                onChange(
                  event.target.checked ? [...value, role.code] : value.filter((code) => code !== role.code),
                )
              }
            />
            {labelOf(ROLES, role.code, locale)}
          </label>
        ))}
      </fieldset>
      <FieldErrors id={errorsId} errors={errors} />
    </>
  );
}

/** A temporary password, shown once until the administrator says it has been handed over. */
function IssuedPassword({ issued, onHide }: { issued: Issued; onHide: () => void }) {
  const t = useT(accountMessages);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section className="vi-notice" ref={ref} tabIndex={-1} aria-labelledby="vi-issued-heading">
      <h2 id="vi-issued-heading">{t('users.issued.heading', { name: issued.name })}</h2>
      <p>
        <code className="vi-secret">{issued.password}</code>
      </p>
      <p>{t('users.issued.text')}</p>
      <button type="button" className="vi-button" onClick={onHide}>
        {t('users.issued.hide')}
      </button>
    </section>
  );
}

function CreateUserForm({ onIssued }: { onIssued: (issued: Issued) => void }) {
  const t = useT(accountMessages);
  const problemText = useProblemText();
  const id = useId();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<RoleCode[]>([]);
  const [problem, setProblem] = useState<RequestProblem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [state, create] = useMutation(CreateUserMutation);
  const emailRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  function fail(found: RequestProblem) {
    setProblem(found);
    const field = found.fields[0]?.field;
    if (field === 'displayName') nameRef.current?.focus();
    else if (field === 'roles') document.getElementById(`${id}-roles`)?.focus();
    else emailRef.current?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    const local: FieldError[] = [];
    if (email.trim() === '') local.push(fieldError('email', 'REQUIRED'));
    else if (!normaliseEmail(email)) local.push(fieldError('email', 'INVALID_EMAIL'));
    if (displayName.trim() === '') local.push(fieldError('displayName', 'REQUIRED'));
    if (roles.length === 0) local.push(fieldError('roles', 'REQUIRED'));
    if (local.length > 0) return fail({ code: 'VALIDATION', message: null, fields: local });
    const outcome = await create({ input: { email, displayName, roles } });
    if (outcome.error) return fail(describeRequestProblem(outcome.error));
    const created = outcome.data?.createUser;
    if (!created) return;
    setProblem(null);
    setEmail('');
    setDisplayName('');
    setRoles([]);
    if (created.temporaryPassword) {
      onIssued({ name: created.user.displayName, password: created.temporaryPassword });
    } else {
      setNotice(t('users.create.existing', { name: created.user.displayName }));
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('users.create.heading')}</h2>
      <p>{t('users.create.hint')}</p>
      <form onSubmit={submit} noValidate>
        <div className="vi-form-message" role="alert">
          {problem ? problemText(problem) : null}
        </div>
        <TextField
          ref={emailRef}
          id={`${id}-email`}
          type="email"
          label={t('users.email')}
          autoComplete="off"
          value={email}
          onValueChange={setEmail}
          errors={fieldErrorsFor(problem, 'email')}
        />
        <TextField
          ref={nameRef}
          id={`${id}-name`}
          label={t('users.displayName')}
          autoComplete="off"
          value={displayName}
          onValueChange={setDisplayName}
          errors={fieldErrorsFor(problem, 'displayName')}
        />
        <RolesFieldset
          id={`${id}-roles`}
          legend={t('users.roles')}
          value={roles}
          onChange={setRoles}
          errors={fieldErrorsFor(problem, 'roles')}
        />
        <button type="submit" className="vi-button vi-button--primary" disabled={state.fetching}>
          {state.fetching ? t('users.create.submitting') : t('users.create.submit')}
        </button>
        <p role="status">{notice}</p>
      </form>
    </section>
  );
}

function UserCard({
  user,
  isSelf,
  onIssued,
}: {
  user: ManagedUser;
  isSelf: boolean;
  onIssued: (i: Issued) => void;
}) {
  const t = useT(accountMessages);
  const { locale } = useLocale();
  const problemText = useProblemText();
  const id = useId();
  const [roles, setRoles] = useState<RoleCode[]>(user.roles);
  const [problem, setProblem] = useState<RequestProblem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [rolesState, saveRoles] = useMutation(SetUserRolesMutation);
  const [, deactivate] = useMutation(DeactivateUserMutation);
  const [, reactivate] = useMutation(ReactivateUserMutation);
  const [, resetPassword] = useMutation(ResetUserPasswordMutation);
  const [, resetTwoFactor] = useMutation(ResetUserTwoFactorMutation);
  const [busy, setBusy] = useState(false);

  useEffect(() => setRoles(user.roles), [user.roles]);

  async function run(action: () => Promise<{ error?: Parameters<typeof describeRequestProblem>[0] }>) {
    setBusy(true);
    setNotice(null);
    const outcome = await action();
    setBusy(false);
    if (outcome.error) {
      setProblem(describeRequestProblem(outcome.error));
      return false;
    }
    setProblem(null);
    setNotice(t('users.done'));
    return true;
  }

  async function submitRoles(event: FormEvent) {
    event.preventDefault();
    if (await run(() => saveRoles({ userId: user.id, roles }))) setNotice(t('users.saved'));
  }

  function confirmed(
    key: 'users.confirmDeactivate' | 'users.confirmResetPassword' | 'users.confirmResetTwoFactor',
  ) {
    return window.confirm(t(key, { name: user.displayName }));
  }

  const accountWide = user.manageable && !isSelf;
  return (
    <li className="vi-user" aria-labelledby={`${id}-name`}>
      <h3 id={`${id}-name`}>
        {user.displayName} {isSelf ? t('users.you') : null}
      </h3>
      <p>{user.email}</p>
      <p>
        {user.roles.length > 0
          ? user.roles.map((role) => labelOf(ROLES, role, locale)).join(', ')
          : t('users.noRoles')}
      </p>
      <p className="vi-user__facts">
        {[
          user.active ? t('users.active') : t('users.inactive'),
          user.twoFactorEnabled ? t('users.twoFactorOn') : t('users.twoFactorOff'),
          ...(user.mustChangePassword ? [t('users.temporaryPassword')] : []),
        ].join(' · ')}
      </p>
      <details>
        <summary>{t('users.editRoles', { name: user.displayName })}</summary>
        <form onSubmit={submitRoles} noValidate>
          <RolesFieldset
            id={`${id}-roles`}
            legend={t('users.editRoles', { name: user.displayName })}
            value={roles}
            onChange={setRoles}
            errors={fieldErrorsFor(problem, 'roles')}
          />
          <button type="submit" className="vi-button" disabled={rolesState.fetching}>
            {rolesState.fetching ? t('users.saving') : t('users.saveRoles')}
          </button>
        </form>
      </details>
      {accountWide ? (
        <div className="vi-actions">
          {user.active ? (
            <button
              type="button"
              className="vi-button"
              disabled={busy}
              onClick={() =>
                confirmed('users.confirmDeactivate') && run(() => deactivate({ userId: user.id }))
              }
            >
              {t('users.deactivate')}
            </button>
          ) : (
            <button
              type="button"
              className="vi-button"
              disabled={busy}
              onClick={() => run(() => reactivate({ userId: user.id }))}
            >
              {t('users.reactivate')}
            </button>
          )}
          <button
            type="button"
            className="vi-button"
            disabled={busy}
            onClick={async () => {
              if (!confirmed('users.confirmResetPassword')) return;
              let password: string | null = null;
              const ok = await run(async () => {
                const outcome = await resetPassword({ userId: user.id });
                password = outcome.data?.resetUserPassword.temporaryPassword ?? null;
                return outcome;
              });
              if (ok && password) onIssued({ name: user.displayName, password });
            }}
          >
            {t('users.resetPassword')}
          </button>
          {user.twoFactorEnabled ? (
            <button
              type="button"
              className="vi-button"
              disabled={busy}
              onClick={() =>
                confirmed('users.confirmResetTwoFactor') && run(() => resetTwoFactor({ userId: user.id }))
              }
            >
              {t('users.resetTwoFactor')}
            </button>
          ) : null}
        </div>
      ) : !isSelf ? (
        <p className="vi-user__facts">{t('users.notManageable')}</p>
      ) : null}
      <p className="vi-inline-error" role="alert">
        {problem && fieldErrorsFor(problem, 'roles').length === 0 ? problemText(problem) : null}
      </p>
      <p role="status">{notice}</p>
    </li>
  );
}

/**
 * "Brugere": an administrator's user management for the active organisation. The gateway decides
 * (ADMIN there, two-step login on); when it answers SECOND_FACTOR_SETUP_REQUIRED this screen says
 * so and links to the account screen (`accountHref`) where it is turned on.
 */
export function UserAdmin({ accountHref }: { accountHref: string }) {
  const t = useT(accountMessages);
  const problemText = useProblemText();
  const me = useCurrentUser();
  const [{ data, error, fetching }] = useQuery({ query: UsersQuery });
  const [issued, setIssued] = useState<Issued | null>(null);
  const problem = error ? describeRequestProblem(error) : null;
  const users = data?.organizationUsers ?? [];

  return (
    <section className="vi-user-admin" aria-labelledby="vi-users-heading">
      <h1 id="vi-users-heading">{t('users.heading')}</h1>
      {problem?.code === 'SECOND_FACTOR_SETUP_REQUIRED' ? (
        <>
          <p className="vi-notice" role="alert">
            {problemText(problem)}
          </p>
          <p>
            <a href={accountHref}>{t('users.setupTwoFactor')}</a>
          </p>
        </>
      ) : problem && !data ? (
        <p role="alert">{problemText(problem)}</p>
      ) : fetching && !data ? (
        <p role="status">{t('users.loading')}</p>
      ) : (
        <>
          <p>{t('users.intro', { organization: me.organization?.name ?? '' })}</p>
          {issued ? <IssuedPassword issued={issued} onHide={() => setIssued(null)} /> : null}
          <CreateUserForm onIssued={setIssued} />
          <section aria-labelledby="vi-users-list-heading">
            <h2 id="vi-users-list-heading">{t('users.count', { count: users.length })}</h2>
            <ul className="vi-user-list">
              {users.map((user) => (
                <UserCard key={user.id} user={user} isSelf={user.id === me.id} onIssued={setIssued} />
              ))}
            </ul>
          </section>
        </>
      )}
    </section>
  );
}

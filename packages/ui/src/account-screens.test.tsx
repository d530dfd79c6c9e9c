import { renderToStaticMarkup } from 'react-dom/server';
import { Client, type Exchange, makeResult } from 'urql';
import { describe, expect, it } from 'vitest';
import { map, pipe } from 'wonka';
import { accountMessages } from './account-messages.ts';
import { AccountSettings } from './account-settings.tsx';
import { catalogueProblems } from './catalogue.ts';
import { type CurrentUser, CurrentUserContext } from './current-user.tsx';
import { LocaleProvider } from './locale.tsx';
import { GraphqlSession } from './session.tsx';
import { UserAdmin } from './user-admin.tsx';

/** A client whose every query answers at once with `data` (or `error`), so a static render shows it. */
function clientAnswering(
  data: object | null,
  error?: { code: string; message: { da: string; en: string } },
): Client {
  const exchange: Exchange = () => (operations$) =>
    pipe(
      operations$,
      map((operation) =>
        error
          ? makeResult(operation, {
              errors: [
                { message: error.message.en, extensions: { code: error.code, message: error.message } },
              ],
            })
          : makeResult(operation, { data }),
      ),
    );
  return new Client({ url: '/graphql', exchanges: [exchange] });
}

const ADMIN: CurrentUser = {
  id: 'u1',
  displayName: 'Lene',
  roles: ['ADMIN'],
  mustChangePassword: false,
  organization: { id: 'o1', name: 'Køge Kommune', kind: 'MUNICIPALITY', stance: 'JOURNALISED' },
} as CurrentUser;

function render(node: React.ReactNode, client: Client, locale: 'da' | 'en' = 'da'): string {
  return renderToStaticMarkup(
    <LocaleProvider initialLocale={locale}>
      <GraphqlSession createClient={() => client}>
        <CurrentUserContext.Provider value={ADMIN}>{node}</CurrentUserContext.Provider>
      </GraphqlSession>
    </LocaleProvider>,
  );
}

/** Every input, select and fieldset is named: inputs by a <label for>, or wrapped in a <label>. */
function unlabelledInputs(html: string): string[] {
  const labelled = new Set([...html.matchAll(/<label[^>]*\sfor="([^"]+)"/g)].map((m) => m[1]));
  const inputs = [...html.matchAll(/<input([^>]*)>/g)].map((m) => m[1] ?? '');
  return inputs.filter((attributes) => {
    if (/type="hidden"/.test(attributes)) return false;
    const id = /\sid="([^"]+)"/.exec(attributes)?.[1];
    if (id && labelled.has(id)) return false;
    // A checkbox inside its label: <label><input …/>Text</label>.
    return !new RegExp(
      `<label><input${attributes.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}>[^<]+</label>`,
    ).test(html);
  });
}

describe('accountMessages', () => {
  it('is complete in both languages', () => {
    expect(catalogueProblems(accountMessages)).toEqual([]);
    expect(accountMessages.da['nav.account']).toBe('Konto');
    expect(accountMessages.da['nav.users']).toBe('Brugere');
  });
});

describe('AccountSettings', () => {
  const me = {
    id: 'u1',
    email: 'lene@koege.dk',
    mustChangePassword: true,
    twoFactorEnabled: false,
    twoFactorRequired: true,
  };

  it('labels every field, links the password rules to the new password and asks for a new one first', () => {
    const html = render(<AccountSettings />, clientAnswering({ me }));
    expect(unlabelledInputs(html)).toEqual([]);
    expect(html).toContain('<h1 id="vi-account-heading">Konto</h1>');
    expect(html).toContain('midlertidig adgangskode fra en administrator');
    expect(html).toContain('Som administrator skal du bruge totrinslogin');
    expect(html).toMatch(/autocomplete="current-password"/i);
    expect(html.match(/autocomplete="new-password"/gi)).toHaveLength(2);
    const hintId = /<p id="([^"]+)">Mindst 12 tegn/.exec(html)?.[1];
    expect(hintId).toBeDefined();
    expect(html).toContain(`aria-describedby="${hintId}"`);
    expect(html).toContain('role="alert"');
  });

  it('is complete in English', () => {
    const html = render(
      <AccountSettings />,
      clientAnswering({ me: { ...me, mustChangePassword: false } }),
      'en',
    );
    expect(html).toContain('Change password');
    expect(html).toContain('Two-step login is off.');
    expect(html).not.toMatch(/Adgangskode|Totrinslogin/);
  });
});

describe('UserAdmin', () => {
  it('sends an administrator without two-step login to the account screen', () => {
    const html = render(
      <UserAdmin accountHref="#/account" />,
      clientAnswering(null, {
        code: 'SECOND_FACTOR_SETUP_REQUIRED',
        message: {
          da: 'Administratorer skal bruge totrinslogin.',
          en: 'Administrators must use two-step login.',
        },
      }),
    );
    expect(html).toContain('Administratorer skal bruge totrinslogin.');
    expect(html).toContain('<a href="#/account">Gå til Konto og slå totrinslogin til</a>');
    expect(html).not.toContain('Opret bruger');
  });

  it('lists users with labelled role checkboxes and account actions only where allowed', () => {
    const users = [
      {
        id: 'u1',
        email: 'lene@koege.dk',
        displayName: 'Lene',
        roles: ['ADMIN'],
        active: true,
        twoFactorEnabled: true,
        mustChangePassword: false,
        manageable: true,
      },
      {
        id: 'u2',
        email: 'ole@koege.dk',
        displayName: 'Ole',
        roles: ['OUTREACH_WORKER'],
        active: true,
        twoFactorEnabled: false,
        mustChangePassword: true,
        manageable: true,
      },
      {
        id: 'u3',
        email: 'bo@odense.dk',
        displayName: 'Bo',
        roles: ['COUNSELLOR'],
        active: false,
        twoFactorEnabled: false,
        mustChangePassword: false,
        manageable: false,
      },
    ];
    const html = render(<UserAdmin accountHref="#/account" />, clientAnswering({ organizationUsers: users }));
    expect(unlabelledInputs(html)).toEqual([]);
    expect(html).toContain('Brugerne i Køge Kommune');
    expect(html).toContain('Lene (dig)');
    // Ole: deactivate and reset; Lene herself and Bo (member elsewhere): no account-wide actions.
    expect(html.match(/>Deaktivér</g)).toHaveLength(1);
    expect(html.match(/>Ny midlertidig adgangskode</g)).toHaveLength(1);
    expect(html).toContain('hvor du ikke er administrator');
    expect(html).toContain('Deaktiveret');
    expect(html).toContain('Har midlertidig adgangskode');
  });

  it('reports a failed load instead of an empty list', () => {
    const html = render(
      <UserAdmin accountHref="#/account" />,
      clientAnswering(null, {
        code: 'FORBIDDEN',
        message: { da: 'Du har ikke adgang til dette.', en: 'No access.' },
      }),
    );
    expect(html).toContain('Du har ikke adgang til dette.');
  });
});

import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LocaleProvider } from './locale.tsx';
import { LoginForm, validateLoginInput } from './login-form.tsx';
import { GraphqlSession } from './session.tsx';

describe('validateLoginInput', () => {
  it('names each empty field with a code and both languages', () => {
    const errors = validateLoginInput({ email: '  ', password: '' });
    expect(errors.map(({ field, code }) => ({ field, code }))).toEqual([
      { field: 'email', code: 'REQUIRED' },
      { field: 'password', code: 'REQUIRED' },
    ]);
    for (const error of errors) {
      expect(error.message.da).not.toBe('');
      expect(error.message.en).not.toBe(error.message.da);
    }
  });

  it('accepts filled fields', () => {
    expect(validateLoginInput({ email: 'a@b.dk', password: 'x' })).toEqual([]);
  });
});

function render(locale: 'da' | 'en') {
  return renderToStaticMarkup(
    <LocaleProvider initialLocale={locale}>
      <GraphqlSession>
        <LoginForm onLoggedIn={() => {}} />
      </GraphqlSession>
    </LocaleProvider>,
  );
}

describe('LoginForm', () => {
  it('labels every input through for/id and has a live error region', () => {
    const html = render('da');
    const inputIds = [...html.matchAll(/<input[^>]*\sid="([^"]+)"/g)].map((match) => match[1]);
    const labelTargets = [...html.matchAll(/<label[^>]*\sfor="([^"]+)"/g)].map((match) => match[1]);
    expect(inputIds).toHaveLength(2);
    expect(labelTargets.sort()).toEqual([...inputIds].sort());
    expect(html).toContain('role="alert"');
    expect(html).toMatch(/autocomplete="current-password"/i);
  });

  it('is Danish by default and English when chosen', () => {
    expect(render('da')).toContain('Adgangskode');
    expect(render('en')).toContain('Password');
    expect(render('en')).not.toContain('Adgangskode');
  });
});

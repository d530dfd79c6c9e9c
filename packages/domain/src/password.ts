import { type FieldError, fieldError } from './validation.ts';

/**
 * What a password must be to be chosen (a new password, never a login check). Modelled on
 * NIST SP 800-63B §5.1.1.2 and the Danish Agency for Digital Government's advice: length is what
 * counts, no composition rules (they push people to "Sommer2026!"), and a refusal of what is known
 * to be guessed first. Twelve characters is the floor the agency recommends for passphrases; the
 * upper limit only keeps one argon2 hash from becoming a denial of service.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;

/**
 * Guessed first: the public demo password of the seed (packages/db DEMO_PASSWORD, printed in the
 * README), the words for "password", the product's own name and keyboard rows. A password built
 * on one of these with a little added ("adgangskode2026!") is refused too; a long passphrase that
 * merely contains one is not.
 */
const GUESSED_FIRST = [
  'demo-adgang',
  'adgangskode',
  'password',
  'kodeord',
  'voldsindsats',
  'qwerty',
  'asdfgh',
];

/** Too few different characters ("aaaaaaaaaaaa", "121212121212") or a plain run ("123456789012"). */
function isMonotonous(password: string): boolean {
  const distinct = new Set(password).size;
  if (distinct <= 3) return true;
  const digitsOnly = /^\d+$/.test(password);
  if (!digitsOnly) return false;
  const ascending = '01234567890123456789';
  const descending = '98765432109876543210';
  return ascending.includes(password) || descending.includes(password);
}

/** What is left to guess beyond the given words must be at least this long. */
const MIN_REMAINDER = 8;

function builtOn(lower: string, words: readonly string[]): boolean {
  return words.some((word) => lower.includes(word) && [...lower.split(word).join('')].length < MIN_REMAINDER);
}

/** The parts of an e-mail address a person would put in a password: "lene.hansen" → lene, hansen. */
function emailParts(email: string): string[] {
  const local = email.trim().toLowerCase().split('@')[0] ?? '';
  const domain = email.trim().toLowerCase().split('@')[1]?.split('.')[0] ?? '';
  return [local, domain, ...local.split(/[._+-]+/)].filter((part) => part.length >= 4);
}

/**
 * The field errors for a new password (empty when it may be chosen). `field` names the input.
 * `email` is the account's address: a password built on it (or on its name parts) is refused.
 * `current`, when given, must differ from the new one.
 */
export function newPasswordErrors(
  field: string,
  password: string,
  account: { email: string; current?: string },
): FieldError[] {
  if (password.length === 0) return [fieldError(field, 'REQUIRED')];
  if (password.length > PASSWORD_MAX_LENGTH) {
    return [fieldError(field, 'TOO_LONG', { maxLength: PASSWORD_MAX_LENGTH })];
  }
  // Counted in code points, as a person counts characters (an emoji is one, not two).
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    return [fieldError(field, 'PASSWORD_TOO_SHORT', { min: PASSWORD_MIN_LENGTH })];
  }
  const lower = password.toLowerCase();
  if (lower === account.email.trim().toLowerCase() || builtOn(lower, emailParts(account.email))) {
    return [fieldError(field, 'PASSWORD_CONTAINS_EMAIL')];
  }
  if (builtOn(lower, GUESSED_FIRST) || isMonotonous(lower)) {
    return [fieldError(field, 'PASSWORD_TOO_COMMON')];
  }
  if (account.current !== undefined && password === account.current) {
    return [fieldError(field, 'PASSWORD_UNCHANGED')];
  }
  return [];
}

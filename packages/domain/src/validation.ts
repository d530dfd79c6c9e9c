import type { Label } from './labels.ts';

/**
 * A user mistake, reported next to the field that caused it. `field` is the
 * input's path (a questionnaire item id such as `age`, or a grid cell such as
 * `violence_status.PHYSICAL`); `code` is stable and matched on by the apps;
 * `message` is what the user reads.
 */
export type FieldError = { field: string; code: string; message: Label };

/** Values that some messages mention (limits, the offending option). */
export type FieldErrorParams = {
  min?: number;
  max?: number;
  maxLength?: number;
  option?: string;
};

type MessageRule = (params: FieldErrorParams) => Label;

function range(params: FieldErrorParams): Label {
  const { min, max } = params;
  if (min !== undefined && max !== undefined) {
    return {
      da: `Værdien skal ligge mellem ${min} og ${max}.`,
      en: `The value must be between ${min} and ${max}.`,
    };
  }
  if (min !== undefined) {
    return { da: `Værdien skal være mindst ${min}.`, en: `The value must be at least ${min}.` };
  }
  if (max !== undefined) {
    return { da: `Værdien må højst være ${max}.`, en: `The value must be at most ${max}.` };
  }
  return { da: 'Værdien er uden for det tilladte interval.', en: 'The value is out of range.' };
}

/**
 * The one message table for field errors. The gateway and the apps build every
 * field error through `fieldError`, so a code always reads the same way.
 */
export const FIELD_ERROR_MESSAGES = {
  REQUIRED: () => ({ da: 'Feltet skal udfyldes.', en: 'This field is required.' }),
  NOT_AN_OBJECT: () => ({
    da: 'Svarene skal sendes som et objekt med ét felt pr. spørgsmål.',
    en: 'The answers must be an object with one field per question.',
  }),
  INVALID_TYPE: () => ({
    da: 'Svaret har en forkert form for dette spørgsmål.',
    en: 'The answer has the wrong shape for this question.',
  }),
  UNKNOWN_ITEM: () => ({
    da: 'Spørgsmålet findes ikke i dette skema.',
    en: 'This question does not exist in this form.',
  }),
  UNKNOWN_OPTION: (p) => ({
    da: p.option === undefined ? 'Svarmuligheden findes ikke.' : `Svarmuligheden "${p.option}" findes ikke.`,
    en:
      p.option === undefined
        ? 'This answer option does not exist.'
        : `The answer option "${p.option}" does not exist.`,
  }),
  DUPLICATE_OPTION: (p) => ({
    da: `Svarmuligheden "${p.option ?? ''}" er valgt mere end én gang.`,
    en: `The answer option "${p.option ?? ''}" is selected more than once.`,
  }),
  EXCLUSIVE_OPTION: (p) => ({
    da: `Svarmuligheden "${p.option ?? ''}" kan ikke kombineres med andre svar.`,
    en: `The answer option "${p.option ?? ''}" cannot be combined with other answers.`,
  }),
  NOT_APPLICABLE: () => ({
    da: 'Spørgsmålet skal ikke besvares ud fra de øvrige svar.',
    en: 'This question does not apply given the other answers.',
  }),
  NOT_A_NUMBER: () => ({ da: 'Skriv et tal.', en: 'Enter a number.' }),
  NOT_AN_INTEGER: () => ({ da: 'Skriv et helt tal.', en: 'Enter a whole number.' }),
  OUT_OF_RANGE: range,
  TOO_LONG: (p) => ({
    da: `Teksten må højst være ${p.maxLength ?? '?'} tegn.`,
    en: `The text must be at most ${p.maxLength ?? '?'} characters.`,
  }),
  INVALID_DATE: () => ({
    da: 'Datoen er ikke gyldig. Skriv den som åååå-mm-dd.',
    en: 'The date is not valid. Write it as yyyy-mm-dd.',
  }),
  INVALID_PHONE: () => ({
    da: 'Telefonnummeret er ikke et gyldigt dansk nummer (8 cifre, evt. med +45).',
    en: 'The phone number is not a valid Danish number (8 digits, optionally with +45).',
  }),
  ONE_OR_ALL: () => ({
    da: 'Vælg én eller alle. Andre udsnit er ikke tilladt, da de kan bruges til at udlede små grupper.',
    en: 'Choose one or all. Other selections are not allowed, as they could be used to work out small groups.',
  }),
  WHOLE_MONTH: () => ({
    da: 'Perioden skal bestå af hele måneder: fra den 1. i en måned til den sidste dag i en måned.',
    en: 'The period must be whole months: from the 1st of a month to the last day of a month.',
  }),
  PERIOD_GRID: () => ({
    da: 'Vælg hele perioden, én måned, ét kvartal eller ét kalenderår. Andre perioder kan bruges til at midle støjen på tallene væk.',
    en: 'Choose the whole period, one month, one quarter or one calendar year. Other periods could be used to average away the noise on the figures.',
  }),
  INVALID_EMAIL: () => ({
    da: 'E-mailadressen er ikke gyldig.',
    en: 'The e-mail address is not valid.',
  }),
  // Hostile or broken input, refused at the gateway's door (text-input.ts, text-file.ts).
  INVALID_ID: () => ({
    da: 'Værdien er ikke et gyldigt id.',
    en: 'The value is not a valid id.',
  }),
  CONTROL_CHARACTER: () => ({
    da: 'Teksten indeholder et usynligt styretegn (fx et nul- eller tabulatortegn). Skriv teksten igen i stedet for at indsætte den.',
    en: 'The text contains an invisible control character (such as a null or tab character). Type the text again instead of pasting it.',
  }),
  LINE_BREAK: () => ({
    da: 'Teksten skal stå på én linje.',
    en: 'The text must be on one line.',
  }),
  BIDI_CONTROL: () => ({
    da: 'Teksten indeholder et usynligt tegn, der ændrer skriveretningen, så den kan vises anderledes, end den er skrevet.',
    en: 'The text contains an invisible character that changes the writing direction, so it could be shown differently from how it was written.',
  }),
  INVALID_TEXT: () => ({
    da: 'Teksten indeholder tegn, der ikke er gyldig Unicode.',
    en: 'The text contains characters that are not valid Unicode.',
  }),
  FILE_NOT_TEXT: () => ({
    da: 'Filen er ikke en tekstfil. Er det en Excel-projektmappe? Gem den som CSV, og vælg filen igen.',
    en: 'The file is not a text file. Is it an Excel workbook? Save it as CSV and choose the file again.',
  }),
  UNREADABLE_CHARACTER: () => ({
    da: 'Teksten indeholder et tegn, der ikke kunne læses (�). Filen er nok gemt i et andet tegnsæt: gem den fra Excel som »CSV UTF-8 (kommasepareret)«, og vælg filen igen.',
    en: 'The text contains a character that could not be read (�). The file was probably saved in another character set: save it from Excel as "CSV UTF-8 (Comma delimited)" and choose the file again.',
  }),
  FILE_ENCODING: () => ({
    da: 'Filens tegnsæt kan ikke genkendes: den er hverken UTF-8 eller Windows-1252. Gem den fra Excel som »CSV UTF-8 (kommasepareret)«, og vælg filen igen.',
    en: 'The file\'s character set is not recognised: it is neither UTF-8 nor Windows-1252. Save it from Excel as "CSV UTF-8 (Comma delimited)" and choose the file again.',
  }),
  // Accounts (password.ts and the gateway's auth/account.ts, auth/users.ts).
  PASSWORD_TOO_SHORT: (p) => ({
    da: `Adgangskoden skal være mindst ${p.min ?? '?'} tegn. En sætning af flere ord er let at huske.`,
    en: `The password must be at least ${p.min ?? '?'} characters. A sentence of several words is easy to remember.`,
  }),
  PASSWORD_CONTAINS_EMAIL: () => ({
    da: 'Adgangskoden må ikke bygge på din e-mailadresse eller dit navn.',
    en: 'The password must not be built on your email address or your name.',
  }),
  PASSWORD_TOO_COMMON: () => ({
    da: 'Adgangskoden er for let at gætte. Vælg en anden.',
    en: 'The password is too easy to guess. Choose another.',
  }),
  PASSWORD_UNCHANGED: () => ({
    da: 'Den nye adgangskode skal være forskellig fra den nuværende.',
    en: 'The new password must differ from the current one.',
  }),
  PASSWORD_MISMATCH: () => ({
    da: 'De to adgangskoder er ikke ens.',
    en: 'The two passwords do not match.',
  }),
  WRONG_PASSWORD: () => ({
    da: 'Adgangskoden er forkert.',
    en: 'The password is wrong.',
  }),
  WRONG_CODE: () => ({
    da: 'Koden er forkert eller udløbet. Skriv den kode, som appen viser nu.',
    en: 'The code is wrong or has expired. Enter the code the app shows now.',
  }),
  EMAIL_TAKEN: () => ({
    da: 'Der findes allerede en bruger med denne e-mail i organisationen.',
    en: 'A user with this email already exists in the organisation.',
  }),
  ACCOUNT_ELSEWHERE: () => ({
    da: 'E-mailen bruges allerede af en konto i en anden organisation. Kun en administrator i begge organisationer kan give den roller her.',
    en: 'The email already belongs to an account in another organisation. Only an administrator of both organisations can give it roles here.',
  }),
  LAST_ADMIN: () => ({
    da: 'Organisationen skal have mindst én aktiv administrator.',
    en: 'The organisation must keep at least one active administrator.',
  }),
  NOT_YOURSELF: () => ({
    da: 'Det kan du ikke gøre med din egen konto.',
    en: 'You cannot do this to your own account.',
  }),
  MEMBER_ELSEWHERE: () => ({
    da: 'Brugeren er også med i en organisation, hvor du ikke er administrator. Fjern i stedet brugerens roller her.',
    en: 'The user also belongs to an organisation where you are not an administrator. Remove their roles here instead.',
  }),
} as const satisfies Record<string, MessageRule>;

export type FieldErrorCode = keyof typeof FIELD_ERROR_MESSAGES;

export const FIELD_ERROR_CODES = Object.keys(FIELD_ERROR_MESSAGES) as FieldErrorCode[];

/** Builds a field error with its Danish and English message from the one table. */
export function fieldError(field: string, code: FieldErrorCode, params: FieldErrorParams = {}): FieldError {
  const rule: MessageRule = FIELD_ERROR_MESSAGES[code];
  return { field, code, message: rule(params) };
}

/**
 * Normalises a Danish phone number to E.164 (`+45` and eight digits), or null
 * when it is not one. Accepts spaces, hyphens, dots and parentheses between
 * digits and the prefixes `+45`, `0045` and `45` (the latter only with ten digits
 * in total). Danish subscriber numbers never start with 0 or 1 (those ranges
 * are prefixes and short service numbers), so such numbers are rejected: an
 * outreach worker must not dial a mistyped number.
 */
export function normaliseDanishPhone(input: string): string | null {
  const compact = input.trim().replace(/[\s\-.()]/g, '');
  let digits: string;
  if (/^\+45\d{8}$/.test(compact)) digits = compact.slice(3);
  else if (/^0045\d{8}$/.test(compact)) digits = compact.slice(4);
  else if (/^45\d{8}$/.test(compact)) digits = compact.slice(2);
  else if (/^\d{8}$/.test(compact)) digits = compact;
  else return null;
  if (digits.startsWith('0') || digits.startsWith('1')) return null;
  return `+45${digits}`;
}

/**
 * Trims and lower-cases an e-mail address, or returns null when it is not a
 * plausible address (one @, a dot in the domain, no spaces). Deliverability
 * is not checked here: that is a network question.
 */
export function normaliseEmail(input: string): string | null {
  const value = input.trim().toLowerCase();
  if (value.length > 254) return null;
  if (!/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value)) return null;
  return value;
}

/**
 * True for a real calendar date written `yyyy-mm-dd` (no 2023-02-30). Year
 * 0000 is refused: PostgreSQL has no year 0 and would fail on it.
 */
export function isIsoDate(input: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

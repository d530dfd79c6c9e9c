// The pseudonymous code that links a participant's baseline and end forms
// (DOMAIN 4: VIVE could not link them; we do, without identifying anyone).
// It is random, so it carries no personal data (no initials, birth date or
// course number), and uses an alphabet without look-alikes (0/O/D/Q, 1/I/L/J,
// 2/Z, 5/S, 8/B, U/V, 9/g) because leaders read it aloud and write it on paper.
// 19 symbols ^ 10 = 6.1e12 codes, about 42.5 bits: a collision among the few
// thousand codes an organisation ever issues is unlikely and the database's
// unique constraint catches it (the gateway then draws again). The code is an
// identifier, not a secret: answering a form needs a one-time link token.

export const PARTICIPANT_CODE_ALPHABET = 'ACEFGHKMNPRTWXY3467';
export const PARTICIPANT_CODE_LENGTH = 10;

const PATTERN = new RegExp(`^[${PARTICIPANT_CODE_ALPHABET}]{5}-[${PARTICIPANT_CODE_ALPHABET}]{5}$`);

export type RandomBytes = (length: number) => Uint8Array;

export const cryptoRandomBytes: RandomBytes = (length) => {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  return bytes;
};

/** log2 of the number of possible codes. */
export const PARTICIPANT_CODE_BITS = PARTICIPANT_CODE_LENGTH * Math.log2(PARTICIPANT_CODE_ALPHABET.length);

/** A fresh code like `K7RTM-3WXAE`. Rejection sampling keeps every symbol equally likely. */
export function generateParticipantCode(random: RandomBytes = cryptoRandomBytes): string {
  const size = PARTICIPANT_CODE_ALPHABET.length;
  const limit = 256 - (256 % size);
  const symbols: string[] = [];
  while (symbols.length < PARTICIPANT_CODE_LENGTH) {
    for (const byte of random(PARTICIPANT_CODE_LENGTH * 2)) {
      if (byte >= limit) continue;
      symbols.push(PARTICIPANT_CODE_ALPHABET[byte % size]!);
      if (symbols.length === PARTICIPANT_CODE_LENGTH) break;
    }
  }
  return `${symbols.slice(0, 5).join('')}-${symbols.slice(5).join('')}`;
}

export function isParticipantCode(value: unknown): value is string {
  return typeof value === 'string' && PATTERN.test(value);
}

/** Accepts what a person types (lower case, spaces, missing hyphen); null when it cannot be a code. */
export function normaliseParticipantCode(value: string): string | null {
  const compact = value.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== PARTICIPANT_CODE_LENGTH) return null;
  const code = `${compact.slice(0, 5)}-${compact.slice(5)}`;
  return isParticipantCode(code) ? code : null;
}

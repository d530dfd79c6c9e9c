// Synthetic people: pseudonyms and obviously invented contact details.
import type { SeededRandom } from './random.ts';

// Without look-alike characters (0/O, 1/I, 5/S, 8/B …) because staff read pseudonyms aloud.
const PSEUDONYM_ALPHABET = 'ACEFGHKMNPRTWXY3467';

/** Hands out pseudonyms like `P-7K3Q`, unique within one organisation. */
export class PseudonymIssuer {
  private readonly issued = new Set<string>();

  constructor(private readonly random: SeededRandom) {}

  next(): string {
    for (;;) {
      const code = Array.from({ length: 4 }, () => this.random.pick([...PSEUDONYM_ALPHABET])).join('');
      const pseudonym = `P-${code}`;
      if (!this.issued.has(pseudonym)) {
        this.issued.add(pseudonym);
        return pseudonym;
      }
    }
  }
}

const WOMEN = [
  'Anna',
  'Birthe',
  'Camilla',
  'Dorthe',
  'Emma',
  'Freja',
  'Hanne',
  'Ida',
  'Julie',
  'Karen',
  'Lene',
  'Maja',
  'Nadia',
  'Sofie',
];
const MEN = [
  'Ahmed',
  'Bo',
  'Christian',
  'Jens',
  'Kasper',
  'Lars',
  'Mads',
  'Niels',
  'Ole',
  'Peter',
  'Søren',
  'Thomas',
];
// Surnames no real person carries, so nobody mistakes demo data for real cases.
const SURNAMES = ['Demosen', 'Testesen', 'Prøvesen', 'Eksempelsen', 'Fiktivsen'];

export function syntheticFirstName(random: SeededRandom, gender: 'MAN' | 'WOMAN' | 'OTHER' | null): string {
  if (gender === 'MAN') return random.pick(MEN);
  if (gender === 'WOMAN') return random.pick(WOMEN);
  return random.pick([...WOMEN, ...MEN]);
}

export function syntheticName(random: SeededRandom, gender: 'MAN' | 'WOMAN' | 'OTHER' | null): string {
  return `${syntheticFirstName(random, gender)} ${random.pick(SURNAMES)}`;
}

/** A Danish-format mobile number in one invented block (+45 99 99 xx xx). */
export function syntheticPhone(random: SeededRandom): string {
  return `+459999${String(random.int(0, 9999)).padStart(4, '0')}`;
}

export const REACH_NOTES = [
  'Bedst efter kl. 16 på hverdage.',
  'Ring fra skjult nummer; læg ikke besked.',
  'Foretrækker sms først.',
  'Kan tale i frokostpausen kl. 12-13.',
];

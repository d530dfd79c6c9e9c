import { MIN_CELL } from '../disclosure.ts';
import type { Label } from '../labels.ts';
import type { HateCrimeMotiveCode } from '../taxonomies.ts';
import type { HateCrimeTrackCode, LegalTaskKindCode } from './hate-crime-taxonomies.ts';

/**
 * Where the motive list comes from. The pre-study names no list (DOMAIN §9), so the
 * motive follows the police's own hate-crime categories: Rigspolitiet, Nationalt
 * Forebyggelsescenter, "Hadforbrydelser i <år> – Rigspolitiets årsrapport vedrørende
 * hadforbrydelser" (yearly since the report for 2015). What we could check (the contents
 * and summaries of the reports for 2015-2020, in copies republished online): the motive
 * chapter's headings are racist motive, religious motive and sexual orientation ("racistisk
 * motiverede", "religiøst motiverede", "seksuelt orienterede hadforbrydelser"), and crimes
 * against trans people are registered as a sub-item under sexual orientation, where LGBT
 * Danmark asked for "kønsidentitet, kønsudtryk" as a heading of its own (kept apart here,
 * as LGBT Danmark asked; it maps back to the police's sexual-orientation heading).
 *
 * The codes are the ones HATE_CRIME_MOTIVES (taxonomies.ts) already stores on imported
 * incidents, so nothing stored changes; this adds the police heading, whether we could
 * confirm it, and the special-category basis. NOT CONFIRMED in a report's text:
 * DISABILITY, POLITICAL_VIEWS and OTHER as police headings. They are kept because stored
 * data may hold them and victims name them; check them against the newest report before
 * the list is used as a mapping to the police's figures. The reading of straffelovens
 * § 81, nr. 6 (the aggravating circumstance) in trackMayKeepMotive was not checked against
 * the act's current wording either.
 */
export const HATE_CRIME_MOTIVE_SOURCE: Label = {
  da: 'Rigspolitiet, Nationalt Forebyggelsescenter: Hadforbrydelser i 2020 – Rigspolitiets årsrapport vedrørende hadforbrydelser (november 2021), afsnittet Motiv; straffelovens § 81, nr. 6',
  en: "Danish National Police, National Prevention Centre: Hate crimes in 2020 – the national police's annual report on hate crimes (November 2021), chapter Motive; Danish Criminal Code s. 81(6)",
};

export type HateCrimeMotiveCategory = {
  code: HateCrimeMotiveCode;
  /** The heading in the police's report this code maps to. */
  policeCategory: Label;
  /** False where we could not confirm the heading in a police report (see above). */
  confirmedInPoliceReport: boolean;
  /**
   * Every motive is special-category data: it reveals (or is read as revealing) what
   * GDPR art. 9 protects, and it belongs to a criminal offence (art. 10). `gdprBasis`
   * names the art. 9 category it touches.
   */
  specialCategory: true;
  gdprBasis: Label;
};

const ART9 = (da: string, en: string): Label => ({ da: `Art. 9: ${da}`, en: `Art. 9: ${en}` });

export const HATE_CRIME_MOTIVE_CATEGORIES: readonly HateCrimeMotiveCategory[] = [
  {
    code: 'RACE_ETHNICITY',
    policeCategory: {
      da: 'Racistisk motiverede (race, hudfarve, national eller etnisk oprindelse)',
      en: 'Racist motive (race, skin colour, national or ethnic origin)',
    },
    confirmedInPoliceReport: true,
    specialCategory: true,
    gdprBasis: ART9('race eller etnisk oprindelse', 'racial or ethnic origin'),
  },
  {
    code: 'RELIGION',
    policeCategory: { da: 'Religiøst motiverede (tro)', en: 'Religious motive (belief)' },
    confirmedInPoliceReport: true,
    specialCategory: true,
    gdprBasis: ART9('religiøs eller filosofisk overbevisning', 'religious or philosophical beliefs'),
  },
  {
    code: 'SEXUAL_ORIENTATION',
    policeCategory: { da: 'Seksuel orientering', en: 'Sexual orientation' },
    confirmedInPoliceReport: true,
    specialCategory: true,
    gdprBasis: ART9('seksuel orientering', 'sexual orientation'),
  },
  {
    code: 'GENDER_IDENTITY',
    policeCategory: {
      da: 'Kønsidentitet og kønsudtryk (i rapporterne et underpunkt under seksuel orientering)',
      en: 'Gender identity and expression (a sub-item under sexual orientation in the reports)',
    },
    confirmedInPoliceReport: true,
    specialCategory: true,
    gdprBasis: ART9('seksuelle forhold og seksuel orientering', 'sex life and sexual orientation'),
  },
  {
    code: 'DISABILITY',
    policeCategory: { da: 'Handicap (ikke bekræftet)', en: 'Disability (not confirmed)' },
    confirmedInPoliceReport: false,
    specialCategory: true,
    gdprBasis: ART9('helbredsoplysninger', 'data concerning health'),
  },
  {
    code: 'POLITICAL_VIEWS',
    policeCategory: {
      da: 'Politisk motiverede (ikke bekræftet)',
      en: 'Political motive (not confirmed)',
    },
    confirmedInPoliceReport: false,
    specialCategory: true,
    gdprBasis: ART9('politisk overbevisning', 'political opinions'),
  },
  {
    code: 'OTHER',
    policeCategory: { da: 'Øvrige (ikke bekræftet)', en: 'Other (not confirmed)' },
    confirmedInPoliceReport: false,
    specialCategory: true,
    gdprBasis: {
      da: 'Art. 10: oplysninger om en strafbar handling',
      en: 'Art. 10: data relating to a criminal offence',
    },
  },
];

/** The category entry of a stored motive code; unknown codes throw (they are typed). */
export function motiveCategoryOf(code: HateCrimeMotiveCode): HateCrimeMotiveCategory {
  const entry = HATE_CRIME_MOTIVE_CATEGORIES.find((c) => c.code === code);
  if (!entry) throw new RangeError(`Unknown hate-crime motive "${code}"`);
  return entry;
}

/**
 * Minimisation: who may keep the motive.
 * - The sending organisation keeps it on the outreach case it imported (it came with the
 *   police's incident list); nothing here widens that.
 * - PSYCHOLOGICAL keeps it: the support is about identity-based harm (the pre-study asks
 *   that psychologists are upskilled on "oplevelsen af at være truet på sin identitet").
 * - LEGAL_FINANCIAL keeps it only when the referral includes the report and criminal case:
 *   the motive is the aggravating circumstance of straffelovens § 81, nr. 6 that the adviser
 *   helps the victim put forward. A compensation claim, lost earnings or contact with
 *   authorities does not need it.
 */
export function trackMayKeepMotive(
  track: HateCrimeTrackCode,
  legalTaskKinds: readonly LegalTaskKindCode[] = [],
): boolean {
  if (track === 'PSYCHOLOGICAL') return true;
  return legalTaskKinds.includes('REPORT_AND_CRIMINAL_CASE');
}

/**
 * Evaluation: the motive is a breakdown dimension only through the disclosure rule, and
 * only as "all motives" or one motive at a time; a motive cell whose published count is
 * under MIN_CELL is never shown, and no figure is broken down by motive *and* another
 * person dimension (two special-category splits narrow a cell too fast).
 */
export const MOTIVE_EVALUATION_RULE = {
  minCell: MIN_CELL,
  oneOrAll: true,
  combineWithOtherPersonDimensions: false,
} as const;

/** True when a published motive count may be shown (the disclosure rule's threshold). */
export function motiveCellShown(publishedCount: number | null): boolean {
  return publishedCount !== null && publishedCount >= MOTIVE_EVALUATION_RULE.minCell;
}

import type { Label } from '../labels.ts';
import type { CodeOf, InterventionModelCode, PhaseCode, Taxonomy } from '../taxonomies.ts';

/**
 * The national frame (the national action plan against violence in the family and close
 * relations, 2014-2017): three phases, and the target groups that need offers of their own.
 * The evaluation's "who we reach" figures count, per intervention model (and so per phase), how
 * many in each group were reached and how many accepted the offer.
 */

/**
 * The phase each intervention model works in. Outreach finds and contacts victims the police
 * met (detection); the group course treats and supports (support); both aftercare models are, by
 * their own names in the source documents, aftercare (efterværn).
 */
export const MODEL_PHASES: Record<InterventionModelCode, PhaseCode> = {
  OUTREACH: 'DETECTION',
  GROUP_COURSE: 'SUPPORT',
  HATE_CRIME_AFTERCARE: 'AFTERCARE',
  SHELTER_AFTERCARE: 'AFTERCARE',
};

/**
 * The target groups, with the action plan's wording where it has one. `basis` says, for staff
 * and evaluators, what places a person in the group; the gateway's SQL implements exactly that
 * (apps/gateway/src/evaluation). A person can be in several groups, or none.
 *
 * - Young people: the plan speaks of young people in dating violence and notes that offers differ
 *   below and above 18. Our services register adults and older teenagers, so the group is
 *   15-24 years at registration (our band; the plan gives none).
 * - Language: the plan names language as a barrier for women with an ethnic-minority background.
 *   We record the language and the interpreter need, never the background.
 */
export const TARGET_GROUPS = [
  {
    code: 'MEN',
    label: { da: 'Voldsudsatte mænd', en: 'Men exposed to violence' },
    basis: { da: 'Køn: mand', en: 'Gender: man' },
  },
  {
    code: 'YOUNG',
    label: { da: 'Unge, der udsættes for kærestevold', en: 'Young people exposed to dating violence' },
    basis: {
      da: '15-24 år ved registreringen (vores afgrænsning)',
      en: '15-24 years at registration (our band)',
    },
  },
  {
    code: 'LANGUAGE',
    label: { da: 'Personer med sproglige barrierer', en: 'People held back by language' },
    basis: {
      da: 'Foretrækker et andet sprog end dansk, eller havde brug for tolk',
      en: 'Prefers a language other than Danish, or needed an interpreter',
    },
  },
  {
    code: 'SAME_SEX',
    label: { da: 'Vold i samkønnede relationer', en: 'Violence in same-sex relationships' },
    basis: { da: 'Registreret: samkønnet forhold', en: 'Recorded: same-sex relationship' },
  },
  {
    code: 'MUTUAL',
    label: { da: 'Gensidig vold', en: 'Mutual violence' },
    basis: { da: 'Registreret: volden er gensidig', en: 'Recorded: the violence is mutual' },
  },
  {
    code: 'STALKING',
    label: { da: 'Ofre for stalking', en: 'Stalking victims' },
    basis: {
      da: 'Anmeldelsestype tilhold og stalking, eller stalking som voldsform ved visitationen',
      en: 'Incident type restraining order breach and stalking, or stalking as a violence form at intake',
    },
  },
  {
    code: 'CHILDREN',
    label: { da: 'Børn, der lever med volden', en: 'Children who live with the violence' },
    basis: {
      da: 'Registreret: børn i hjemmet er berørt af volden',
      en: 'Recorded: children in the home live with the violence',
    },
  },
] as const satisfies ReadonlyArray<Taxonomy[number] & { basis: Label }>;
export type TargetGroupCode = CodeOf<typeof TARGET_GROUPS>;

/** The youngest and oldest age (whole years at registration or incident) of the YOUNG group. */
export const YOUNG_AGE_RANGE = { min: 15, max: 24 } as const;

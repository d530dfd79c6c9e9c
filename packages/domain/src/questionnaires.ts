import type { Label } from './labels.ts';
import {
  CHILD_AGES,
  CHILDREN_IN_HOUSEHOLD,
  type CourseDimensionCode,
  DURATION,
  EARLIER_HELP,
  EARLIER_VIOLENCE,
  EDUCATION,
  FREQUENCY,
  GENDERS,
  HEARD_FROM,
  HELPED_ON,
  HELPED_ON_TO,
  INCOME_BASIS,
  LIKERT_RESPONSES,
  type QuestionnaireKindCode,
  REFERRED_TO,
  STILL_PRESENT,
  VIOLENCE_FORMS,
  VIOLENCE_STATUS,
  YES_NO_DONT_KNOW,
} from './taxonomies.ts';
import { type FieldError, fieldError } from './validation.ts';

/**
 * The three questionnaires of VIVE's group-course evaluation Bilag 1 (DOMAIN §4) as data. One
 * definition renders the form (apps), validates answers (gateway, through
 * `validateAnswers`) and labels exports. Item ids are stable snake_case keys
 * of the stored answers JSON: never rename one.
 *
 * Deliberate differences from the paper forms:
 * - The seed's "Vælg kommune" questions are left out: the organisation a
 *   response belongs to is known from who files it, and asking again only
 *   lets the two disagree.
 * - Participants may skip any question in their own forms (baseline, end):
 *   the forms are voluntary and sensitive, and INSPIRE scoring has its own
 *   missing-item rule. The staff-filled registration form has required items.
 */

export type QuestionnaireKind = QuestionnaireKindCode;

/** An answer option (or a grid row). `value` is what a likert answer stores. */
export type QuestionnaireOption = {
  readonly code: string;
  readonly label: Label;
  /** Selecting it excludes every other option of a multi item. */
  readonly exclusive?: boolean;
  readonly value?: number;
  /** Example text shown under a grid row (violence forms). */
  readonly example?: Label;
  /**
   * Offered in this participant form only: an answer that makes sense at the end of the course
   * (it compares with "before the course") is `'END'` and left out of the baseline.
   */
  readonly onlyIn?: 'BASELINE' | 'END';
};

/**
 * When an item is shown or required, in terms of other answers.
 * - `anyOf`: the item's answer (or, with `row`, that grid row's answer) is,
 *   or for a multi item includes, one of these codes.
 * - `answeredExcept`: the item (or row) is answered with something other
 *   than these codes.
 * - `any`: at least one of the conditions holds.
 */
export type Condition =
  | { readonly item: string; readonly row?: string; readonly anyOf: readonly string[] }
  | { readonly item: string; readonly row?: string; readonly answeredExcept: readonly string[] }
  | { readonly any: readonly Condition[] };

/** `true`: must be answered whenever shown. `{ when }`: must be answered when the condition holds. */
export type RequiredRule = boolean | { readonly when: Condition };

type ItemBase = {
  readonly id: string;
  /** The question's number in VIVE's group-course evaluation Bilag 1, for reading the two side by side. */
  readonly seedNumber?: string;
  readonly label: Label;
  readonly help?: Label;
  readonly required: RequiredRule;
  /** Shown (and answerable) only when this holds; an answer to a hidden item is rejected. */
  readonly showWhen?: Condition;
  /** Marked * in the seed: added while VIVE's data collection was running. */
  readonly addedDuringStudy?: boolean;
};

export type SingleItem = ItemBase & {
  readonly kind: 'single';
  readonly options: readonly QuestionnaireOption[];
};
export type MultiItem = ItemBase & {
  readonly kind: 'multi';
  readonly options: readonly QuestionnaireOption[];
};
export type IntegerItem = ItemBase & { readonly kind: 'integer'; readonly min: number; readonly max: number };
export type TextItem = ItemBase & {
  readonly kind: 'text';
  readonly maxLength: number;
  readonly multiline: boolean;
  /**
   * The grid row this text belongs to ("Anden vold – skriv selv"): a renderer shows the field in
   * that row, next to the answer it describes, instead of after the whole grid.
   */
  readonly inRow?: { readonly item: string; readonly row: string };
};
export type LikertItem = ItemBase & {
  readonly kind: 'likert';
  readonly options: readonly (QuestionnaireOption & { readonly value: number })[];
  /** Which score or course theme the item belongs to (for scoring and reports). */
  readonly scale: 'INSPIRE_O' | 'INSPIRE' | 'COURSE';
  readonly dimension?: CourseDimensionCode;
};
export type GridItem = ItemBase & {
  readonly kind: 'grid';
  readonly rows: readonly QuestionnaireOption[];
  /** One option per row. A required grid needs every row answered. */
  readonly options: readonly QuestionnaireOption[];
};

export type QuestionnaireItem = SingleItem | MultiItem | IntegerItem | TextItem | LikertItem | GridItem;
export type QuestionnaireItemKind = QuestionnaireItem['kind'];

export type QuestionnaireSection = {
  readonly id: string;
  readonly title: Label;
  readonly intro?: Label;
  readonly items: readonly QuestionnaireItem[];
};

export type QuestionnaireDefinition = {
  readonly kind: QuestionnaireKind;
  readonly title: Label;
  /** Who fills it in: the intake coordinator, or the participant through a one-time link. */
  readonly filledBy: 'STAFF' | 'PARTICIPANT';
  readonly intro: Label;
  readonly privacyNotice?: Label;
  readonly closing?: Label;
  readonly sections: readonly QuestionnaireSection[];
};

/** A stored answer: a code, a number (integer, likert 1-5), codes (multi) or row → code (grid). */
export type AnswerValue = string | number | readonly string[] | Readonly<Record<string, string>>;
export type Answers = Readonly<Record<string, AnswerValue>>;

/**
 * Told to participants before their own answers (VIVE's group-course evaluation Bilag 1, end form;
 * shown on both participant forms here). It holds in this system: answers are
 * stored under a pseudonymous code, and group leaders, the municipality and
 * the police have no access to them.
 */
export const PARTICIPANT_PRIVACY_NOTICE: Label = {
  da: 'Hverken dine gruppeledere, dine gruppefacilitatorer, din kommune, politiet eller din læge kan se dine svar.',
  en: 'Neither your group leaders, your group facilitators, your municipality, the police nor your doctor can see your answers.',
};

const SEVERAL_ANSWERS: Label = { da: 'Du kan sætte flere krydser.', en: 'You can tick more than one.' };
const ONE_PER_ROW: Label = {
  da: 'Sæt ét kryds ud for hvert spørgsmål.',
  en: 'Tick one answer for each statement.',
};
const OTHER_TEXT_MAX = 200;
const COMMENT_MAX = 2000;

const likert = LIKERT_RESPONSES;

/** The options of a list that this form offers (see `QuestionnaireOption.onlyIn`). */
export function optionsFor<T extends QuestionnaireOption>(
  kind: QuestionnaireKind,
  options: readonly T[],
): readonly T[] {
  return options.filter((option) => option.onlyIn === undefined || option.onlyIn === kind);
}

/** Brief INSPIRE-O (how the person is doing), one item per CHIME process. */
const INSPIRE_O_STATEMENTS: readonly Label[] = [
  { da: 'Jeg føler mig støttet af andre mennesker', en: 'I feel supported by other people' },
  { da: 'Jeg har håb og drømme om fremtiden', en: 'I have hopes and dreams for the future' },
  { da: 'Jeg har det godt med mig selv', en: 'I feel good about myself' },
  { da: 'Jeg gør ting, som betyder noget for mig', en: 'I do things that are meaningful to me' },
  { da: 'Jeg føler, jeg har kontrol over mit liv', en: 'I feel in control of my life' },
];

/** Brief INSPIRE (support from the group leaders), the same five processes. */
const INSPIRE_STATEMENTS: readonly Label[] = [
  {
    da: 'Mine gruppeledere hjælper mig til at føle mig støttet af andre mennesker',
    en: 'My group leaders help me to feel supported by other people',
  },
  {
    da: 'Mine gruppeledere hjælper mig med at have håb og drømme om fremtiden',
    en: 'My group leaders help me to have hopes and dreams for the future',
  },
  {
    da: 'Mine gruppeledere hjælper mig med at have det godt med mig selv',
    en: 'My group leaders help me to feel good about myself',
  },
  {
    da: 'Mine gruppeledere hjælper mig med at gøre ting, som betyder noget for mig',
    en: 'My group leaders help me to do things that are meaningful to me',
  },
  {
    da: 'Mine gruppeledere hjælper mig med at føle, at jeg har kontrol over mit liv',
    en: 'My group leaders help me to feel in control of my life',
  },
];

export const INSPIRE_O_ITEM_IDS = [
  'inspire_o_1',
  'inspire_o_2',
  'inspire_o_3',
  'inspire_o_4',
  'inspire_o_5',
] as const;
export const INSPIRE_ITEM_IDS = ['inspire_1', 'inspire_2', 'inspire_3', 'inspire_4', 'inspire_5'] as const;

/** End form Q6, in the seed's order, with the theme each item reports under (DOMAIN §5.2). */
const COURSE_STATEMENTS: ReadonlyArray<{ label: Label; dimension: CourseDimensionCode; added: boolean }> = [
  {
    label: {
      da: 'Jeg synes, at jeg har meget tilfælles med de andre deltagere. Jeg kan fx spejle mig i de oplevelser med vold, som de andre deltagere har delt',
      en: 'I feel I have a lot in common with the other participants. For example, I can mirror myself in the experiences of violence the others have shared',
    },
    dimension: 'MIRRORING',
    added: false,
  },
  {
    label: {
      da: 'Jeg føler, at de andre deltagere forstår de oplevelser, jeg har haft med vold',
      en: 'I feel that the other participants understand the experiences I have had with violence',
    },
    dimension: 'MIRRORING',
    added: false,
  },
  {
    label: {
      da: 'Gruppeforløbet har givet mig brugbar viden om, hvad vold er (fx viden om forskellige voldsformer og voldens dynamikker, mønstre og følgevirkninger)',
      en: 'The group course has given me useful knowledge of what violence is (e.g. forms of violence and its dynamics, patterns and consequences)',
    },
    dimension: 'RECOGNITION',
    added: false,
  },
  {
    label: {
      da: 'Gruppeforløbet har hjulpet mig til at indse omfanget af den vold, som jeg har oplevet/oplever',
      en: 'The group course has helped me see the extent of the violence I have experienced or experience',
    },
    dimension: 'RECOGNITION',
    added: false,
  },
  {
    label: {
      da: 'Gruppeforløbet har hjulpet mig til at forstå mine egne reaktionsmønstre på den vold, som jeg har været/er udsat for',
      en: 'The group course has helped me understand my own patterns of reacting to the violence I have been or am exposed to',
    },
    dimension: 'RECOGNITION',
    added: false,
  },
  {
    label: {
      da: 'Jeg føler, at jeg har fået det ud af forløbet, jeg ønsker',
      en: 'I feel I have got what I wanted out of the course',
    },
    dimension: 'OVERALL',
    added: true,
  },
  {
    label: {
      da: 'Jeg oplever, at det har hjulpet mig at kunne spejle mine egne erfaringer i andre deltageres erfaring',
      en: "It has helped me to mirror my own experiences in the other participants' experiences",
    },
    dimension: 'MIRRORING',
    added: true,
  },
  {
    label: {
      da: 'Jeg oplever, at der var stor tillid mellem deltagerne i gruppeforløbene',
      en: 'There was great trust between the participants in the group',
    },
    dimension: 'MIRRORING',
    added: true,
  },
  {
    label: {
      da: 'Gruppeforløbet har hjulpet mig til at styrke mit netværk uden for gruppen',
      en: 'The group course has helped me strengthen my network outside the group',
    },
    dimension: 'NETWORK',
    added: true,
  },
  {
    label: {
      da: 'Jeg vurderer, at det ville være en fordel fortsat at mødes med gruppemedlemmerne',
      en: 'I think it would benefit me to keep meeting the group members',
    },
    dimension: 'NETWORK',
    added: true,
  },
  {
    label: {
      da: 'Gruppeforløbet har alt i alt hjulpet mig',
      en: 'All in all, the group course has helped me',
    },
    dimension: 'OVERALL',
    added: true,
  },
];

export const COURSE_ITEM_IDS = COURSE_STATEMENTS.map((_, i) => `course_${i + 1}`);

function likertItems(
  prefix: string,
  statements: readonly Label[],
  scale: LikertItem['scale'],
  seedNumber: string,
): LikertItem[] {
  return statements.map((label, i) => ({
    id: `${prefix}_${i + 1}`,
    seedNumber,
    kind: 'likert',
    label,
    required: false,
    options: likert,
    scale,
  }));
}

const courseItems: LikertItem[] = COURSE_STATEMENTS.map((statement, i) => ({
  id: `course_${i + 1}`,
  seedNumber: '6',
  kind: 'likert',
  label: statement.label,
  required: false,
  options: likert,
  scale: 'COURSE',
  dimension: statement.dimension,
  ...(statement.added ? { addedDuringStudy: true } : {}),
}));

const violenceRows = VIOLENCE_FORMS;

/**
 * The same rows for the registration form, which staff fill in about the person: the examples
 * speak of "borgeren" (the person) where the participant's forms say "du"/"dig" (you).
 */
const STAFF_EXAMPLES: Partial<Record<(typeof VIOLENCE_FORMS)[number]['code'], Label>> = {
  MATERIAL: {
    da: 'fx at få ødelagt ting, som har stor betydning for borgeren',
    en: 'e.g. having things that mean a lot to the person destroyed',
  },
  DIGITAL: {
    da: 'fx adgang til borgerens telefon, computer eller GPS-lokation uden borgerens tilladelse',
    en: "e.g. access to the person's phone, computer or GPS location without their permission",
  },
  OTHER: { da: 'skriv hvilken', en: 'write which' },
};
const staffViolenceRows = VIOLENCE_FORMS.map((row) => ({
  ...row,
  example: STAFF_EXAMPLES[row.code] ?? row.example,
}));

const HOW_YOU_ARE: Label = {
  da: 'De næste spørgsmål handler om, hvordan du har det for tiden',
  en: 'The next questions are about how you are doing at the moment',
};
const LEADER_SUPPORT: Label = {
  da: 'De næste spørgsmål handler om, i hvilken udstrækning du føler, at dine gruppeledere/gruppefacilitatorer støtter dig',
  en: 'The next questions are about how far you feel your group leaders or facilitators support you',
};
const VIOLENCE_INTRO: Label = {
  da: "De næste spørgsmål handler om dine oplevelser med vold i nære relationer. Med 'vold' mener vi alle former for vold (fx stalking eller fysisk, psykisk, seksuel, materiel, digital eller økonomisk vold). Med 'nære relationer' mener vi personer, som du har/har haft et nært forhold til (fx personer i din familie, i dit hjem eller tidligere eller nuværende partnere).",
  en: "The next questions are about your experiences of violence in close relations. By 'violence' we mean all forms of violence (e.g. stalking or physical, psychological, sexual, material, digital or economic violence). By 'close relations' we mean people you have or have had a close relationship with (e.g. people in your family, in your home, or former or current partners).",
};
const PARTICIPANT_FREQUENCY_LABEL: Label = {
  da: 'Hvilken type vold har du været udsat for i den relation, som gav anledning til gruppeforløbet? For hver voldstype, marker hvor ofte volden ca. forekom',
  en: 'What kind of violence have you been exposed to in the relation that led to the group course? For each kind, mark roughly how often it happened',
};
const STILL_PRESENT_LABEL: Label = {
  da: 'Er der stadig vold i den relation, som gav anledning til gruppeforløbet?',
  en: 'Is there still violence in the relation that led to the group course?',
};
const OTHER_VIOLENCE_TEXT: Label = { da: 'Anden vold: beskriv hvilken', en: 'Other violence: describe it' };

/**
 * The participant forms' violence grid and its "Anden vold (skriv selv)" text. The text is always
 * offered, in the grid's OTHER row: a participant reads "skriv selv" and expects to write, before
 * (or without) choosing how often; hiding the field until a frequency was chosen left people
 * without it. The answer is stored under `violence_other` as before.
 */
function participantViolenceItems(seedNumber: string, addedDuringStudy: boolean): QuestionnaireItem[] {
  return [
    {
      id: 'violence_frequency',
      seedNumber,
      ...(addedDuringStudy ? { addedDuringStudy } : {}),
      kind: 'grid',
      label: PARTICIPANT_FREQUENCY_LABEL,
      required: false,
      rows: violenceRows,
      options: FREQUENCY,
    },
    {
      id: 'violence_other',
      kind: 'text',
      label: OTHER_VIOLENCE_TEXT,
      required: false,
      maxLength: OTHER_TEXT_MAX,
      multiline: false,
      inRow: { item: 'violence_frequency', row: 'OTHER' },
    },
  ];
}

const REGISTRATION: QuestionnaireDefinition = {
  kind: 'REGISTRATION',
  title: { da: 'Registreringsskema', en: 'Registration form' },
  filledBy: 'STAFF',
  // Filled in by staff about the person, so it speaks of "borgeren", not "du".
  intro: {
    da: 'Udfyldes af medarbejderen for hver borger, der henvender sig. Svarene hjælper os til at tilbyde den rette hjælp til mennesker, der lever med vold i nære relationer.',
    en: 'Filled in by staff for every person who comes forward. The answers help us offer the right help to people living with violence in close relations.',
  },
  sections: [
    {
      id: 'person',
      title: { da: 'Borgeren', en: 'The person' },
      items: [
        {
          id: 'gender',
          seedNumber: '2',
          kind: 'single',
          label: { da: 'Hvad er borgerens køn?', en: "What is the person's gender?" },
          required: true,
          options: GENDERS,
        },
        {
          id: 'age',
          seedNumber: '3',
          kind: 'integer',
          label: { da: 'Hvor gammel er borgeren?', en: 'How old is the person?' },
          help: {
            da: 'Skriv alder i hele år. Unge fra 15 år kan registreres (kærestevold), selv om gruppeforløbet er for voksne.',
            en: 'Age in whole years. Young people from 15 can be registered (dating violence), although the group course is for adults.',
          },
          required: true,
          min: 15,
          max: 110,
        },
        {
          id: 'heard_from',
          seedNumber: '4',
          kind: 'multi',
          label: {
            da: 'Hvor har borgeren hørt om tilbuddet?',
            en: 'Where did the person hear about the offer?',
          },
          help: { da: 'Flere svar muligt.', en: 'More than one answer possible.' },
          required: true,
          options: HEARD_FROM,
        },
        {
          id: 'heard_from_other',
          kind: 'text',
          label: { da: 'Andet: skriv hvor', en: 'Other: write where' },
          required: true,
          showWhen: { item: 'heard_from', anyOf: ['OTHER'] },
          maxLength: OTHER_TEXT_MAX,
          multiline: false,
        },
      ],
    },
    {
      id: 'violence',
      title: { da: 'Volden', en: 'The violence' },
      items: [
        {
          id: 'violence_status',
          seedNumber: '5',
          kind: 'grid',
          label: {
            da: 'Afkryds årsagerne til borgerens henvisning/henvendelse. For hver årsag, marker om volden stadig er aktuel eller ophørt',
            en: 'Tick the reasons for the referral or contact. For each reason, mark whether the violence is still ongoing or has stopped',
          },
          required: true,
          rows: staffViolenceRows,
          options: VIOLENCE_STATUS,
        },
        {
          id: 'violence_frequency',
          seedNumber: '6',
          kind: 'grid',
          label: {
            da: 'Afkryds, hvilken type vold borgeren har været udsat for i den relation, som gav anledning til gruppeforløbet. For hver voldstype, marker hvor ofte volden ca. forekom',
            en: 'Tick the kinds of violence the person has been exposed to in the relation that led to the group course. For each kind, mark roughly how often it happened',
          },
          required: false,
          addedDuringStudy: true,
          rows: staffViolenceRows,
          options: FREQUENCY,
        },
        {
          id: 'violence_other',
          kind: 'text',
          label: OTHER_VIOLENCE_TEXT,
          required: true,
          showWhen: {
            any: [
              { item: 'violence_status', row: 'OTHER', answeredExcept: ['NOT_RELEVANT'] },
              { item: 'violence_frequency', row: 'OTHER', answeredExcept: ['NEVER'] },
            ],
          },
          maxLength: OTHER_TEXT_MAX,
          multiline: false,
        },
      ],
    },
    {
      id: 'referral',
      title: { da: 'Risikovurdering og henvisning', en: 'Risk assessment and referral' },
      items: [
        {
          id: 'sara_done',
          seedNumber: '7',
          kind: 'single',
          label: {
            da: 'Er borgeren risikovurderet med SARA-V3?',
            en: 'Has the person been risk assessed with SARA-V3?',
          },
          required: true,
          options: YES_NO_DONT_KNOW,
        },
        {
          id: 'referred_to',
          seedNumber: '8',
          kind: 'multi',
          label: { da: 'Borgeren er henvist til', en: 'The person has been referred to' },
          help: { da: 'Marker gerne flere svar.', en: 'Tick all that apply.' },
          required: true,
          options: REFERRED_TO,
        },
        {
          id: 'referred_to_other',
          kind: 'text',
          label: { da: 'Anden støtte eller hjælp: skriv hvilken', en: 'Other support or help: write which' },
          required: true,
          showWhen: { item: 'referred_to', anyOf: ['OTHER_SUPPORT'] },
          maxLength: OTHER_TEXT_MAX,
          multiline: false,
        },
      ],
    },
  ],
};

const BASELINE: QuestionnaireDefinition = {
  kind: 'BASELINE',
  title: { da: 'Baggrundsskema', en: 'Baseline form' },
  filledBy: 'PARTICIPANT',
  intro: {
    da: 'Tak for, at du vil deltage. Dine svar hjælper os til at tilbyde den rette hjælp til mennesker, der er eller har været udsat for vold i deres nære relationer.',
    en: 'Thank you for taking part. Your answers help us offer the right help to people who are or have been exposed to violence in their close relations.',
  },
  privacyNotice: PARTICIPANT_PRIVACY_NOTICE,
  sections: [
    {
      id: 'about_you',
      title: { da: 'Om dig', en: 'About you' },
      items: [
        {
          id: 'gender',
          seedNumber: '2',
          kind: 'single',
          label: { da: 'Hvad er dit køn?', en: 'What is your gender?' },
          required: false,
          options: GENDERS,
        },
        {
          id: 'age',
          seedNumber: '3',
          kind: 'integer',
          label: { da: 'Hvor gammel er du?', en: 'How old are you?' },
          help: { da: 'Skriv din alder i hele år.', en: 'Your age in whole years.' },
          required: false,
          min: 18,
          max: 110,
        },
        {
          id: 'income_basis',
          seedNumber: '4',
          kind: 'single',
          label: { da: 'Hvad er dit forsørgelsesgrundlag?', en: 'What is your main source of income?' },
          help: {
            da: 'Hvis flere kategorier passer på din situation, skal du vælge den kategori, du mener passer bedst.',
            en: 'If more than one fits your situation, choose the one that fits best.',
          },
          required: false,
          options: INCOME_BASIS,
        },
        {
          id: 'education',
          seedNumber: '5',
          kind: 'single',
          label: {
            da: 'Hvad er den højeste uddannelse, som du har gennemført?',
            en: 'What is the highest education you have completed?',
          },
          required: false,
          options: EDUCATION,
        },
        {
          id: 'children',
          seedNumber: '6',
          kind: 'multi',
          label: {
            da: 'Har du eller andre i din husstand børn?',
            en: 'Do you or others in your household have children?',
          },
          help: SEVERAL_ANSWERS,
          required: false,
          options: CHILDREN_IN_HOUSEHOLD,
        },
        {
          id: 'children_ages',
          seedNumber: '7',
          kind: 'multi',
          label: { da: 'Hvad er barnets/børnenes alder?', en: "What is the child's or children's age?" },
          help: SEVERAL_ANSWERS,
          required: false,
          showWhen: { item: 'children', answeredExcept: ['NONE'] },
          options: CHILD_AGES,
        },
      ],
    },
    {
      id: 'inspire_o',
      title: HOW_YOU_ARE,
      intro: ONE_PER_ROW,
      items: likertItems('inspire_o', INSPIRE_O_STATEMENTS, 'INSPIRE_O', '8'),
    },
    {
      id: 'inspire',
      title: LEADER_SUPPORT,
      intro: ONE_PER_ROW,
      items: likertItems('inspire', INSPIRE_STATEMENTS, 'INSPIRE', '9'),
    },
    {
      id: 'violence',
      title: { da: 'Oplevelser med vold', en: 'Experiences of violence' },
      intro: VIOLENCE_INTRO,
      items: [
        ...participantViolenceItems('10', false),
        {
          id: 'violence_duration',
          seedNumber: '11',
          kind: 'single',
          label: {
            da: 'Hvor længe har der været vold i den relation, som gav anledning til gruppeforløbet?',
            en: 'How long has there been violence in the relation that led to the group course?',
          },
          required: false,
          options: DURATION,
        },
        {
          id: 'still_present',
          seedNumber: '12',
          kind: 'single',
          label: STILL_PRESENT_LABEL,
          required: false,
          options: optionsFor('BASELINE', STILL_PRESENT),
        },
        {
          id: 'earlier_violence',
          seedNumber: '13',
          kind: 'multi',
          label: {
            da: 'Har du tidligere været udsat for eller vidne til vold?',
            en: 'Have you earlier been exposed to or witnessed violence?',
          },
          help: SEVERAL_ANSWERS,
          required: false,
          options: EARLIER_VIOLENCE,
        },
        {
          id: 'earlier_help',
          seedNumber: '14',
          kind: 'single',
          label: {
            da: 'Har du tidligere modtaget hjælp ift. at være udsat for vold i nære relationer?',
            en: 'Have you earlier received help for being exposed to violence in close relations?',
          },
          required: false,
          options: EARLIER_HELP,
        },
      ],
    },
    {
      id: 'comment',
      title: { da: 'Kommentarer', en: 'Comments' },
      items: [
        {
          id: 'comment',
          seedNumber: '15',
          kind: 'text',
          label: {
            da: 'Har du kommentarer til dine svar, bemærkninger til din opstart i gruppeforløbet eller andet, som vi skal være opmærksomme på, kan du skrive dem her.',
            en: 'If you have comments on your answers, on starting the group course or anything else we should be aware of, you can write them here.',
          },
          required: false,
          maxLength: COMMENT_MAX,
          multiline: true,
        },
      ],
    },
  ],
};

const END: QuestionnaireDefinition = {
  kind: 'END',
  title: { da: 'Afslutningsskema', en: 'End form' },
  filledBy: 'PARTICIPANT',
  intro: {
    da: 'Tak for, at du vil deltage. Dine svar hjælper os til at tilbyde den rette hjælp til mennesker, der lever med vold i deres nære relationer.',
    en: 'Thank you for taking part. Your answers help us offer the right help to people living with violence in their close relations.',
  },
  privacyNotice: PARTICIPANT_PRIVACY_NOTICE,
  closing: {
    da: 'Dette var det sidste spørgeskema om gruppeforløbet. Tusind tak for dine besvarelser.',
    en: 'This was the last questionnaire about the group course. Thank you very much for your answers.',
  },
  sections: [
    {
      id: 'about_you',
      title: { da: 'Om dig og forløbet', en: 'About you and the course' },
      items: [
        {
          id: 'gender',
          seedNumber: '1',
          kind: 'single',
          label: { da: 'Hvad er dit køn?', en: 'What is your gender?' },
          required: false,
          options: GENDERS,
        },
        {
          id: 'sessions_attended',
          seedNumber: '3',
          kind: 'integer',
          label: {
            da: 'Hvor mange gruppeforløb har du været til?',
            en: 'How many group sessions have you attended?',
          },
          help: {
            da: 'Antal gruppesessioner, fra 1 til 10.',
            en: 'The number of group sessions, from 1 to 10.',
          },
          required: false,
          min: 1,
          max: 10,
        },
      ],
    },
    {
      id: 'inspire_o',
      title: HOW_YOU_ARE,
      intro: ONE_PER_ROW,
      items: likertItems('inspire_o', INSPIRE_O_STATEMENTS, 'INSPIRE_O', '4'),
    },
    {
      id: 'inspire',
      title: LEADER_SUPPORT,
      intro: ONE_PER_ROW,
      items: likertItems('inspire', INSPIRE_STATEMENTS, 'INSPIRE', '5'),
    },
    {
      id: 'course',
      title: {
        da: 'De næste spørgsmål handler om din oplevelse af gruppeforløbet og de andre deltagere i gruppen',
        en: 'The next questions are about your experience of the group course and the other participants',
      },
      intro: ONE_PER_ROW,
      items: courseItems,
    },
    {
      id: 'violence',
      title: { da: 'Oplevelser med vold', en: 'Experiences of violence' },
      items: [
        {
          id: 'still_present',
          seedNumber: '7',
          kind: 'single',
          label: STILL_PRESENT_LABEL,
          required: false,
          options: optionsFor('END', STILL_PRESENT),
        },
        ...participantViolenceItems('8', true),
      ],
    },
    {
      id: 'helped_on',
      title: { da: 'Hjælp videre', en: 'Help onwards' },
      items: [
        {
          id: 'helped_on',
          seedNumber: '9',
          kind: 'single',
          label: {
            da: 'Er du hjulpet videre til andre relevante tilbud?',
            en: 'Have you been helped on to other relevant offers?',
          },
          required: false,
          options: HELPED_ON,
        },
        {
          id: 'helped_on_to',
          seedNumber: '10',
          kind: 'multi',
          label: {
            da: 'Hvilket tilbud eller forløb er du blevet hjulpet videre til?',
            en: 'Which offer or course have you been helped on to?',
          },
          help: SEVERAL_ANSWERS,
          required: false,
          showWhen: { item: 'helped_on', anyOf: ['YES'] },
          options: HELPED_ON_TO,
        },
      ],
    },
    {
      id: 'comment',
      title: { da: 'Kommentarer', en: 'Comments' },
      items: [
        {
          id: 'comment',
          seedNumber: '15',
          kind: 'text',
          label: {
            da: 'Har du kommentarer til dine svar eller bemærkninger til gruppeforløbet, som vi skal være opmærksomme på, kan du skrive dem her.',
            en: 'If you have comments on your answers or on the group course that we should be aware of, you can write them here.',
          },
          required: false,
          maxLength: COMMENT_MAX,
          multiline: true,
        },
      ],
    },
  ],
};

export const QUESTIONNAIRES: Readonly<Record<QuestionnaireKind, QuestionnaireDefinition>> = {
  REGISTRATION,
  BASELINE,
  END,
};

/** All items of a questionnaire, in form order. */
export function itemsOf(kind: QuestionnaireKind): QuestionnaireItem[] {
  return QUESTIONNAIRES[kind].sections.flatMap((section) => section.items);
}

/** One item by id, or undefined. */
export function findItem(kind: QuestionnaireKind, id: string): QuestionnaireItem | undefined {
  return itemsOf(kind).find((item) => item.id === id);
}

function answeredCodes(value: AnswerValue | undefined, row: string | undefined): string[] {
  if (value === undefined) return [];
  if (row !== undefined) {
    if (typeof value !== 'object' || Array.isArray(value)) return [];
    const cell = (value as Record<string, string>)[row];
    return cell === undefined ? [] : [cell];
  }
  if (Array.isArray(value)) return [...(value as readonly string[])];
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return [String(value)];
  return [];
}

/** Whether a condition holds for (already validated) answers. */
export function conditionHolds(condition: Condition, answers: Answers): boolean {
  if ('any' in condition) return condition.any.some((c) => conditionHolds(c, answers));
  const codes = answeredCodes(answers[condition.item], condition.row);
  if ('anyOf' in condition) return codes.some((code) => condition.anyOf.includes(code));
  return codes.some((code) => !condition.answeredExcept.includes(code));
}

/** Whether a renderer should show the item, given the answers so far. */
export function isItemShown(item: QuestionnaireItem, answers: Answers): boolean {
  return item.showWhen === undefined || conditionHolds(item.showWhen, answers);
}

/** Whether the item must be answered, given the other answers. */
export function isItemRequired(item: QuestionnaireItem, answers: Answers): boolean {
  if (!isItemShown(item, answers)) return false;
  if (typeof item.required === 'boolean') return item.required;
  return conditionHolds(item.required.when, answers);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Parsed = { value?: AnswerValue; errors: FieldError[] };

function parseWholeNumber(raw: unknown, field: string): { value?: number; error?: FieldError } {
  let value: number;
  if (typeof raw === 'number') value = raw;
  else if (typeof raw === 'string') {
    const text = raw.trim();
    if (text === '') return {};
    value = /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  } else return { error: fieldError(field, 'NOT_A_NUMBER') };
  if (!Number.isFinite(value)) return { error: fieldError(field, 'NOT_A_NUMBER') };
  if (!Number.isInteger(value)) return { error: fieldError(field, 'NOT_AN_INTEGER') };
  return { value };
}

function parseItem(item: QuestionnaireItem, raw: unknown): Parsed {
  if (raw === undefined || raw === null) return { errors: [] };
  const field = item.id;
  switch (item.kind) {
    case 'single': {
      if (typeof raw !== 'string') return { errors: [fieldError(field, 'INVALID_TYPE')] };
      if (raw === '') return { errors: [] };
      if (!item.options.some((o) => o.code === raw))
        return { errors: [fieldError(field, 'UNKNOWN_OPTION', { option: raw })] };
      return { value: raw, errors: [] };
    }
    case 'multi': {
      if (!Array.isArray(raw)) return { errors: [fieldError(field, 'INVALID_TYPE')] };
      if (raw.length === 0) return { errors: [] };
      const errors: FieldError[] = [];
      const seen = new Set<string>();
      for (const code of raw) {
        if (typeof code !== 'string') {
          errors.push(fieldError(field, 'INVALID_TYPE'));
          continue;
        }
        if (!item.options.some((o) => o.code === code))
          errors.push(fieldError(field, 'UNKNOWN_OPTION', { option: code }));
        else if (seen.has(code)) errors.push(fieldError(field, 'DUPLICATE_OPTION', { option: code }));
        seen.add(code);
      }
      if (errors.length > 0) return { errors };
      for (const option of item.options) {
        if (option.exclusive && seen.has(option.code) && seen.size > 1) {
          errors.push(fieldError(field, 'EXCLUSIVE_OPTION', { option: option.code }));
        }
      }
      if (errors.length > 0) return { errors };
      // Stored in the definition's order so equal answers are equal JSON.
      return { value: item.options.filter((o) => seen.has(o.code)).map((o) => o.code), errors: [] };
    }
    case 'integer': {
      const { value, error } = parseWholeNumber(raw, field);
      if (error) return { errors: [error] };
      if (value === undefined) return { errors: [] };
      if (value < item.min || value > item.max) {
        return { errors: [fieldError(field, 'OUT_OF_RANGE', { min: item.min, max: item.max })] };
      }
      return { value, errors: [] };
    }
    case 'likert': {
      const { value, error } = parseWholeNumber(raw, field);
      if (error) return { errors: [error] };
      if (value === undefined) return { errors: [] };
      const values = item.options.map((o) => o.value);
      if (!values.includes(value)) {
        return {
          errors: [fieldError(field, 'OUT_OF_RANGE', { min: Math.min(...values), max: Math.max(...values) })],
        };
      }
      return { value, errors: [] };
    }
    case 'text': {
      if (typeof raw !== 'string') return { errors: [fieldError(field, 'INVALID_TYPE')] };
      const text = raw.trim();
      if (text === '') return { errors: [] };
      if ([...text].length > item.maxLength)
        return { errors: [fieldError(field, 'TOO_LONG', { maxLength: item.maxLength })] };
      return { value: text, errors: [] };
    }
    case 'grid': {
      if (!isPlainObject(raw)) return { errors: [fieldError(field, 'INVALID_TYPE')] };
      const errors: FieldError[] = [];
      const cells = new Map<string, string>();
      for (const [row, cell] of Object.entries(raw)) {
        const cellField = `${field}.${row}`;
        if (!item.rows.some((r) => r.code === row)) {
          errors.push(fieldError(cellField, 'UNKNOWN_ITEM'));
          continue;
        }
        if (cell === undefined || cell === null || cell === '') continue;
        if (typeof cell !== 'string') errors.push(fieldError(cellField, 'INVALID_TYPE'));
        else if (!item.options.some((o) => o.code === cell))
          errors.push(fieldError(cellField, 'UNKNOWN_OPTION', { option: cell }));
        else cells.set(row, cell);
      }
      if (errors.length > 0) return { errors };
      if (cells.size === 0) return { errors: [] };
      const value: Record<string, string> = {};
      for (const row of item.rows) {
        const cell = cells.get(row.code);
        if (cell !== undefined) value[row.code] = cell;
      }
      return { value, errors: [] };
    }
  }
}

export type AnswersValidation = { ok: true; answers: Answers } | { ok: false; errors: FieldError[] };

/**
 * Checks a submitted form against its definition and returns the cleaned
 * answers (trimmed text, numbers as numbers, options in definition order,
 * unanswered items left out) or every problem found, each naming its field
 * (`age`, `violence_status.PHYSICAL`). Unknown items are rejected, so
 * nothing unexpected is ever stored.
 */
export function validateAnswers(kind: QuestionnaireKind, answers: unknown): AnswersValidation {
  const definition = QUESTIONNAIRES[kind];
  if (definition === undefined)
    return { ok: false, errors: [fieldError('kind', 'UNKNOWN_OPTION', { option: String(kind) })] };
  return validateItemAnswers(itemsOf(kind), answers);
}

/**
 * `validateAnswers` for any list of items: also checks forms that are not one of the three
 * Bilag 1 questionnaires (the outreach user survey, packages/domain/src/outreach-survey).
 */
export function validateItemAnswers(
  items: readonly QuestionnaireItem[],
  answers: unknown,
): AnswersValidation {
  if (!isPlainObject(answers)) return { ok: false, errors: [fieldError('answers', 'NOT_AN_OBJECT')] };

  const errors: FieldError[] = [];
  for (const key of Object.keys(answers)) {
    if (!items.some((item) => item.id === key)) errors.push(fieldError(key, 'UNKNOWN_ITEM'));
  }

  const cleaned: Record<string, AnswerValue> = {};
  const broken = new Set<string>();
  for (const item of items) {
    const parsed = parseItem(item, answers[item.id]);
    if (parsed.errors.length > 0) {
      errors.push(...parsed.errors);
      broken.add(item.id);
    } else if (parsed.value !== undefined) cleaned[item.id] = parsed.value;
  }

  for (const item of items) {
    if (broken.has(item.id)) continue;
    const value = cleaned[item.id];
    if (!isItemShown(item, cleaned)) {
      if (value !== undefined) errors.push(fieldError(item.id, 'NOT_APPLICABLE'));
      continue;
    }
    if (!isItemRequired(item, cleaned)) continue;
    if (item.kind === 'grid') {
      const cells = (value ?? {}) as Record<string, string>;
      for (const row of item.rows) {
        if (cells[row.code] === undefined) errors.push(fieldError(`${item.id}.${row.code}`, 'REQUIRED'));
      }
    } else if (value === undefined) errors.push(fieldError(item.id, 'REQUIRED'));
  }

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, answers: cleaned };
}

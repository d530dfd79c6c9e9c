import type { Label } from '../labels.ts';
import type {
  MultiItem,
  QuestionnaireDefinition,
  QuestionnaireItem,
  QuestionnaireOption,
  SingleItem,
  TextItem,
} from '../questionnaires.ts';

/**
 * The outreach user survey (DOMAIN §2.1 step 4 and §9) as questionnaire data, in the shape of
 * the Bilag 1 forms (questionnaires.ts), so one renderer and one validator serve both. Every
 * participant-facing text of the survey is in this file, under stable item ids and answer codes:
 * the multilingual catalogue translates by these keys, and the stored answers and the
 * evaluation's SQL use the codes. Never rename an id or a code.
 *
 * Where the items come from. The evaluation of Projekt Opsøgende Indsats reports the Kantar
 * Gallup user survey ("Offerrådgivningen i Hovedstaden – Evaluering af opsøgende indsats",
 * n = 487) as shares of "ja, enig eller positiv" answers to twelve statements; those twelve are
 * `source: 'report'` here, worded as the report words them. The report does not print the
 * questionnaire itself, so the answer scales (yes/no, a five-point agreement scale, a five-point
 * rating) are ours, built so that its "ja, enig eller positiv" share can be counted from them
 * (`positiveCodes`). The items the brief asks for and the report does not have — whether the
 * offer was relevant, what helped, what was missing, the follow-up interview — are
 * `source: 'ours'`, written with the same intent: the report's interviews name what helped
 * (information, knowing where to turn, after-reactions explained) and what people lacked (a
 * more specialised offer, language).
 */

export type SurveyItemSource = 'report' | 'ours';

/** What the survey adds to a questionnaire item: where it comes from and what the report found. */
export type SurveyItemFacts = {
  readonly source: SurveyItemSource;
  /** Codes counted as the report's "ja, enig eller positiv" (absent for items without such a share). */
  readonly positiveCodes?: readonly string[];
  /** The report's share of positive answers, in per cent of 487 (Kantar Gallup, n = 487). */
  readonly reportPositivePercent?: number;
};

export type SurveySingleItem = SingleItem & SurveyItemFacts;
export type SurveyMultiItem = MultiItem & SurveyItemFacts;
export type SurveyTextItem = TextItem & SurveyItemFacts;
export type SurveyItem = SurveySingleItem | SurveyMultiItem | SurveyTextItem;

export type OutreachSurveySection = {
  readonly id: string;
  readonly title: Label;
  readonly intro?: Label;
  readonly items: readonly SurveyItem[];
};

/** Like a Bilag 1 definition, with its own kind: the survey is not one of QuestionnaireKind. */
export type OutreachSurveyDefinition = Omit<QuestionnaireDefinition, 'kind' | 'sections'> & {
  readonly kind: 'OUTREACH_SURVEY';
  readonly sections: readonly OutreachSurveySection[];
};

const YES_NO: readonly QuestionnaireOption[] = [
  { code: 'YES', label: { da: 'Ja', en: 'Yes' } },
  { code: 'NO', label: { da: 'Nej', en: 'No' } },
  { code: 'DONT_KNOW', label: { da: 'Ved ikke', en: 'Don’t know' } },
];

/** Five-point agreement with "don't know" (ours: the report gives only the share that agreed). */
const AGREEMENT: readonly QuestionnaireOption[] = [
  { code: 'STRONGLY_AGREE', label: { da: 'Helt enig', en: 'Strongly agree' } },
  { code: 'AGREE', label: { da: 'Overvejende enig', en: 'Agree' } },
  { code: 'NEITHER', label: { da: 'Hverken enig eller uenig', en: 'Neither agree nor disagree' } },
  { code: 'DISAGREE', label: { da: 'Overvejende uenig', en: 'Disagree' } },
  { code: 'STRONGLY_DISAGREE', label: { da: 'Helt uenig', en: 'Strongly disagree' } },
  { code: 'DONT_KNOW', label: { da: 'Ved ikke', en: 'Don’t know' } },
];
const AGREED = ['STRONGLY_AGREE', 'AGREE'] as const;

const RATING: readonly QuestionnaireOption[] = [
  { code: 'VERY_POSITIVE', label: { da: 'Meget positivt', en: 'Very positive' } },
  { code: 'POSITIVE', label: { da: 'Positivt', en: 'Positive' } },
  { code: 'NEITHER', label: { da: 'Hverken positivt eller negativt', en: 'Neither positive nor negative' } },
  { code: 'NEGATIVE', label: { da: 'Negativt', en: 'Negative' } },
  { code: 'VERY_NEGATIVE', label: { da: 'Meget negativt', en: 'Very negative' } },
];

const FREE_TEXT_MAX = 1000;

function yesNo(id: string, label: Label, reportPositivePercent: number): SurveySingleItem {
  return {
    id,
    kind: 'single',
    label,
    required: false,
    options: YES_NO,
    source: 'report',
    positiveCodes: ['YES'],
    reportPositivePercent,
  };
}

function agreement(
  id: string,
  label: Label,
  source: SurveyItemSource,
  reportPositivePercent?: number,
): SurveySingleItem {
  return {
    id,
    kind: 'single',
    label,
    required: false,
    options: AGREEMENT,
    source,
    positiveCodes: AGREED,
    ...(reportPositivePercent === undefined ? {} : { reportPositivePercent }),
  };
}

const WHAT_HELPED: readonly QuestionnaireOption[] = [
  {
    code: 'INFORMATION',
    label: { da: 'At få information om offerrådgivning', en: 'Information about victim counselling' },
  },
  {
    code: 'REACTIONS_EXPLAINED',
    label: {
      da: 'At høre om de reaktioner, man kan få efter en voldsom hændelse',
      en: 'Hearing about the reactions people can have after a violent incident',
    },
  },
  {
    code: 'KNOWING_WHERE_TO_TURN',
    label: { da: 'At vide, hvor jeg kan henvende mig senere', en: 'Knowing where I can turn later' },
  },
  { code: 'SOMEONE_LISTENED', label: { da: 'At nogen lyttede til mig', en: 'That someone listened to me' } },
  {
    code: 'COUNSELLOR_CALL',
    label: { da: 'At en offerrådgiver ringede mig op', en: 'That a victim counsellor called me back' },
  },
  { code: 'OTHER', label: { da: 'Andet', en: 'Something else' } },
  { code: 'NOTHING', label: { da: 'Intet af det', en: 'None of these' }, exclusive: true },
];

const WHAT_WAS_MISSING: readonly QuestionnaireOption[] = [
  {
    code: 'SPECIALISED_HELP',
    label: { da: 'Et mere specialiseret tilbud', en: 'A more specialised offer' },
  },
  {
    code: 'MY_LANGUAGE',
    label: { da: 'At tale med nogen på mit eget sprog', en: 'Talking to someone in my own language' },
  },
  {
    code: 'WRITTEN_INFORMATION',
    label: { da: 'Skriftlig information bagefter', en: 'Written information afterwards' },
  },
  {
    code: 'BETTER_TIMING',
    label: { da: 'At blive ringet op på et andet tidspunkt', en: 'Being called at another time' },
  },
  { code: 'MORE_TIME', label: { da: 'Mere tid i samtalen', en: 'More time in the call' } },
  { code: 'OTHER', label: { da: 'Andet', en: 'Something else' } },
  { code: 'NOTHING', label: { da: 'Jeg manglede ikke noget', en: 'Nothing was missing' }, exclusive: true },
];

/** The follow-up interview item's codes: how the person wants to be contacted, or not at all. */
export const FOLLOW_UP_CHANNELS = ['PHONE', 'EMAIL', 'NONE'] as const;
export type FollowUpChannelCode = (typeof FOLLOW_UP_CHANNELS)[number];

const FOLLOW_UP: readonly QuestionnaireOption[] = [
  { code: 'PHONE', label: { da: 'Ja, ring til mig', en: 'Yes, phone me' } },
  { code: 'EMAIL', label: { da: 'Ja, skriv til mig på e-mail', en: 'Yes, e-mail me' } },
  { code: 'NONE', label: { da: 'Nej tak', en: 'No, thank you' } },
];

export const OUTREACH_SURVEY: OutreachSurveyDefinition = {
  kind: 'OUTREACH_SURVEY',
  title: { da: 'Hvordan var opkaldet?', en: 'How was the call?' },
  filledBy: 'PARTICIPANT',
  intro: {
    da: 'Du blev for nylig ringet op med et tilbud om offerrådgivning. Vi vil gerne høre, hvordan du oplevede opkaldet, så vi kan gøre det bedre. Det tager omkring 5 minutter. Du kan springe alle spørgsmål over.',
    en: 'You were recently called with an offer of victim counselling. We would like to hear how you found the call, so that we can do better. It takes about 5 minutes. You can skip any question.',
  },
  privacyNotice: {
    da: 'Dine svar gemmes under en tilfældig kode og ikke sammen med dit navn, dit telefonnummer eller opkaldet. Hverken den medarbejder, der ringede, politiet eller andre kan se, hvad du har svaret.',
    en: 'Your answers are stored under a random code, not with your name, your phone number or the call. Neither the person who called you, the police nor anyone else can see what you answered.',
  },
  closing: {
    da: 'Tak for dine svar. Du kan altid kontakte Offerrådgivningen, hvis du får brug for det senere.',
    en: 'Thank you for your answers. You can always contact victim counselling if you need it later.',
  },
  sections: [
    {
      id: 'call',
      title: { da: 'Opkaldet', en: 'The call' },
      items: [
        yesNo(
          'knew_service_before',
          {
            da: 'Kendte du Offerrådgivningen, inden du blev ringet op?',
            en: 'Did you know about victim counselling before you were called?',
          },
          43,
        ),
        yesNo(
          'new_information',
          {
            da: 'Fik du nye oplysninger om muligheder for rådgivning, som du ikke kendte, før du blev ringet op?',
            en: 'Did you get new information about counselling that you did not know before you were called?',
          },
          77,
        ),
        agreement(
          'useful_information',
          {
            da: 'Medarbejderen gav mig brugbare informationer om Offerrådgivningen',
            en: 'The person who called gave me useful information about victim counselling',
          },
          'report',
          88,
        ),
        agreement(
          'explained_for_my_situation',
          {
            da: 'Medarbejderen kunne forklare mig, hvad offerrådgivning kan betyde for mig og min situation',
            en: 'The person who called could explain what victim counselling could mean for me and my situation',
          },
          'report',
          91,
        ),
        agreement(
          'showed_empathy',
          {
            da: 'Medarbejderen viste empati og medfølelse',
            en: 'The person who called showed empathy and compassion',
          },
          'report',
          95,
        ),
        agreement(
          'understood_my_situation',
          {
            da: 'Medarbejderen havde forståelse for min situation',
            en: 'The person who called understood my situation',
          },
          'report',
          94,
        ),
        agreement(
          'glad_to_be_called',
          { da: 'Jeg er glad for, at jeg blev ringet op', en: 'I am glad that I was called' },
          'report',
          91,
        ),
        {
          id: 'call_rating',
          kind: 'single',
          label: {
            da: 'Hvordan vil du samlet vurdere opkaldet?',
            en: 'Overall, how would you rate the call?',
          },
          required: false,
          options: RATING,
          source: 'report',
          positiveCodes: ['VERY_POSITIVE', 'POSITIVE'],
          reportPositivePercent: 98,
        },
        agreement(
          'everyone_should_be_called',
          {
            da: 'Alle ofre, vidner og pårørende bør få et opkald med tilbud om offerrådgivning',
            en: 'All victims, witnesses and relatives should get a call offering victim counselling',
          },
          'report',
          91,
        ),
      ],
    },
    {
      id: 'offer',
      title: { da: 'Tilbuddet', en: 'The offer' },
      items: [
        agreement(
          'offer_relevant',
          {
            da: 'Tilbuddet om offerrådgivning var relevant for mig',
            en: 'The offer of victim counselling was relevant to me',
          },
          'ours',
        ),
        yesNo(
          'considered_calling_self',
          {
            da: 'Havde du overvejet selv at kontakte Offerrådgivningen, før du blev ringet op?',
            en: 'Had you thought of contacting victim counselling yourself before you were called?',
          },
          37,
        ),
        yesNo(
          'new_thoughts_about_incident',
          {
            da: 'Gav opkaldet dig nye tanker om det, du har været ude for?',
            en: 'Did the call give you new thoughts about what happened to you?',
          },
          67,
        ),
        yesNo(
          'may_contact_later',
          {
            da: 'Overvejer du at kontakte Offerrådgivningen på et senere tidspunkt?',
            en: 'Are you thinking of contacting victim counselling at a later time?',
          },
          41,
        ),
      ],
    },
    {
      id: 'helped',
      title: { da: 'Hvad hjalp, og hvad manglede?', en: 'What helped, and what was missing?' },
      items: [
        {
          id: 'what_helped',
          kind: 'multi',
          label: { da: 'Hvad hjalp dig ved opkaldet?', en: 'What about the call helped you?' },
          help: { da: 'Du kan sætte flere krydser.', en: 'You can tick more than one.' },
          required: false,
          options: WHAT_HELPED,
          source: 'ours',
        },
        {
          id: 'what_helped_other',
          kind: 'text',
          label: { da: 'Skriv gerne, hvad der ellers hjalp', en: 'Please write what else helped' },
          required: false,
          showWhen: { item: 'what_helped', anyOf: ['OTHER'] },
          maxLength: FREE_TEXT_MAX,
          multiline: true,
          source: 'ours',
        },
        {
          id: 'what_was_missing',
          kind: 'multi',
          label: {
            da: 'Var der noget, du manglede?',
            en: 'Was there anything you missed?',
          },
          help: { da: 'Du kan sætte flere krydser.', en: 'You can tick more than one.' },
          required: false,
          options: WHAT_WAS_MISSING,
          source: 'ours',
        },
        {
          id: 'what_was_missing_other',
          kind: 'text',
          label: { da: 'Skriv gerne, hvad du manglede', en: 'Please write what you missed' },
          required: false,
          showWhen: { item: 'what_was_missing', anyOf: ['OTHER'] },
          maxLength: FREE_TEXT_MAX,
          multiline: true,
          source: 'ours',
        },
      ],
    },
    {
      id: 'follow_up',
      title: { da: 'Et kort interview bagefter?', en: 'A short interview afterwards?' },
      intro: {
        da: 'Vi vil gerne tale med nogle af dem, der svarer, for at høre mere. Hvis du siger ja, får projektlederen kun den kontaktmåde, du vælger – ikke dine svar.',
        en: 'We would like to talk to some of the people who answer, to hear more. If you say yes, the project lead gets only the way of contacting you that you choose – not your answers.',
      },
      items: [
        {
          id: 'follow_up_interview',
          kind: 'single',
          label: {
            da: 'Må vi kontakte dig til et kort interview?',
            en: 'May we contact you for a short interview?',
          },
          required: false,
          options: FOLLOW_UP,
          source: 'ours',
        },
        {
          id: 'follow_up_phone',
          kind: 'text',
          label: { da: 'Dit telefonnummer', en: 'Your phone number' },
          required: { when: { item: 'follow_up_interview', anyOf: ['PHONE'] } },
          showWhen: { item: 'follow_up_interview', anyOf: ['PHONE'] },
          maxLength: 20,
          multiline: false,
          source: 'ours',
        },
        {
          id: 'follow_up_email',
          kind: 'text',
          label: { da: 'Din e-mailadresse', en: 'Your e-mail address' },
          required: { when: { item: 'follow_up_interview', anyOf: ['EMAIL'] } },
          showWhen: { item: 'follow_up_interview', anyOf: ['EMAIL'] },
          maxLength: 254,
          multiline: false,
          source: 'ours',
        },
      ],
    },
  ],
};

export function outreachSurveyItems(): SurveyItem[] {
  return OUTREACH_SURVEY.sections.flatMap((section) => section.items);
}

/**
 * The items whose codes stay plain in the stored response for the evaluation's SQL: every coded
 * answer about the call. Free text is sealed only. The follow-up interview items are not stored
 * with the answers at all: the contact goes to the lead's task, and nothing joins the two.
 */
export const AGGREGATED_SURVEY_ITEM_IDS: readonly string[] = outreachSurveyItems()
  .filter((item) => item.kind !== 'text' && item.id !== 'follow_up_interview')
  .map((item) => item.id);

/** Every item as the generic questionnaire type, for validateItemAnswers and renderers. */
export function outreachSurveyQuestionnaireItems(): QuestionnaireItem[] {
  return outreachSurveyItems();
}

import {
  FORM_LINK_PROBLEM_MESSAGES,
  PARTICIPANT_FORM_KINDS,
  type ParticipantFormKind,
} from '../courses/form-link.ts';
import type { Label } from '../labels.ts';
import { OUTREACH_SURVEY } from '../outreach-survey/survey-items.ts';
import {
  QUESTIONNAIRES,
  type QuestionnaireDefinition,
  type QuestionnaireItem,
  type QuestionnaireKind,
  type QuestionnaireOption,
} from '../questionnaires.ts';

/**
 * The source (Danish, with the English that ships beside it) of every text a participant reads,
 * keyed by stable ids. Translations (translations/<locale>.ts) and the lead's overrides are keyed
 * the same way, so a key is never renamed: a reworded Danish text keeps its key, and a text that
 * means something new gets a new key (the missing-key test then asks for its translations).
 *
 * Two parts:
 * - the page's chrome: titles, buttons, "Side x af y", errors, the thank-you page, the messages for
 *   a changed, expired or used link (copied from the participant page, the questionnaire renderer and
 *   FORM_LINK_PROBLEM_MESSAGES; ICU placeholders where the UI fills in values);
 * - the participant forms (baseline and end) walked from their definitions in questionnaires.ts, so a
 *   new item or answer option cannot be offered without its translations.
 */

export const PARTICIPANT_CHROME: Readonly<Record<string, Label>> = {
  'page.title': { da: 'Spørgeskema', en: 'Questionnaire' },
  'page.language': { da: 'Sprog', en: 'Language' },
  'participant.loading': { da: 'Henter skemaet …', en: 'Loading the form …' },
  'participant.noToken': {
    da: 'Linket mangler sin kode. Bed gruppelederen om et nyt link.',
    en: 'The link is missing its code. Ask your group leader for a new link.',
  },
  'participant.thanks': {
    da: 'Tak! Dine svar er modtaget.',
    en: 'Thank you! Your answers have been received.',
  },
  'participant.thanksDetail': { da: 'Du kan lukke siden nu.', en: 'You can close the page now.' },
  'participant.problem': { da: 'Skemaet kan ikke åbnes', en: 'The form cannot be opened' },
  'questionnaire.required': { da: 'skal besvares', en: 'required' },
  'questionnaire.optional': { da: 'valgfrit', en: 'optional' },
  'questionnaire.submit': { da: 'Send svar', en: 'Send answers' },
  'questionnaire.submitting': { da: 'Sender …', en: 'Sending …' },
  'questionnaire.fixFields': {
    da: 'Nogle svar skal rettes. Se beskederne ved spørgsmålene.',
    en: 'Some answers need correcting. See the messages at the questions.',
  },
  'questionnaire.whoSees': { da: 'Hvem kan se dine svar?', en: 'Who can see your answers?' },
  'questionnaire.clearChoice': { da: 'Fjern svar', en: 'Clear answer' },
  'questionnaire.page': { da: 'Side {page} af {pages}', en: 'Page {page} of {pages}' },
  'questionnaire.next': { da: 'Næste', en: 'Next' },
  'questionnaire.back': { da: 'Tilbage', en: 'Back' },
  'questionnaire.summaryHeading': { da: 'Der er et problem', en: 'There is a problem' },
  // The error summary's count; the plural is why this catalogue is ICU (Arabic has six forms, Polish
  // and Ukrainian four).
  'questionnaire.problemCount': {
    da: '{count, plural, one {Ét svar skal rettes} other {# svar skal rettes}}',
    en: '{count, plural, one {One answer needs correcting} other {# answers need correcting}}',
  },
  'link.INVALID_LINK': FORM_LINK_PROBLEM_MESSAGES.INVALID_LINK,
  'link.LINK_EXPIRED': FORM_LINK_PROBLEM_MESSAGES.LINK_EXPIRED,
  'link.LINK_USED': FORM_LINK_PROBLEM_MESSAGES.LINK_USED,
  'link.ALREADY_SUBMITTED': FORM_LINK_PROBLEM_MESSAGES.ALREADY_SUBMITTED,
  'error.network': {
    da: 'Der er ingen forbindelse til serveren. Prøv igen om lidt.',
    en: 'The server cannot be reached. Try again shortly.',
  },
  'error.unexpected': {
    da: 'Der skete en uventet fejl. Prøv igen om lidt.',
    en: 'An unexpected error occurred. Try again shortly.',
  },
  'error.requestId': { da: '(Fejl-id: {id})', en: '(Error id: {id})' },
  // The field errors a participant's own answers can get (validation.ts words them for staff too).
  'fieldError.REQUIRED': { da: 'Feltet skal udfyldes.', en: 'This field is required.' },
  'fieldError.NOT_A_NUMBER': { da: 'Skriv et tal.', en: 'Enter a number.' },
  'fieldError.NOT_AN_INTEGER': { da: 'Skriv et helt tal.', en: 'Enter a whole number.' },
  'fieldError.OUT_OF_RANGE': {
    da: 'Værdien skal ligge mellem {min} og {max}.',
    en: 'The value must be between {min} and {max}.',
  },
  'fieldError.TOO_LONG': {
    da: 'Teksten må højst være {maxLength} tegn.',
    en: 'The text must be at most {maxLength} characters.',
  },
  'fieldError.EXCLUSIVE_OPTION': {
    da: 'Svaret »{option}« kan ikke kombineres med andre svar.',
    en: 'The answer "{option}" cannot be combined with other answers.',
  },
};

/**
 * Sections and items whose id the two forms share but word differently: their keys carry the form's
 * kind. Every other shared id must read the same in both forms (formTextEntries throws otherwise).
 */
const FORM_SPECIFIC_SECTIONS: ReadonlySet<string> = new Set(['about_you']);
const FORM_SPECIFIC_ITEMS: ReadonlySet<string> = new Set(['comment']);

export function sectionKey(kind: QuestionnaireKind, sectionId: string): string {
  return FORM_SPECIFIC_SECTIONS.has(sectionId) ? `section.${kind}.${sectionId}` : `section.${sectionId}`;
}

export function itemKey(kind: QuestionnaireKind, itemId: string): string {
  return FORM_SPECIFIC_ITEMS.has(itemId) ? `item.${kind}.${itemId}` : `item.${itemId}`;
}

/** The key of an answer option (or grid column). The five likert answers are one set for every item. */
export function optionKey(item: QuestionnaireItem, code: string): string {
  return item.kind === 'likert' ? `likert.${code}` : `option.${item.id}.${code}`;
}

export function rowKey(item: QuestionnaireItem, code: string): string {
  return `row.${item.id}.${code}`;
}

type Entry = readonly [key: string, text: Label];

function optionEntries(item: QuestionnaireItem, options: readonly QuestionnaireOption[]): Entry[] {
  return options.map((option) => [optionKey(item, option.code), option.label] as const);
}

/** Every text of one participant form with its key, in form order (a key may repeat with equal text). */
export function formTextEntries(kind: ParticipantFormKind): Entry[] {
  const form: QuestionnaireDefinition = QUESTIONNAIRES[kind];
  const entries: Entry[] = [
    [`form.${kind}.title`, form.title],
    [`form.${kind}.intro`, form.intro],
  ];
  if (form.privacyNotice) entries.push(['form.privacyNotice', form.privacyNotice]);
  if (form.closing) entries.push([`form.${kind}.closing`, form.closing]);
  for (const section of form.sections) {
    const key = sectionKey(kind, section.id);
    entries.push([`${key}.title`, section.title]);
    if (section.intro) entries.push([`${key}.intro`, section.intro]);
    for (const item of section.items) {
      const base = itemKey(kind, item.id);
      entries.push([`${base}.label`, item.label]);
      if (item.help) entries.push([`${base}.help`, item.help]);
      if (item.kind === 'single' || item.kind === 'multi' || item.kind === 'likert') {
        entries.push(...optionEntries(item, item.options));
      } else if (item.kind === 'grid') {
        for (const row of item.rows) {
          entries.push([rowKey(item, row.code), row.label]);
          if (row.example) entries.push([`${rowKey(item, row.code)}.example`, row.example]);
        }
        entries.push(...optionEntries(item, item.options));
      }
    }
  }
  return entries;
}

/**
 * Every text of the outreach user survey (outreach-survey/survey-items.ts) with its key: the same
 * shape as the forms' keys under `survey.`, so the survey's answer codes are the keys' last part.
 */
export function surveyTextEntries(): Entry[] {
  const form = OUTREACH_SURVEY;
  const entries: Entry[] = [
    ['survey.title', form.title],
    ['survey.intro', form.intro],
  ];
  if (form.privacyNotice) entries.push(['survey.privacyNotice', form.privacyNotice]);
  if (form.closing) entries.push(['survey.closing', form.closing]);
  for (const section of form.sections) {
    entries.push([`survey.section.${section.id}.title`, section.title]);
    if (section.intro) entries.push([`survey.section.${section.id}.intro`, section.intro]);
    for (const item of section.items) {
      entries.push([`survey.item.${item.id}.label`, item.label]);
      if (item.help) entries.push([`survey.item.${item.id}.help`, item.help]);
      if (item.kind !== 'text') {
        for (const option of item.options)
          entries.push([surveyOptionKey(item.id, option.code), option.label]);
      }
    }
  }
  return entries;
}

export function surveyOptionKey(itemId: string, code: string): string {
  return `survey.option.${itemId}.${code}`;
}

function sameLabel(a: Label, b: Label): boolean {
  return a.da === b.da && a.en === b.en;
}

/**
 * The whole source catalogue: chrome and both participant forms, key → Label. Throws when one key
 * would stand for two different texts (a shared id worded differently in the two forms: add it to
 * FORM_SPECIFIC_SECTIONS or FORM_SPECIFIC_ITEMS).
 */
export function participantSourceCatalogue(): ReadonlyMap<string, Label> {
  const catalogue = new Map<string, Label>(Object.entries(PARTICIPANT_CHROME));
  const entries = [
    ...PARTICIPANT_FORM_KINDS.flatMap((kind) => formTextEntries(kind)),
    ...surveyTextEntries(),
  ];
  for (const [key, text] of entries) {
    const earlier = catalogue.get(key);
    if (earlier && !sameLabel(earlier, text)) {
      throw new Error(`Key ${key} stands for two different texts: "${earlier.da}" and "${text.da}"`);
    }
    catalogue.set(key, text);
  }
  return catalogue;
}

let cached: ReadonlyMap<string, Label> | undefined;

/** participantSourceCatalogue, built once. */
export function participantSource(): ReadonlyMap<string, Label> {
  cached ??= participantSourceCatalogue();
  return cached;
}

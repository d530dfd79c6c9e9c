import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { isParticipantLocale, type ParticipantLocale } from '../i18n/participant-locales.ts';

/**
 * The text message that carries the survey link, in the language the worker recorded for the
 * person (ReachAnswers.preferredLanguage) when it is one the survey is offered in, else Danish.
 *
 * Deliberately plain: someone else may read the person's phone, so it names neither the
 * incident, the police nor victim counselling (DOMAIN §2.1, safety). Short, so it fits one SMS
 * segment where the alphabet allows: Danish, English and Somali are written in the GSM 7-bit
 * alphabet (160 characters, the link included); the others need UCS-2 (70 characters a segment),
 * where no text with a 90-character link fits one segment, so they are kept as short as the
 * language allows. The link sits on a line of its own so a right-to-left text does not reorder it.
 *
 * One ICU message per language with the one value `{url}`. Danish is the source and English its
 * translation; the other seven are translated for this system and not yet reviewed by a native
 * speaker (like the survey's other translations): a reviewed wording replaces the line here.
 * They are not in the lead's override table: a reworded SMS could drop the link or grow to
 * several segments unseen, and the message never shows on a screen where the lead could check it.
 */
export const OUTREACH_SURVEY_SMS: Readonly<Record<ParticipantLocale, string>> = {
  da: 'Tak for samtalen. Her er spørgeskemaet (virker i 7 dage):\n{url}',
  en: 'Thanks for talking to us. Your questionnaire (works for 7 days):\n{url}',
  // Ours, unreviewed.
  ar: 'شكراً على المكالمة. هذا هو الاستبيان (الرابط صالح 7 أيام):\n{url}',
  // Ours, unreviewed.
  tr: 'Görüşme için teşekkürler. Anket burada (7 gün geçerli):\n{url}',
  // Ours, unreviewed. Written without ’ so it stays in the GSM alphabet.
  so: "Mahadsanid. Waa kan su'aalaha (7 maalmood ayuu shaqeeyaa):\n{url}",
  // Ours, unreviewed.
  ur: 'بات چیت کا شکریہ۔ یہ رہا سوالنامہ (لنک 7 دن کام کرے گا):\n{url}',
  // Ours, unreviewed.
  fa: 'از گفت‌وگو سپاسگزاریم. این پرسشنامه است (لینک ۷ روز معتبر است):\n{url}',
  // Ours, unreviewed.
  pl: 'Dziękujemy za rozmowę. Oto ankieta (link działa 7 dni):\n{url}',
  // Ours, unreviewed.
  uk: 'Дякуємо за розмову. Ось опитування (посилання діє 7 днів):\n{url}',
};

/** The SMS language for a recorded preferred language: the same when the survey is offered in it, else Danish. */
export function outreachSurveySmsLocale(preferredLanguage: string | null | undefined): ParticipantLocale {
  return isParticipantLocale(preferredLanguage) ? preferredLanguage : 'da';
}

function format(elements: readonly MessageFormatElement[], values: Readonly<Record<string, string>>): string {
  let text = '';
  for (const element of elements) {
    if (element.type === TYPE.literal) text += element.value;
    else if (element.type === TYPE.argument) {
      const value = values[element.value];
      if (value === undefined) throw new Error(`SMS text needs a value for {${element.value}}`);
      text += value;
    } else throw new Error('SMS texts hold only text and {url}');
  }
  return text;
}

const parsed = new Map<ParticipantLocale, MessageFormatElement[]>();

/** The message with the link filled in, in the given language (Danish when none is given). */
export function outreachSurveySms(url: string, language: ParticipantLocale = 'da'): string {
  let elements = parsed.get(language);
  if (!elements) {
    elements = parse(OUTREACH_SURVEY_SMS[language], { ignoreTag: true });
    parsed.set(language, elements);
  }
  return format(elements, { url });
}

// GSM 03.38: the basic alphabet (one septet each) and the extension table (two: escape + char).
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENSION = new Set('^{}\\[~]|€\f');

export type SmsSize = { encoding: 'GSM-7' | 'UCS-2'; units: number; segments: number };

/**
 * How a text travels: in the GSM 7-bit alphabet when every character is in it (160 septets in
 * one segment, 153 a segment when split), otherwise as UCS-2 (70 UTF-16 units, 67 when split).
 * A provider bills per segment, and a person may get a split message in pieces.
 */
export function smsSize(text: string): SmsSize {
  let septets = 0;
  let gsm = true;
  for (const char of text) {
    if (GSM_BASIC.has(char)) septets += 1;
    else if (GSM_EXTENSION.has(char)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm) {
    return { encoding: 'GSM-7', units: septets, segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
  }
  const units = text.length;
  return { encoding: 'UCS-2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}

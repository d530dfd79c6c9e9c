/**
 * The outreach survey page's own sentences in Polish, keyed as survey-texts.ts keys the
 * Danish source. The survey's questions are in the participant catalogue's pl table
 * (i18n/translations/pl-survey.ts). Translated for this system.
 */
export const surveyPl: Readonly<Record<string, string>> = {
  'survey.page.title': 'Ankieta o rozmowie',
  'survey.page.loading': 'Wczytywanie ankiety …',
  'survey.page.problem': 'Nie można otworzyć ankiety',
  'survey.page.noToken': 'W linku brakuje kodu. Skopiuj cały link z SMS-a.',
  'survey.page.expires': 'Link działa do {date}.',
  'survey.page.thanks': 'Dziękujemy! Twoje odpowiedzi zostały przyjęte.',
  'survey.page.followUpRecorded':
    'Kierownik projektu skontaktuje się z Tobą w sprawie krótkiego wywiadu w wybrany przez Ciebie sposób.',
  'survey.page.followUpNotSaved':
    'Twoje odpowiedzi zostały przyjęte, ale nie udało się zapisać Twoich danych kontaktowych. Jeśli chcesz wziąć udział w wywiadzie, zadzwoń do nas.',
  'survey.page.close': 'Możesz teraz zamknąć stronę.',
  'survey.fieldError.INVALID_PHONE':
    'Numer telefonu jest nieprawidłowy. Wpisz 8 cyfr albo numer zagraniczny z kodem kraju (np. +46).',
  'survey.fieldError.INVALID_EMAIL': 'Adres e-mail jest nieprawidłowy. Wpisz go w postaci nazwa@przyklad.pl.',
  'survey.link.INVALID_LINK':
    'Ten link nie działa. Mógł zostać zmieniony lub jest niepełny. Skopiuj cały link z SMS-a.',
  'survey.link.LINK_EXPIRED': 'Link wygasł i nie można już wypełnić ankiety. Dziękujemy za zainteresowanie.',
  'survey.link.LINK_USED': 'Ankieta została już wysłana przez ten link. Dziękujemy za odpowiedzi.',
};

import { defineCatalogue } from '../catalogue.ts';

/** Texts of the questionnaire renderer itself; the questions come from the domain definitions. */
export const questionnaireMessages = defineCatalogue({
  da: {
    'questionnaire.required': 'skal besvares',
    'questionnaire.optional': 'valgfrit',
    'questionnaire.submit': 'Send svar',
    'questionnaire.submitting': 'Sender …',
    'questionnaire.fixFields': 'Nogle svar skal rettes. Se beskederne ved spørgsmålene.',
    'questionnaire.whoSees': 'Hvem kan se dine svar?',
    'questionnaire.clearChoice': 'Fjern svar',
    'questionnaire.page': 'Side {page} af {pages}',
    'questionnaire.next': 'Næste',
    'questionnaire.back': 'Tilbage',
    'questionnaire.summaryHeading': 'Der er et problem',
  },
  en: {
    'questionnaire.required': 'required',
    'questionnaire.optional': 'optional',
    'questionnaire.submit': 'Send answers',
    'questionnaire.submitting': 'Sending …',
    'questionnaire.fixFields': 'Some answers need correcting. See the messages at the questions.',
    'questionnaire.whoSees': 'Who can see your answers?',
    'questionnaire.clearChoice': 'Clear answer',
    'questionnaire.page': 'Page {page} of {pages}',
    'questionnaire.next': 'Next',
    'questionnaire.back': 'Back',
    'questionnaire.summaryHeading': 'There is a problem',
  },
});

/**
 * The outreach survey page's own sentences in Ukrainian, keyed as survey-texts.ts keys the
 * Danish source. The survey's questions are in the participant catalogue's uk table
 * (i18n/translations/uk-survey.ts). Translated for this system.
 */
export const surveyUk: Readonly<Record<string, string>> = {
  'survey.page.title': 'Опитування про дзвінок',
  'survey.page.loading': 'Завантаження опитування …',
  'survey.page.problem': 'Не вдається відкрити опитування',
  'survey.page.noToken': 'У посиланні бракує коду. Скопіюйте повне посилання з SMS.',
  'survey.page.expires': 'Посилання діє до {date}.',
  'survey.page.thanks': 'Дякуємо! Ваші відповіді отримано.',
  'survey.page.followUpRecorded':
    'Керівник проєкту зв’яжеться з вами щодо короткого інтерв’ю у спосіб, який ви обрали.',
  'survey.page.followUpNotSaved':
    'Ваші відповіді отримано, але ваші контактні дані не вдалося зберегти. Якщо ви хочете взяти участь в інтерв’ю, зателефонуйте нам.',
  'survey.page.close': 'Тепер ви можете закрити сторінку.',
  'survey.fieldError.INVALID_PHONE':
    'Номер телефону недійсний. Введіть 8 цифр або іноземний номер із кодом країни (наприклад, +46).',
  'survey.fieldError.INVALID_EMAIL':
    'Адреса електронної пошти недійсна. Введіть її у форматі name@example.com.',
  'survey.link.INVALID_LINK':
    'Це посилання не працює. Можливо, його змінено або воно неповне. Скопіюйте повне посилання з SMS.',
  'survey.link.LINK_EXPIRED':
    'Термін дії посилання минув, і відповісти на опитування вже неможливо. Дякуємо за інтерес.',
  'survey.link.LINK_USED': 'Опитування вже надіслано за цим посиланням. Дякуємо за ваші відповіді.',
};

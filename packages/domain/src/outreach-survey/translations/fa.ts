/**
 * The outreach survey page's own sentences in Farsi (Persian), right to left, keyed as survey-texts.ts keys the
 * Danish source. The survey's questions are in the participant catalogue's fa table
 * (i18n/translations/fa-survey.ts). Translated for this system.
 */
export const surveyFa: Readonly<Record<string, string>> = {
  'survey.page.title': 'پرسشنامه درباره تماس',
  'survey.page.loading': 'در حال بارگذاری پرسشنامه …',
  'survey.page.problem': 'پرسشنامه باز نمی‌شود',
  'survey.page.noToken': 'کد این پیوند وجود ندارد. کل پیوند را از پیامک خود کپی کنید.',
  'survey.page.expires': 'این پیوند تا {date} کار می‌کند.',
  'survey.page.thanks': 'متشکریم! پاسخ‌های شما دریافت شد.',
  'survey.page.followUpRecorded':
    'مدیر پروژه برای یک مصاحبه کوتاه از راهی که انتخاب کردید با شما تماس می‌گیرد.',
  'survey.page.followUpNotSaved':
    'پاسخ‌های شما دریافت شد، اما اطلاعات تماس شما ذخیره نشد. اگر مایل به مصاحبه هستید، لطفاً با ما تماس بگیرید.',
  'survey.page.close': 'اکنون می‌توانید صفحه را ببندید.',
  'survey.fieldError.INVALID_PHONE':
    'شماره تلفن معتبر نیست. 8 رقم بنویسید، یا یک شماره خارجی با کد کشور (مثلاً ‎+46).',
  'survey.fieldError.INVALID_EMAIL': 'نشانی ایمیل معتبر نیست. آن را به این شکل بنویسید: name@example.com',
  'survey.link.INVALID_LINK':
    'این پیوند کار نمی‌کند. ممکن است تغییر کرده یا ناقص باشد. کل پیوند را از پیامک خود کپی کنید.',
  'survey.link.LINK_EXPIRED':
    'این پیوند منقضی شده است و دیگر نمی‌توان به پرسشنامه پاسخ داد. از علاقه شما متشکریم.',
  'survey.link.LINK_USED': 'پرسشنامه قبلاً با این پیوند ارسال شده است. از پاسخ‌های شما متشکریم.',
};

/**
 * The outreach survey page's own sentences in Urdu, right to left, keyed as survey-texts.ts keys the
 * Danish source. The survey's questions are in the participant catalogue's ur table
 * (i18n/translations/ur-survey.ts). Translated for this system.
 */
export const surveyUr: Readonly<Record<string, string>> = {
  'survey.page.title': 'کال کے بارے میں سوالنامہ',
  'survey.page.loading': 'سوالنامہ لوڈ ہو رہا ہے …',
  'survey.page.problem': 'سوالنامہ نہیں کھل سکتا',
  'survey.page.noToken': 'لنک میں اس کا کوڈ موجود نہیں۔ اپنے ٹیکسٹ میسج سے پورا لنک کاپی کریں۔',
  'survey.page.expires': 'یہ لنک {date} تک کام کرتا ہے۔',
  'survey.page.thanks': 'شکریہ! آپ کے جوابات موصول ہو گئے ہیں۔',
  'survey.page.followUpRecorded':
    'پروجیکٹ لیڈ ایک مختصر انٹرویو کے لیے آپ کے منتخب کردہ طریقے سے آپ سے رابطہ کریں گے۔',
  'survey.page.followUpNotSaved':
    'آپ کے جوابات موصول ہو گئے ہیں، لیکن آپ کی رابطے کی معلومات محفوظ نہیں ہو سکیں۔ اگر آپ انٹرویو دینا چاہتے ہیں تو براہ کرم ہمیں فون کریں۔',
  'survey.page.close': 'اب آپ صفحہ بند کر سکتے ہیں۔',
  'survey.fieldError.INVALID_PHONE':
    'فون نمبر درست نہیں ہے۔ 8 ہندسے لکھیں، یا ملک کے کوڈ کے ساتھ غیر ملکی نمبر لکھیں (مثلاً ‎+46)۔',
  'survey.fieldError.INVALID_EMAIL': 'ای میل ایڈریس درست نہیں ہے۔ اسے اس طرح لکھیں: name@example.com',
  'survey.link.INVALID_LINK':
    'یہ لنک کام نہیں کر رہا۔ ہو سکتا ہے یہ بدل گیا ہو یا ادھورا ہو۔ اپنے ٹیکسٹ میسج سے پورا لنک کاپی کریں۔',
  'survey.link.LINK_EXPIRED':
    'اس لنک کی میعاد ختم ہو چکی ہے اور اب سوالنامے کا جواب نہیں دیا جا سکتا۔ آپ کی دلچسپی کا شکریہ۔',
  'survey.link.LINK_USED': 'اس لنک سے سوالنامہ پہلے ہی بھیجا جا چکا ہے۔ آپ کے جوابات کا شکریہ۔',
};

/**
 * The outreach survey page's own sentences in Arabic (Modern Standard Arabic), right to left,
 * keyed as survey-texts.ts keys the Danish source. The survey's questions are in the participant
 * catalogue's Arabic table (i18n/translations/ar-survey.ts). Translated for this system.
 */

export const surveyAr: Readonly<Record<string, string>> = {
  'survey.page.title': 'استبيان حول المكالمة',
  'survey.page.loading': 'جارٍ تحميل الاستبيان …',
  'survey.page.problem': 'لا يمكن فتح الاستبيان',
  'survey.page.noToken': 'الرابط ينقصه الرمز الخاص به. انسخ الرابط كاملاً من رسالتك النصية.',
  'survey.page.expires': 'يعمل الرابط حتى {date}.',
  'survey.page.thanks': 'شكراً لك! لقد تم استلام إجاباتك.',
  'survey.page.followUpRecorded': 'سيتواصل معك مدير المشروع بشأن مقابلة قصيرة بالطريقة التي اخترتها.',
  'survey.page.followUpNotSaved':
    'تم استلام إجاباتك، لكن تعذّر حفظ بيانات التواصل الخاصة بك. يُرجى الاتصال بنا إذا كنت ترغب في إجراء مقابلة.',
  'survey.page.close': 'يمكنك إغلاق الصفحة الآن.',
  'survey.fieldError.INVALID_PHONE':
    'رقم الهاتف غير صالح. اكتب 8 أرقام، أو رقماً أجنبياً مع رمز البلد (مثلاً ‎+46).',
  'survey.fieldError.INVALID_EMAIL': 'عنوان البريد الإلكتروني غير صالح. اكتبه هكذا: name@example.com.',
  'survey.link.INVALID_LINK':
    'هذا الرابط لا يعمل. ربما تم تغييره أو أنه غير مكتمل. انسخ الرابط كاملاً من رسالتك النصية.',
  'survey.link.LINK_EXPIRED':
    'انتهت صلاحية هذا الرابط، ولم يعد بالإمكان الإجابة على الاستبيان. شكراً لاهتمامك.',
  'survey.link.LINK_USED': 'تم إرسال الاستبيان بالفعل بهذا الرابط. شكراً على إجاباتك.',
};

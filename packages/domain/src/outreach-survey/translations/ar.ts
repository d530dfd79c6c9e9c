/**
 * The outreach user survey in Arabic (Modern Standard Arabic), right to left, keyed as
 * survey-texts.ts keys the Danish source. Translated for this system from the Danish (with the
 * English beside it); not a validated instrument. "Offerrådgivningen" is rendered as a
 * description (مركز استشارات الضحايا), as the person may not know the Danish name.
 */

const YES_NO: Readonly<Record<string, string>> = { YES: 'نعم', NO: 'لا', DONT_KNOW: 'لا أعرف' };

const AGREEMENT: Readonly<Record<string, string>> = {
  STRONGLY_AGREE: 'أوافق تماماً',
  AGREE: 'أوافق إلى حد كبير',
  NEITHER: 'لا أوافق ولا أعارض',
  DISAGREE: 'لا أوافق إلى حد كبير',
  STRONGLY_DISAGREE: 'لا أوافق إطلاقاً',
  DONT_KNOW: 'لا أعرف',
};

const RATING: Readonly<Record<string, string>> = {
  VERY_POSITIVE: 'إيجابي جداً',
  POSITIVE: 'إيجابي',
  NEITHER: 'لا إيجابي ولا سلبي',
  NEGATIVE: 'سلبي',
  VERY_NEGATIVE: 'سلبي جداً',
};

/** One scale's answers under an item's option keys (the codes are the source's). */
function options(itemId: string, scale: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(scale).map(([code, text]) => [`survey.option.${itemId}.${code}`, text]),
  );
}

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

  'survey.title': 'كيف كانت المكالمة؟',
  'survey.intro':
    'اتصلنا بك مؤخراً لنعرض عليك خدمة استشارات الضحايا. نود أن نعرف كيف كانت تجربتك مع المكالمة حتى نتمكن من تحسينها. يستغرق ذلك حوالي 5 دقائق. يمكنك تخطي أي سؤال.',
  'survey.privacyNotice':
    'تُحفظ إجاباتك تحت رمز عشوائي، وليس مع اسمك أو رقم هاتفك أو المكالمة. لا يستطيع الموظف الذي اتصل بك ولا الشرطة ولا أي شخص آخر رؤية ما أجبت به.',
  'survey.closing': 'شكراً على إجاباتك. يمكنك دائماً التواصل مع مركز استشارات الضحايا إذا احتجت إلى ذلك لاحقاً.',

  'survey.section.call.title': 'المكالمة',
  'survey.item.knew_service_before.label': 'هل كنت تعرف مركز استشارات الضحايا قبل أن نتصل بك؟',
  ...options('knew_service_before', YES_NO),
  'survey.item.new_information.label':
    'هل حصلت على معلومات جديدة عن إمكانيات الاستشارة لم تكن تعرفها قبل أن نتصل بك؟',
  ...options('new_information', YES_NO),
  'survey.item.useful_information.label': 'قدّم لي الموظف معلومات مفيدة عن مركز استشارات الضحايا',
  ...options('useful_information', AGREEMENT),
  'survey.item.explained_for_my_situation.label':
    'استطاع الموظف أن يشرح لي ما يمكن أن تعنيه استشارات الضحايا بالنسبة لي ولوضعي',
  ...options('explained_for_my_situation', AGREEMENT),
  'survey.item.showed_empathy.label': 'أظهر الموظف التعاطف والمواساة',
  ...options('showed_empathy', AGREEMENT),
  'survey.item.understood_my_situation.label': 'كان لدى الموظف تفهّم لوضعي',
  ...options('understood_my_situation', AGREEMENT),
  'survey.item.glad_to_be_called.label': 'أنا سعيد لأنهم اتصلوا بي',
  ...options('glad_to_be_called', AGREEMENT),
  'survey.item.call_rating.label': 'كيف تقيّم المكالمة بشكل عام؟',
  ...options('call_rating', RATING),
  'survey.item.everyone_should_be_called.label':
    'يجب أن يتلقى جميع الضحايا والشهود والأقارب مكالمة تعرض عليهم استشارات الضحايا',
  ...options('everyone_should_be_called', AGREEMENT),

  'survey.section.offer.title': 'العرض',
  'survey.item.offer_relevant.label': 'كان عرض استشارات الضحايا مناسباً لي',
  ...options('offer_relevant', AGREEMENT),
  'survey.item.considered_calling_self.label':
    'هل كنت قد فكرت في التواصل مع مركز استشارات الضحايا بنفسك قبل أن نتصل بك؟',
  ...options('considered_calling_self', YES_NO),
  'survey.item.new_thoughts_about_incident.label': 'هل أعطتك المكالمة أفكاراً جديدة حول ما تعرضت له؟',
  ...options('new_thoughts_about_incident', YES_NO),
  'survey.item.may_contact_later.label': 'هل تفكر في التواصل مع مركز استشارات الضحايا في وقت لاحق؟',
  ...options('may_contact_later', YES_NO),

  'survey.section.helped.title': 'ما الذي ساعد، وما الذي كان ينقص؟',
  'survey.item.what_helped.label': 'ما الذي ساعدك في المكالمة؟',
  'survey.item.what_helped.help': 'يمكنك اختيار أكثر من إجابة.',
  'survey.option.what_helped.INFORMATION': 'الحصول على معلومات عن استشارات الضحايا',
  'survey.option.what_helped.REACTIONS_EXPLAINED': 'السماع عن ردود الفعل التي قد تحدث بعد حادث عنيف',
  'survey.option.what_helped.KNOWING_WHERE_TO_TURN': 'معرفة الجهة التي يمكنني التوجه إليها لاحقاً',
  'survey.option.what_helped.SOMEONE_LISTENED': 'أن أحداً استمع إليّ',
  'survey.option.what_helped.COUNSELLOR_CALL': 'أن مستشاراً للضحايا اتصل بي مرة أخرى',
  'survey.option.what_helped.OTHER': 'شيء آخر',
  'survey.option.what_helped.NOTHING': 'لا شيء مما سبق',
  'survey.item.what_helped_other.label': 'يُرجى كتابة ما ساعدك أيضاً',
  'survey.item.what_was_missing.label': 'هل كان هناك شيء تفتقده؟',
  'survey.item.what_was_missing.help': 'يمكنك اختيار أكثر من إجابة.',
  'survey.option.what_was_missing.SPECIALISED_HELP': 'عرض أكثر تخصصاً',
  'survey.option.what_was_missing.MY_LANGUAGE': 'التحدث مع شخص بلغتي',
  'survey.option.what_was_missing.WRITTEN_INFORMATION': 'معلومات مكتوبة بعد ذلك',
  'survey.option.what_was_missing.BETTER_TIMING': 'أن يتصلوا بي في وقت آخر',
  'survey.option.what_was_missing.MORE_TIME': 'المزيد من الوقت في المكالمة',
  'survey.option.what_was_missing.OTHER': 'شيء آخر',
  'survey.option.what_was_missing.NOTHING': 'لم ينقصني شيء',
  'survey.item.what_was_missing_other.label': 'يُرجى كتابة ما كنت تفتقده',

  'survey.section.follow_up.title': 'مقابلة قصيرة بعد ذلك؟',
  'survey.section.follow_up.intro':
    'نود التحدث مع بعض الأشخاص الذين يجيبون لمعرفة المزيد. إذا وافقت، فلن يحصل مدير المشروع إلا على طريقة التواصل التي تختارها – وليس على إجاباتك.',
  'survey.item.follow_up_interview.label': 'هل يمكننا التواصل معك لإجراء مقابلة قصيرة؟',
  'survey.option.follow_up_interview.PHONE': 'نعم، اتصلوا بي',
  'survey.option.follow_up_interview.EMAIL': 'نعم، راسلوني عبر البريد الإلكتروني',
  'survey.option.follow_up_interview.NONE': 'لا، شكراً',
  'survey.item.follow_up_phone.label': 'رقم هاتفك',
  'survey.item.follow_up_email.label': 'عنوان بريدك الإلكتروني',
};

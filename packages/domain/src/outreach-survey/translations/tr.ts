/**
 * The outreach survey page's own sentences in Turkish, keyed as survey-texts.ts keys the
 * Danish source. The survey's questions are in the participant catalogue's tr table
 * (i18n/translations/tr-survey.ts). Translated for this system.
 */
export const surveyTr: Readonly<Record<string, string>> = {
  'survey.page.title': 'Görüşme hakkında anket',
  'survey.page.loading': 'Anket yükleniyor …',
  'survey.page.problem': 'Anket açılamıyor',
  'survey.page.noToken': 'Bağlantıda kodu eksik. Kısa mesajınızdaki bağlantının tamamını kopyalayın.',
  'survey.page.expires': 'Bağlantı {date} tarihine kadar geçerlidir.',
  'survey.page.thanks': 'Teşekkürler! Yanıtlarınız alındı.',
  'survey.page.followUpRecorded':
    'Proje sorumlusu kısa bir görüşme için seçtiğiniz yoldan sizinle iletişime geçecek.',
  'survey.page.followUpNotSaved':
    'Yanıtlarınız alındı, ancak iletişim bilgileriniz kaydedilemedi. Görüşmeye katılmak isterseniz lütfen bizi arayın.',
  'survey.page.close': 'Sayfayı şimdi kapatabilirsiniz.',
  'survey.fieldError.INVALID_PHONE':
    'Telefon numarası geçerli değil. 8 rakam ya da ülke koduyla birlikte yabancı bir numara yazın (ör. +46).',
  'survey.fieldError.INVALID_EMAIL': 'E-posta adresi geçerli değil. ad@ornek.com şeklinde yazın.',
  'survey.link.INVALID_LINK':
    'Bu bağlantı çalışmıyor. Değiştirilmiş ya da eksik olabilir. Kısa mesajınızdaki bağlantının tamamını kopyalayın.',
  'survey.link.LINK_EXPIRED':
    'Bağlantının süresi doldu ve anket artık yanıtlanamaz. İlginiz için teşekkürler.',
  'survey.link.LINK_USED': 'Anket bu bağlantıyla zaten gönderildi. Yanıtlarınız için teşekkürler.',
};

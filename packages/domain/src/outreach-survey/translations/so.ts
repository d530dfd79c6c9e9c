/**
 * The outreach survey page's own sentences in Somali, keyed as survey-texts.ts keys the
 * Danish source. The survey's questions are in the participant catalogue's so table
 * (i18n/translations/so-survey.ts). Translated for this system.
 */
export const surveySo: Readonly<Record<string, string>> = {
  'survey.page.title': 'Xog-ururin ku saabsan wicitaanka',
  'survey.page.loading': 'Xog-ururinta ayaa la soo rarayaa …',
  'survey.page.problem': 'Xog-ururinta lama furi karo',
  'survey.page.noToken':
    'Linkiga waxaa ka maqan koodhkiisa. Ka koobbiyee linkiga oo dhan fariintaada qoraalka ah.',
  'survey.page.expires': 'Linkigu wuu shaqaynayaa ilaa {date}.',
  'survey.page.thanks': 'Mahadsanid! Jawaabahaaga waa la helay.',
  'survey.page.followUpRecorded':
    'Maamulaha mashruuca ayaa kula soo xiriiri doona wareysi gaaban, habka aad dooratay.',
  'survey.page.followUpNotSaved':
    'Jawaabahaaga waa la helay, laakiin xogta xiriirkaaga lama kaydin karin. Fadlan na soo wac haddii aad rabto in lagu wareysto.',
  'survey.page.close': 'Hadda waad xiri kartaa bogga.',
  'survey.fieldError.INVALID_PHONE':
    'Lambarka taleefanku sax ma aha. Qor 8 god, ama lambar dibadeed oo wata koodhka dalka (tusaale +46).',
  'survey.fieldError.INVALID_EMAIL': 'Ciwaanka iimaylku sax ma aha. U qor sidan: magac@tusaale.com.',
  'survey.link.INVALID_LINK':
    'Linkigani ma shaqaynayo. Waxaa laga yaabaa in la beddelay ama uu dhiman yahay. Ka koobbiyee linkiga oo dhan fariintaada qoraalka ah.',
  'survey.link.LINK_EXPIRED':
    'Linkigu wuu dhacay, xog-ururintana hadda lama buuxin karo. Waad ku mahadsan tahay xiisahaaga.',
  'survey.link.LINK_USED':
    'Xog-ururinta horay ayaa loogu diray linkigan. Waad ku mahadsan tahay jawaabahaaga.',
};

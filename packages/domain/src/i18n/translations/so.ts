import type { TranslationTable } from '../participant-catalogue.ts';

/**
 * Somali. Translated for this system from the Danish source (with the English beside it); not a
 * published version of Brief INSPIRE or Brief INSPIRE-O (see instrument-translations.ts). Names of
 * Danish services and education are kept in Danish.
 */
export const so: TranslationTable = {
  'page.title': 'Su’aalo-weydiin',
  'page.language': 'Luqadda',
  'participant.loading': 'Foomka waa la soo rarayaa …',
  'participant.noToken': 'Linkigu wuxuu ka maqan yahay koodhkiisa. Hoggaamiyaha kooxda ka codso link cusub.',
  'participant.thanks': 'Mahadsanid! Jawaabahaaga waa la helay.',
  'participant.thanksDetail': 'Hadda waad xiri kartaa bogga.',
  'participant.problem': 'Foomka lama furi karo',
  'questionnaire.required': 'waa qasab',
  'questionnaire.optional': 'ikhtiyaari',
  'questionnaire.submit': 'Dir jawaabaha',
  'questionnaire.submitting': 'Waa la dirayaa …',
  'questionnaire.fixFields': 'Jawaabaha qaarkood waa in la saxaa. Eeg fariimaha su’aalaha agtooda.',
  'questionnaire.whoSees': 'Yaa arki kara jawaabahaaga?',
  'questionnaire.clearChoice': 'Tirtir jawaabta',
  'questionnaire.page': 'Bogga {page} ee {pages}',
  'questionnaire.next': 'Xiga',
  'questionnaire.back': 'Dib u noqo',
  'questionnaire.summaryHeading': 'Dhibaato ayaa jirta',
  'questionnaire.problemCount':
    '{count, plural, one {Hal jawaab ayaa u baahan in la saxo} other {# jawaabood ayaa u baahan in la saxo}}',
  'link.INVALID_LINK':
    'Linkigan ma shaqaynayo. Waxaa laga yaabaa in la beddelay ama uu dhiman yahay. Hoggaamiyaha kooxda ka codso link cusub.',
  'link.LINK_EXPIRED': 'Linkigan wakhtigiisii wuu dhacay. Hoggaamiyaha kooxda ka codso link cusub.',
  'link.LINK_USED': 'Foomka horay ayaa loogu diray linkigan. Waad ku mahadsan tahay jawaabahaaga.',
  'link.ALREADY_SUBMITTED': 'Horay ayaad u buuxisay foomkan. Waad ku mahadsan tahay jawaabahaaga.',
  'error.network': 'Xiriir lalama laha server-ka. Mar kale isku day wax yar kadib.',
  'error.unexpected': 'Khalad aan la filayn ayaa dhacay. Mar kale isku day wax yar kadib.',
  'error.requestId': '(Aqoonsiga khaladka: {id})',
  'fieldError.REQUIRED': 'Goobtan waa in la buuxiyaa.',
  'fieldError.NOT_A_NUMBER': 'Qor tiro.',
  'fieldError.NOT_AN_INTEGER': 'Qor tiro dhan.',
  'fieldError.OUT_OF_RANGE': 'Qiimuhu waa inuu u dhexeeyaa {min} iyo {max}.',
  'fieldError.TOO_LONG': 'Qoraalku waa inuusan ka badnaan {maxLength} xaraf.',
  'fieldError.EXCLUSIVE_OPTION': 'Jawaabta “{option}” lama raacin karo jawaabo kale.',
  'form.BASELINE.title': 'Foomka xogta bilowga',
  'form.BASELINE.intro':
    'Waad ku mahadsan tahay ka qaybgalkaaga. Jawaabahaagu waxay naga caawinayaan inaan siino caawimaad sax ah dadka la kulmay ama la kulma rabshad xiriirradooda dhow.',
  'form.privacyNotice':
    'Ma arki karaan jawaabahaaga hoggaamiyayaasha kooxdaada, fududeeyayaasha kooxda, degmadaada, booliska iyo dhakhtarkaaga midkoodna.',
  'section.BASELINE.about_you.title': 'Adiga ku saabsan',
  'item.gender.label': 'Waa maxay jinsigaagu?',
  'option.gender.MAN': 'Nin',
  'option.gender.WOMAN': 'Naag',
  'option.gender.OTHER': 'Kale',
  'item.age.label': 'Immisa jir baad tahay?',
  'item.age.help': 'Qor da’daada sanado dhan.',
  'item.income_basis.label': 'Waa maxay ilaha ugu weyn ee dakhligaaga?',
  'item.income_basis.help':
    'Haddii qaybo badan ay ku habboon yihiin xaaladdaada, dooro midka aad u aragto inuu ugu habboon yahay.',
  'option.income_basis.EMPLOYED': 'Shaqo caadi ah (tusaale shaqaale mushahar qaata, shaqo gaar ah)',
  'option.income_basis.STUDENT_OR_APPRENTICE':
    'Deeqda waxbarashada (SU) ama tababarte/arday mushahar ku qaata waxbarashada',
  'option.income_basis.UNEMPLOYMENT_BENEFIT': 'Gunnada shaqo la’aanta (dagpenge)',
  'option.income_basis.SICKNESS_BENEFIT': 'Gunnada jirrada (sygedagpenge)',
  'option.income_basis.SOCIAL_ASSISTANCE':
    'Kaalmada lacageed (kontanthjælp), kaalmada waxbarashada ama gunnada is-dhexgalka',
  'option.income_basis.FLEX_JOB': 'Shaqo dabacsan (fleksjob)',
  'option.income_basis.DISABILITY_PENSION': 'Hawlgab hore oo naafanimo (førtidspension)',
  'option.income_basis.RETIRED': 'Hawlgab hore ama hawlgabka da’da',
  'option.income_basis.RESOURCE_OR_REHABILITATION': 'Barnaamij kheyraad ama dib-u-tababar',
  'option.income_basis.SUPPORTED_BY_FAMILY':
    'Waxaa i masruufa lammaanahayga/qoyskayga (tusaale hooyo ama aabbe guriga jooga)',
  'option.income_basis.OTHER': 'Kale',
  'item.education.label': 'Waa maxay waxbarashada ugu sarraysa ee aad dhammaysatay?',
  'option.education.NONE': 'Waxbarasho ma lihi',
  'option.education.SCHOOL_1_6': 'Dugsi caadi ah, fasalka 1-6',
  'option.education.SCHOOL_7_10': 'Dugsi caadi ah, fasalka 7-10',
  'option.education.UPPER_SECONDARY': 'Dugsi sare (STX, HF, HHX, HTX)',
  'option.education.VOCATIONAL':
    'Waxbarasho xirfadeed (tusaale timo-jare, koronto-yaqaan, beeraley, xafiis, SOSU)',
  'option.education.SHORT_HIGHER':
    'Waxbarasho sare oo gaaban (tusaale farsamo-yaqaan dhismo, farsamo-yaqaan shaybaar, kabtan markab, askari booliis)',
  'option.education.MEDIUM_HIGHER':
    'Waxbarasho sare oo dhexe (tusaale kalkaaliso, macallin, injineer, bachelor)',
  'option.education.LONG_HIGHER':
    'Waxbarasho sare oo dheer (tusaale dhakhtar, qareen, macallin dugsi sare, injineer master)',
  'option.education.PHD': 'Waxbarasho cilmi-baaris (tusaale PhD)',
  'option.education.OTHER': 'Kale',
  'item.children.label': 'Adiga ama dad kale oo qoyskaaga ah miyey leeyihiin carruur?',
  'item.children.help': 'Waxaad calaamadin kartaa jawaabo badan.',
  'option.children.OWN_AT_HOME': 'Waxaan leeyahay carruur guriga la deggan',
  'option.children.OWN_NOT_AT_HOME': 'Waxaan leeyahay carruur aan guriga la deggenayn',
  'option.children.OTHERS_AT_HOME': 'Qof kale oo qoyskayga ah ayaa leh carruur guriga la deggan',
  'option.children.OTHERS_NOT_AT_HOME': 'Qof kale oo qoyskayga ah ayaa leh carruur aan guriga la deggenayn',
  'option.children.NONE': 'Qofna qoyskayga kama laha carruur',
  'item.children_ages.label': 'Immisa jir ayuu yahay ilmaha/carruurtu?',
  'item.children_ages.help': 'Waxaad calaamadin kartaa jawaabo badan.',
  'option.children_ages.CHILD_0_2': '0-2 sano',
  'option.children_ages.CHILD_3_5': '3-5 sano',
  'option.children_ages.CHILD_6_9': '6-9 sano',
  'option.children_ages.CHILD_10_13': '10-13 sano',
  'option.children_ages.CHILD_14_17': '14-17 sano',
  'option.children_ages.CHILD_18_PLUS': '18 sano ama ka weyn',
  'section.inspire_o.title': 'Su’aalaha xiga waxay ku saabsan yihiin sida aad hadda u nooshahay',
  'section.inspire_o.intro': 'Weedh kasta u dooro hal jawaab.',
  'item.inspire_o_1.label': 'Waxaan dareemayaa in dad kale ay i taageeraan',
  'likert.NOT_AT_ALL': 'Haba yaraatee',
  'likert.A_LITTLE': 'Wax yar',
  'likert.SOMEWHAT': 'Xoogaa',
  'likert.QUITE_A_LOT': 'Si fiican',
  'likert.VERY_MUCH': 'Aad iyo aad',
  'item.inspire_o_2.label': 'Waxaan leeyahay rajo iyo riyooyin mustaqbalka ah',
  'item.inspire_o_3.label': 'Naftayda waan ku faraxsanahay',
  'item.inspire_o_4.label': 'Waxaan sameeyaa waxyaabo macno ii leh',
  'item.inspire_o_5.label': 'Waxaan dareemayaa inaan gacanta ku hayo noloshayda',
  'section.inspire.title':
    'Su’aalaha xiga waxay ku saabsan yihiin ilaa intee aad dareemayso in hoggaamiyayaasha/fududeeyayaasha kooxdaadu ay ku taageeraan',
  'section.inspire.intro': 'Weedh kasta u dooro hal jawaab.',
  'item.inspire_1.label':
    'Hoggaamiyayaasha kooxdaydu waxay iga caawiyaan inaan dareemo in dad kale ay i taageeraan',
  'item.inspire_2.label':
    'Hoggaamiyayaasha kooxdaydu waxay iga caawiyaan inaan yeesho rajo iyo riyooyin mustaqbalka ah',
  'item.inspire_3.label': 'Hoggaamiyayaasha kooxdaydu waxay iga caawiyaan inaan naftayda ku faraxsanaado',
  'item.inspire_4.label':
    'Hoggaamiyayaasha kooxdaydu waxay iga caawiyaan inaan sameeyo waxyaabo macno ii leh',
  'item.inspire_5.label':
    'Hoggaamiyayaasha kooxdaydu waxay iga caawiyaan inaan dareemo inaan gacanta ku hayo noloshayda',
  'section.violence.title': 'Waayo-aragnimada rabshadda',
  'section.violence.intro':
    'Su’aalaha xiga waxay ku saabsan yihiin waayo-aragnimadaada rabshadda ee xiriirrada dhow. “Rabshad” waxaan uga jeednaa dhammaan noocyada rabshadda (tusaale daba-galid ama rabshad jireed, nafsi, galmo, hanti, dijitaal ama dhaqaale). “Xiriirro dhow” waxaan uga jeednaa dadka aad xiriir dhow la leedahay ama la lahayd (tusaale dadka qoyskaaga, gurigaaga ama lammaane hore ama hadda).',
  'item.violence_frequency.label':
    'Noocee rabshad ah ayaad kala kulantay xiriirka sababay inaad ka qaybgasho barnaamijka kooxda? Nooc kasta, calaamadi qiyaas ahaan inta jeer ee ay dhacday',
  'row.violence_frequency.PHYSICAL': 'Rabshad jireed',
  'row.violence_frequency.PHYSICAL.example': 'tusaale riixid, laad ama garaacid',
  'row.violence_frequency.PSYCHOLOGICAL': 'Rabshad nafsi ah',
  'row.violence_frequency.PSYCHOLOGICAL.example': 'tusaale khiyaano, xakamayn ama hanjabaad',
  'row.violence_frequency.SEXUAL': 'Rabshad galmo',
  'row.violence_frequency.SEXUAL.example':
    'tusaale hadal galmo oo aan la doonayn, taabasho qarsoodi ah ama galmo',
  'row.violence_frequency.MATERIAL': 'Rabshad hanti (burburin)',
  'row.violence_frequency.MATERIAL.example': 'tusaale in la burburiyo waxyaabo muhiim kuu ah',
  'row.violence_frequency.ECONOMIC': 'Rabshad dhaqaale',
  'row.violence_frequency.ECONOMIC.example': 'tusaale in lagu qasbo inaad deyn qaadato ama wax bixiso',
  'row.violence_frequency.DIGITAL': 'Rabshad dijitaal ah',
  'row.violence_frequency.DIGITAL.example':
    'tusaale gelitaanka taleefankaaga, kombiyuutarkaaga ama goobtaada GPS adigoon oggolaan',
  'row.violence_frequency.STALKING': 'Daba-galid (stalking)',
  'row.violence_frequency.STALKING.example': 'tusaale ilaalin aan la doonayn ama xiriir soo noqnoqda',
  'row.violence_frequency.HONOUR_RELATED': 'Rabshad la xiriirta sharafta',
  'row.violence_frequency.HONOUR_RELATED.example':
    'tusaale xakamayn bulsho, in qoyska lagaa takooro ama cadaadis la mid ah oo qoysku qorsheeyay ama aqbalay',
  'row.violence_frequency.OTHER': 'Rabshad kale',
  'row.violence_frequency.OTHER.example': 'adigu qor',
  'option.violence_frequency.NEVER': 'Weligeed',
  'option.violence_frequency.ONCE': 'Hal mar',
  'option.violence_frequency.LESS_THAN_MONTHLY': 'Ka yar hal mar bishii',
  'option.violence_frequency.MONTHLY_OR_MORE': 'Hal mar ama ka badan bishii',
  'option.violence_frequency.WEEKLY_OR_MORE': 'Hal mar ama ka badan toddobaadkii',
  'option.violence_frequency.DAILY': 'Maalin kasta',
  'option.violence_frequency.UNSURE': 'Ma hubo',
  'item.violence_other.label': 'Rabshad kale: sharax waxay ahayd',
  'item.violence_duration.label':
    'Muddo intee le’eg ayay rabshaddu ka jirtay xiriirka sababay inaad ka qaybgasho barnaamijka kooxda?',
  'option.violence_duration.MAX_6_MONTHS': 'Ugu badnaan 6 bilood',
  'option.violence_duration.MAX_1_YEAR': 'Ugu badnaan 1 sano',
  'option.violence_duration.MAX_2_YEARS': 'Ugu badnaan 2 sano',
  'option.violence_duration.MAX_3_YEARS': 'Ugu badnaan 3 sano',
  'option.violence_duration.MAX_4_YEARS': 'Ugu badnaan 4 sano',
  'option.violence_duration.MAX_5_YEARS': 'Ugu badnaan 5 sano',
  'option.violence_duration.MAX_6_YEARS': 'Ugu badnaan 6 sano',
  'option.violence_duration.MAX_7_YEARS': 'Ugu badnaan 7 sano',
  'option.violence_duration.MAX_8_YEARS': 'Ugu badnaan 8 sano',
  'option.violence_duration.MAX_9_YEARS': 'Ugu badnaan 9 sano',
  'option.violence_duration.MAX_10_YEARS': 'Ugu badnaan 10 sano',
  'option.violence_duration.MORE_THAN_10_YEARS': 'In ka badan 10 sano',
  'item.still_present.label':
    'Weli ma jirtaa rabshad xiriirka sababay inaad ka qaybgasho barnaamijka kooxda?',
  'option.still_present.STOPPED': 'Maya, rabshaddu way joogsatay',
  'option.still_present.YES_STILL': 'Haa, weli rabshad ayaa jirta',
  'option.still_present.LEFT_RELATION':
    'Hadda kuma jiro xiriirka sababay inaan ka qaybgalo barnaamijka kooxda',
  'item.earlier_violence.label': 'Horay ma u la kulantay rabshad ama ma u aragtay rabshad?',
  'item.earlier_violence.help': 'Waxaad calaamadin kartaa jawaabo badan.',
  'option.earlier_violence.CHILDHOOD_HOME': 'Haa, gurigii aan ku koray',
  'option.earlier_violence.EARLIER_PARTNER': 'Haa, xiriirro lammaane oo hore',
  'option.earlier_violence.OTHER_CLOSE_RELATION':
    'Haa, xiriirro kale oo dhow (tusaale dadka qoyskaaga, gurigaaga ama dad kale oo aad xiriir dhow la leedahay ama la lahayd)',
  'option.earlier_violence.OTHER_CONTEXT': 'Haa, xaalado kale',
  'option.earlier_violence.UNSURE': 'Ma hubo',
  'option.earlier_violence.NO': 'Maya',
  'option.earlier_violence.PREFER_NOT_TO_SAY': 'Ma doonayo inaan ka jawaabo',
  'item.earlier_help.label': 'Horay ma u heshay caawimaad ku saabsan rabshadda xiriirrada dhow?',
  'option.earlier_help.SHELTER': 'Haa, horay ayaan u deganaa xarun gabbaad (krisecenter)',
  'option.earlier_help.COUNSELLING':
    'Haa, horay ayaan u helay la-talin (tusaale caawimaad cilmi-nafsi ama daaweyn koox)',
  'option.earlier_help.NO': 'Maya',
  'option.earlier_help.DONT_KNOW': 'Ma garanayo',
  'section.comment.title': 'Faallooyin',
  'item.BASELINE.comment.label':
    'Haddii aad faallooyin ka qabto jawaabahaaga, bilowga barnaamijka kooxda ama wax kale oo ay tahay inaan ogaanno, halkan ku qor.',
  'form.END.title': 'Foomka dhammaadka',
  'form.END.intro':
    'Waad ku mahadsan tahay ka qaybgalkaaga. Jawaabahaagu waxay naga caawinayaan inaan siino caawimaad sax ah dadka la nool rabshad xiriirradooda dhow.',
  'form.END.closing':
    'Kani wuxuu ahaa su’aalo-weydiintii ugu dambaysay ee barnaamijka kooxda. Aad baad ugu mahadsan tahay jawaabahaaga.',
  'section.END.about_you.title': 'Adiga iyo barnaamijka',
  'item.sessions_attended.label': 'Immisa kulan kooxeed ayaad ka qaybgashay?',
  'item.sessions_attended.help': 'Tirada kulammada kooxda, 1 ilaa 10.',
  'section.course.title':
    'Su’aalaha xiga waxay ku saabsan yihiin waayo-aragnimadaada barnaamijka kooxda iyo ka qaybgalayaasha kale',
  'section.course.intro': 'Weedh kasta u dooro hal jawaab.',
  'item.course_1.label':
    'Waxaan dareemayaa inaan wax badan la wadaago ka qaybgalayaasha kale. Tusaale ahaan, waxaan naftayda ku arki karaa waayo-aragnimada rabshadda ee ay kuwa kale wadaageen',
  'item.course_2.label':
    'Waxaan dareemayaa in ka qaybgalayaasha kale ay fahmayaan waayo-aragnimada aan la kulmay ee rabshadda',
  'item.course_3.label':
    'Barnaamijka kooxda wuxuu i siiyay aqoon faa’iido leh oo ku saabsan waxa rabshaddu tahay (tusaale noocyada rabshadda, dhaqdhaqaaqeeda, qaababkeeda iyo cawaaqibkeeda)',
  'item.course_4.label':
    'Barnaamijka kooxda wuxuu iga caawiyay inaan gartay baaxadda rabshadda aan la kulmay ama aan la kulmo',
  'item.course_5.label':
    'Barnaamijka kooxda wuxuu iga caawiyay inaan fahmo qaababka aan uga falceliyo rabshadda aan la kulmay ama aan la kulmo',
  'item.course_6.label': 'Waxaan dareemayaa inaan barnaamijka ka helay wixii aan doonayay',
  'item.course_7.label':
    'Waxay i caawisay inaan waayo-aragnimadayda ku arko waayo-aragnimada ka qaybgalayaasha kale',
  'item.course_8.label': 'Kalsooni weyn ayaa ka dhexaysay ka qaybgalayaasha kooxda',
  'item.course_9.label':
    'Barnaamijka kooxda wuxuu iga caawiyay inaan xoojiyo shabakaddayda bulsho ee kooxda ka baxsan',
  'item.course_10.label':
    'Waxaan u malaynayaa inay ii faa’iido lahaan lahayd inaan sii wado la kulanka xubnaha kooxda',
  'item.course_11.label': 'Guud ahaan, barnaamijka kooxda wuu i caawiyay',
  'option.still_present.YES_BETTER': 'Haa, weli rabshad ayaa jirta, laakiin xaaladdu way ka wanaagsan tahay',
  'option.still_present.YES_SAME': 'Haa, weli rabshad la mid ah tii hore ayaa jirta',
  'option.still_present.YES_WORSE':
    'Haa, weli rabshad ayaa jirta, xaaladduna way ka xun tahay sidii ay ahayd barnaamijka kooxda ka hor',
  'section.helped_on.title': 'Caawimaad dheeraad ah',
  'item.helped_on.label': 'Ma lagugu caawiyay inaad hesho adeegyo kale oo ku habboon?',
  'option.helped_on.YES': 'Haa, waa la i caawiyay',
  'option.helped_on.NOT_NEEDED': 'Maya, looma baahnayn adeegyo ama barnaamijyo kale',
  'option.helped_on.NOT_HELPED_THOUGH_NEEDED': 'Maya, lama i caawin inkastoo aan u baahnaa',
  'item.helped_on_to.label': 'Adeeggee ama barnaamijkee ayaa lagugu caawiyay?',
  'item.helped_on_to.help': 'Waxaad calaamadin kartaa jawaabo badan.',
  'option.helped_on_to.MUNICIPAL_OFFER': 'Adeeg degmo',
  'option.helped_on_to.SUPPORT_CONTACT_PERSON': 'Qof taageero iyo xiriir (støtte-kontaktperson)',
  'option.helped_on_to.SHELTER': 'Xarun gabbaad (krisecenter)',
  'option.helped_on_to.UD_AF_VOLDENS_SKYGGE': 'Ud af Voldens Skygge',
  'option.helped_on_to.DIALOG_MOD_VOLD': 'Dialog mod Vold',
  'option.helped_on_to.SIG_DET_TIL_NOGEN': 'Sig det til Nogen',
  'option.helped_on_to.OWN_GP': 'Dhakhtarkayga qoyska',
  'option.helped_on_to.PSYCHIATRY': 'Adeegga cudurrada maskaxda',
  'option.helped_on_to.QNET': 'Qnet',
  'option.helped_on_to.Q_VAERK': 'Q-Værk',
  'option.helped_on_to.OTHER': 'Adeeg ama barnaamij kale oo aan kuwa kor ku xusan ahayn',
  'item.END.comment.label':
    'Haddii aad faallooyin ka qabto jawaabahaaga ama barnaamijka kooxda oo ay tahay inaan ogaanno, halkan ku qor.',
};

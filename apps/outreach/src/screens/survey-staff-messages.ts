import { defineCatalogue } from '@vi/ui';

/** The outreach user survey in the staff app: the link after a call, and the lead's follow-up interviews. */
export const surveyStaffMessages = defineCatalogue({
  da: {
    'link.heading': 'Link til brugerundersøgelsen',
    'link.smsSent': 'Linket er sendt som sms til personens telefon.',
    'link.smsNotSent':
      'Linket er ikke sendt som sms: ingen sms-udbyder er sat op, personen har intet gyldigt mobilnummer, eller udbyderen tog ikke imod beskeden. Opkaldet er gemt. Læs linket op, så personen kan skrive det af.',
    'link.once':
      'Linket vises kun her og nu og gemmes ikke. Det virker til og med {date} og kan bruges én gang.',
    'link.address': 'Linket',
    'link.copy': 'Kopiér linket',
    'link.copied': 'Linket er kopieret.',
    'link.copyFailed': 'Linket kunne ikke kopieres. Markér det, og kopiér det selv.',
    'link.readAloud': 'Koden i linket i grupper á fire tegn, til at læse op (store og små bogstaver tæller):',
    'link.notTakenNext':
      'Næste person er ikke hentet, så linket ikke forsvinder. Tag næste fra køen, når linket er givet videre.',
    'followUps.heading': 'Opfølgende interviews (brugerundersøgelsen)',
    'followUps.intro':
      'Personer, der i brugerundersøgelsen sagde ja til et kort interview. Du ser kun den kontaktmåde, de valgte – ikke deres svar. Kontakten slettes, når du markerer opgaven som udført.',
    'followUps.none': 'Ingen åbne opgaver.',
    'followUps.channel': 'Kontaktmåde',
    'followUps.contact': 'Kontakt',
    'followUps.createdOn': 'Sagde ja',
    'followUps.PHONE': 'Telefon',
    'followUps.EMAIL': 'E-mail',
    'followUps.markDone': 'Markér som udført',
    'followUps.markDoneFor': 'Markér som udført: {channel} {contact}',
    'followUps.done': 'Opgaven er markeret som udført, og kontakten er slettet.',
    'followUps.loading': 'Henter opgaver …',
  },
  en: {
    'link.heading': 'Link to the user survey',
    'link.smsSent': 'The link was sent by text message to the person’s phone.',
    'link.smsNotSent':
      'The link was not sent by text message: no SMS provider is configured, the person has no valid mobile number, or the provider did not accept the message. The call is saved. Read the link out so the person can write it down.',
    'link.once':
      'The link is shown only here and now and is not stored. It works until {date} and can be used once.',
    'link.address': 'The link',
    'link.copy': 'Copy the link',
    'link.copied': 'The link has been copied.',
    'link.copyFailed': 'The link could not be copied. Select it and copy it yourself.',
    'link.readAloud':
      'The code in the link in groups of four characters, to read out (upper and lower case matter):',
    'link.notTakenNext':
      'The next person was not fetched, so that the link does not disappear. Take the next from the queue once the link has been passed on.',
    'followUps.heading': 'Follow-up interviews (user survey)',
    'followUps.intro':
      'People who said yes to a short interview in the user survey. You see only the way of contacting them they chose – not their answers. The contact is erased when you mark the task done.',
    'followUps.none': 'No open tasks.',
    'followUps.channel': 'Channel',
    'followUps.contact': 'Contact',
    'followUps.createdOn': 'Said yes',
    'followUps.PHONE': 'Phone',
    'followUps.EMAIL': 'E-mail',
    'followUps.markDone': 'Mark as done',
    'followUps.markDoneFor': 'Mark as done: {channel} {contact}',
    'followUps.done': 'The task is marked as done and the contact has been erased.',
    'followUps.loading': 'Loading tasks …',
  },
});

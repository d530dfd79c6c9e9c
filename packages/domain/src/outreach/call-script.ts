import type { Label } from '../labels.ts';

/**
 * The default call script (DOMAIN 2.1, step 2): what victim counselling is, how it can
 * help this person, and the offer of a volunteer counsellor's call-back. The lead can
 * replace it with the organisation's own (Organization.callScript).
 */
export const DEFAULT_CALL_SCRIPT: Label = {
  da: [
    'Præsenter dig med dit fornavn og sig, at du ringer fra Offerrådgivningen. Bekræft først, at du taler med den rigtige person, og spørg om det er et godt tidspunkt at tale.',
    'Fortæl kort hvorfor du ringer: politiet har givet os besked, fordi personen har været involveret i en hændelse. Nævn ikke detaljer, før du ved, at personen kan tale frit.',
    'Forklar hvad offerrådgivning er: et gratis og fortroligt tilbud, hvor en frivillig offerrådgiver lytter, giver råd og vejledning og hjælper med at bearbejde det, man har oplevet. Vi er uafhængige af politiet.',
    'Fortæl hvordan det kan hjælpe: mange får det bedre af at tale om hændelsen, af at vide hvad der sker i sagen, og af at få svar på praktiske spørgsmål (erstatning, retssag, reaktioner efter chok).',
    'Tilbyd at en offerrådgiver ringer personen op. Spørg udtrykkeligt, om vi må give navn og telefonnummer videre til en offerrådgiver, og registrér svaret.',
    'Hvis personen siger nej tak: respekter det, nævn at personen altid selv kan ringe til os, og spørg gerne hvorfor, så vi kan blive bedre.',
    'Tilbyd brugerundersøgelsen, hvis det er etisk forsvarligt, og afslut samtalen venligt.',
  ].join('\n\n'),
  en: [
    'Introduce yourself by first name and say you are calling from Victim Support. First confirm you are speaking to the right person and ask whether it is a good time to talk.',
    'Say briefly why you are calling: the police let us know because the person was involved in an incident. Give no details until you know the person can speak freely.',
    'Explain what victim counselling is: a free and confidential service where a volunteer counsellor listens, gives advice and guidance and helps work through what happened. We are independent of the police.',
    'Explain how it can help: many feel better for talking about the incident, for knowing what happens in the case, and for answers to practical questions (compensation, trial, reactions after shock).',
    'Offer a call-back from a counsellor. Ask explicitly whether we may pass their name and phone number to a counsellor, and record the answer.',
    'If the person declines: respect it, mention they can always call us themselves, and ask why if they are willing, so we can improve.',
    'Offer the user survey where it is ethically sound, and end the call kindly.',
  ].join('\n\n'),
};

/**
 * What to do when someone else answers or the person signals they cannot talk (DOMAIN
 * 2.1, safety and consent). The organisation can replace it (Organization.safeContactGuidance).
 */
export const DEFAULT_SAFE_CONTACT_GUIDANCE: Label = {
  da: [
    'Afslut samtalen roligt uden at nævne, hvorfor du ringer, hvem du ringer fra, eller hvad sagen handler om.',
    'Læg aldrig en besked på telefonsvarer eller sms, der nævner formålet. Sig højst, at du ringer igen.',
    'Hvis personen selv svarer, men ikke kan tale: spørg kun med ja/nej-spørgsmål, om du må ringe på et andet tidspunkt.',
    'Registrér kun "ikke sikkert at tale" – ingen note og ingen grund. Næste forsøg tidligst dagen efter, på et andet tidspunkt af dagen.',
  ].join('\n\n'),
  en: [
    'End the call calmly without saying why you are calling, who you are calling from, or what the matter is.',
    'Never leave a voicemail or text that names the purpose. At most say you will call again.',
    'If the person answers but cannot talk: ask only yes/no questions about whether you may call at another time.',
    'Record only "not safe to talk" – no note and no reason. Next attempt the next day at the earliest, at another time of day.',
  ].join('\n\n'),
};

export const MAX_CALL_SCRIPT_LENGTH = 10_000;

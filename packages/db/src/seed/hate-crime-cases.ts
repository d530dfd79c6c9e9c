// Two years of hate-crime aftercare at the victim-counselling service (DOMAIN 2.3), at demo scale:
// the Copenhagen hate-crime pre-study ("Orientering om undersøgelse af evt. efterværn til ofre for
// hadforbrydelser", Als Research 2025) expects 50-100 victims a year at the start; the demo has
// 30 cases a year, of whom 10-15 get a track started: enough for the evaluation's figures to clear
// the disclosure threshold.
//
// Every row is one the gateway could have written (apps/gateway/src/hate-crime): an entry point,
// a needs assessment with the survey's categories, the offer the domain decides from it, referrals
// with consent to the tracks offered (only the fields a track may receive, the motive only where
// trackMayKeepMotive allows it), statuses in the order HATE_CRIME_REFERRAL_STATUSES allows with
// dates that never run backwards or past today, legal tasks closed with an outcome that fits the
// task, sessions counted, and a closed referral's hand-over text erased once its retention passed
// (as the hourly retention job does). Group places are not made: the centre's first group is the
// demo course that starts in three weeks (hate-crime.ts), so psychologists give individual
// sessions until then, and a recent referral asking only for a group waits for it.
import {
  AGE_GROUPS,
  decideHateCrimeOffer,
  type HateCrimeNeedAnswerCode,
  type HateCrimeNeedsAnswers,
  type HateCrimeOffer,
  type HateCrimeReferralStatusCode,
  type HateCrimeTrackCode,
  handOverEraseAfter,
  type LegalTaskKindCode,
  type LegalTaskOutcomeCode,
  trackMayKeepMotive,
} from '@vi/domain';
import type { Prisma } from '../generated/prisma/client.ts';
import type { HateCrimeEntryPoint, HateCrimeMotive } from '../generated/prisma/enums.ts';
import { addDays, daysBetween } from './calendar.ts';
import { PseudonymIssuer, syntheticFirstName, syntheticPhone } from './people.ts';
import { recordKeyOf, type SeededRandom } from './random.ts';

/** Cases over the two years. */
export const CASES = 60;
/** Of those, opened in the last eight days. */
const RECENT_CASES = 3;
/** The model started this many days ago (two years). */
const MODEL_DAYS = 730;

/**
 * How the cases came in. The pre-study names the police's hate-crime unit and Offerrådgivningen
 * as the entries ("Politiet vil ofte også henvise ofre til Offerrådgivningen"); the call entry
 * needs an outreach case of a hate-crime call where the person wanted contact, and none of the
 * demo's hate-crime calls ended so (they were declined, unreached or without contact details),
 * so the cases came through the police, the person or others (shares ours, as the bench's). The
 * browser test starts one from a call.
 */
const ENTRY_WEIGHTS = { POLICE_HATE_CRIME_UNIT: 60, SELF: 30, OTHER: 10 } as const;
const OTHER_ENTRY_TEXTS = ['Henvist af egen læge', 'Henvist af en forening', 'Henvist af skolen'];

/** The survey's needs (217 answers): individual psychologist 58 %, legal/financial 37 %, group 32 %. */
const NEED_SHARE = { INDIVIDUAL_PSYCHOLOGIST: 0.58, LEGAL_FINANCIAL: 0.37, GROUP: 0.32 } as const;
/** A quarter "certainly" and a third "maybe" overall: of those with a need, about 40 % certainly. */
const CERTAINLY_SHARE_OF_NEED = 0.4;
/** Consent to a track offered (ours): a firm need is referred more often than a "maybe". */
const CONSENT_SHARE = { CERTAINLY: 0.92, MAYBE: 0.75 } as const;

/** What became of a referral (ours, as the bench's: the pre-study has no figures on it). */
const RESULT_WEIGHTS = { COMPLETED: 55, STARTED: 15, NO_CONTACT: 14, WITHDRAWN: 10, DECLINED_BY_RECEIVER: 6 };
/** Outcomes of closed claims and of the other legal tasks (ours, as the bench's). */
const CLAIM_OUTCOMES = {
  GRANTED: 40,
  REFUSED: 20,
  HELP_GIVEN: 15,
  HANDED_ON: 10,
  STOPPED_BY_PERSON: 10,
  NO_CONTACT: 5,
};
const OTHER_OUTCOMES = { HELP_GIVEN: 60, HANDED_ON: 20, STOPPED_BY_PERSON: 12, NO_CONTACT: 8 };
/**
 * The motive where the sender knows it (ours; racist motives first, the largest heading of the
 * police's yearly hate-crime reports). The call entries carry their incident's motive instead.
 */
const MOTIVE_WEIGHTS: Record<HateCrimeMotive, number> = {
  RACE_ETHNICITY: 50,
  RELIGION: 20,
  SEXUAL_ORIENTATION: 15,
  GENDER_IDENTITY: 5,
  DISABILITY: 4,
  POLITICAL_VIEWS: 3,
  OTHER: 3,
};
/** The receiving organisations' retention of a closed referral's hand-over (the default, 90 days). */
const HAND_OVER_RETENTION_DAYS = 90;
const CONTACT_TIMES = ['Hverdage efter kl. 16', 'Formiddag', 'Ring fra skjult nummer'];
const LANGUAGES = ['arabisk', 'engelsk', 'somali', 'tyrkisk'];

export interface HateCrimeCasesInput {
  random: SeededRandom;
  now: Date;
  today: Date;
  senderOrganizationId: string;
  legalOrganizationId: string;
  psychologicalOrganizationId: string;
  /** The sender's outreach workers and counsellor: who register, assess and refer. */
  senderUserIds: readonly string[];
  adviserId: string;
  psychologistId: string;
  /** The demo's outreach persons: their pseudonyms are taken in the sending organisation. */
  outreachPersons: readonly Prisma.PersonCreateManyInput[];
}

type Day = Date;
type ReferralRow = Prisma.HateCrimeReferralCreateManyInput & { organizationId: string };

export interface HateCrimeCaseRows {
  persons: Prisma.PersonCreateManyInput[];
  contacts: (Prisma.PersonContactCreateManyInput & { organizationId: string })[];
  cases: (Prisma.HateCrimeAftercareCaseCreateManyInput & { organizationId: string })[];
  needs: Prisma.HateCrimeNeedsAssessmentCreateManyInput[];
  referrals: ReferralRow[];
  legalTasks: Prisma.HateCrimeLegalTaskCreateManyInput[];
  support: Prisma.HateCrimePsychologicalSupportCreateManyInput[];
}

const iso = (day: Day) => day.toISOString().slice(0, 10);
const latest = (days: Day[]) => days.reduce((a, b) => (a.getTime() >= b.getTime() ? a : b));
const isClosed = (status: HateCrimeReferralStatusCode) =>
  ['COMPLETED', 'DECLINED_BY_RECEIVER', 'NO_CONTACT', 'WITHDRAWN'].includes(status);

export function buildHateCrimeCases(input: HateCrimeCasesInput): HateCrimeCaseRows {
  const { random, now, today, senderOrganizationId: sender } = input;
  const rows: HateCrimeCaseRows = {
    persons: [],
    contacts: [],
    cases: [],
    needs: [],
    referrals: [],
    legalTasks: [],
    support: [],
  };
  /** Not after today (the seed's today is the UTC day, never after the Danish one). */
  const past = (day: Day) => day.getTime() <= today.getTime();
  /** A moment on the day, during working hours, never after now. */
  const at = (day: Day, hour: number) => {
    const moment = new Date(day.getTime() + hour * 3_600_000);
    return moment.getTime() <= now.getTime() ? moment : now;
  };
  // Pseudonyms are unique within the organisation: the outreach persons' are taken.
  const taken = new Set(
    input.outreachPersons.filter((p) => p.organizationId === sender).map((p) => p.pseudonym),
  );
  const pseudonyms = new PseudonymIssuer(random);
  const pseudonym = () => {
    for (;;) {
      const next = pseudonyms.next();
      if (!taken.has(next)) return next;
    }
  };
  const answer = (share: number): HateCrimeNeedAnswerCode => {
    const draw = random.next();
    return draw < share * CERTAINLY_SHARE_OF_NEED ? 'CERTAINLY' : draw < share ? 'MAYBE' : 'NO';
  };

  /** One case from its entry to its referrals' ends. */
  const addCase = (entry: {
    entryPoint: Exclude<HateCrimeEntryPoint, 'OUTREACH_CALL'>;
    openedOn: Day;
    motive: HateCrimeMotive | null;
  }) => {
    const staff = random.pick(input.senderUserIds);
    // Registered with an alias and a phone number, as startHateCrimeAftercare does.
    const personId = random.uuid();
    rows.persons.push({
      id: personId,
      recordKey: recordKeyOf(personId),
      organizationId: sender,
      pseudonym: pseudonym(),
      createdAt: at(entry.openedOn, 9),
    });
    rows.contacts.push({
      personId,
      organizationId: sender,
      alias: syntheticFirstName(random, null),
      phone: syntheticPhone(random),
      createdAt: at(entry.openedOn, 9),
    });
    const caseId = random.uuid();
    const caseRow: HateCrimeCaseRows['cases'][number] = {
      id: caseId,
      organizationId: sender,
      personId,
      entryPoint: entry.entryPoint,
      outreachCaseId: null,
      otherEntryText: entry.entryPoint === 'OTHER' ? random.pick(OTHER_ENTRY_TEXTS) : null,
      openedOn: entry.openedOn,
      closedOn: null,
      createdById: staff,
      createdAt: at(entry.openedOn, 9),
    };
    rows.cases.push(caseRow);

    const assessedOn = addDays(entry.openedOn, random.int(0, 7));
    if (!past(assessedOn)) return;
    const answers: HateCrimeNeedsAnswers = {
      INDIVIDUAL_PSYCHOLOGIST: answer(NEED_SHARE.INDIVIDUAL_PSYCHOLOGIST),
      LEGAL_FINANCIAL: answer(NEED_SHARE.LEGAL_FINANCIAL),
      GROUP: answer(NEED_SHARE.GROUP),
    };
    rows.needs.push({
      id: random.uuid(),
      organizationId: sender,
      caseId,
      assessedOn,
      assessedById: staff,
      needIndividualPsychologist: answers.INDIVIDUAL_PSYCHOLOGIST,
      needLegalFinancial: answers.LEGAL_FINANCIAL,
      needGroup: answers.GROUP,
      createdAt: at(assessedOn, 10),
    });
    const offer = decideHateCrimeOffer(answers);
    const ends: Day[] = [assessedOn];
    let allClosed = true;
    for (const trackOffer of offer.tracks) {
      if (!random.chance(CONSENT_SHARE[trackOffer.firmness])) continue;
      const sentOn = addDays(assessedOn, random.int(0, 3));
      if (!past(sentOn)) {
        allClosed = false;
        continue;
      }
      const referral = addReferral({ caseId, staff, sentOn, trackOffer, motive: entry.motive });
      if (isClosed(referral.status as HateCrimeReferralStatusCode))
        ends.push(referral.statusChangedOn as Day);
      else allClosed = false;
    }
    // The sender closes the case once its referrals are closed (closeHateCrimeCase refuses before).
    const closedOn = addDays(latest(ends), random.int(1, 21));
    if (allClosed && past(closedOn) && random.chance(0.85)) caseRow.closedOn = closedOn;
  };

  const addReferral = (args: {
    caseId: string;
    staff: string;
    sentOn: Day;
    trackOffer: HateCrimeOffer['tracks'][number];
    motive: HateCrimeMotive | null;
  }): ReferralRow => {
    const { trackOffer, sentOn } = args;
    const track: HateCrimeTrackCode = trackOffer.track;
    const legal = track === 'LEGAL_FINANCIAL';
    const id = random.uuid();
    const receiver = legal ? input.legalOrganizationId : input.psychologicalOrganizationId;
    const handler = legal ? input.adviserId : input.psychologistId;
    const kinds: LegalTaskKindCode[] = [];
    if (legal) {
      if (random.chance(0.6)) kinds.push('COMPENSATION_CLAIM');
      if (random.chance(0.3)) kinds.push('LOST_EARNINGS');
      if (random.chance(0.45)) kinds.push('REPORT_AND_CRIMINAL_CASE');
      if (random.chance(0.35) || kinds.length === 0) kinds.push('AUTHORITY_CONTACT');
    }
    const reported = legal ? random.chance(0.8) : null;
    // The motive only where the track may keep it (domain motives.ts), and only when known.
    const motive = trackMayKeepMotive(track, kinds) ? args.motive : null;
    const groupOnly = !legal && !trackOffer.forms.includes('INDIVIDUAL_SESSIONS');

    // The statuses in the order the receiver could set them, each on a day not before the one
    // before; what lies after today has not happened yet.
    const result = random.weighted(RESULT_WEIGHTS);
    const acceptedOn = addDays(sentOn, random.int(1, 6));
    const startedOn = addDays(acceptedOn, random.int(1, 28));
    const events: Array<[HateCrimeReferralStatusCode, Day]> = [];
    if (result === 'DECLINED_BY_RECEIVER') events.push(['DECLINED_BY_RECEIVER', acceptedOn]);
    else events.push(['ACCEPTED', acceptedOn]);
    if (result === 'NO_CONTACT') events.push(['NO_CONTACT', addDays(acceptedOn, random.int(14, 30))]);
    const withdrawnAfterStart = result === 'WITHDRAWN' && random.chance(0.5);
    if (result === 'WITHDRAWN' && !withdrawnAfterStart)
      events.push(['WITHDRAWN', addDays(acceptedOn, random.int(0, 10))]);
    // A recent referral asking only for a group waits, accepted, for the group that starts soon.
    const waitsForGroup = groupOnly && daysBetween(sentOn, today) <= 30;
    const works = (result === 'COMPLETED' || result === 'STARTED' || withdrawnAfterStart) && !waitsForGroup;
    const withdrawnOn = withdrawnAfterStart ? addDays(startedOn, random.int(7, 60)) : null;
    let workEnds: Day | null = null;
    if (works && past(startedOn)) {
      events.push(['STARTED', startedOn]);
      /** The day work stops: the withdrawal if it has happened, else today (still running). */
      const stop = withdrawnOn && past(withdrawnOn) ? withdrawnOn : today;
      workEnds = legal
        ? addLegalTasks(
            id,
            receiver,
            handler,
            kinds,
            startedOn,
            stop,
            withdrawnOn !== null && past(withdrawnOn),
            result === 'STARTED',
          )
        : addSessions(id, receiver, handler, startedOn, stop);
      if (withdrawnOn) events.push(['WITHDRAWN', withdrawnOn]);
      else if (result === 'COMPLETED' && workEnds)
        events.push(['COMPLETED', addDays(workEnds, random.int(1, 14))]);
    }
    const happened = events.filter(([, day]) => past(day));
    const [status, changedOn] = happened.at(-1) ?? ['SENT', sentOn];
    const closed = isClosed(status);
    // The hand-over's contact text goes at the start of the Danish day `retention` days after the
    // closing day; the retention job has erased it where that moment has passed.
    const eraseAfter = closed ? handOverEraseAfter(iso(changedOn), HAND_OVER_RETENTION_DAYS) : null;
    const erased = eraseAfter !== null && eraseAfter.getTime() <= now.getTime();
    const contact = (value: string | null) => (erased ? null : value);
    const row: ReferralRow = {
      id,
      organizationId: receiver,
      senderOrganizationId: sender,
      caseId: args.caseId,
      track,
      status,
      sentOn,
      statusChangedOn: changedOn,
      startedOn: happened.some(([s]) => s === 'STARTED') ? startedOn : null,
      consentGivenAt: at(sentOn, 9),
      consentRecordedById: args.staff,
      sentById: args.staff,
      handlerId: happened.some(([s]) => s === 'ACCEPTED') ? handler : null,
      alias: contact(syntheticFirstName(random, null)),
      phone: contact(syntheticPhone(random)),
      contactTimes: contact(random.chance(0.5) ? random.pick(CONTACT_TIMES) : null),
      preferredLanguage: contact(random.chance(0.25) ? random.pick(LANGUAGES) : null),
      interpreterNeeded: random.chance(0.6) ? random.chance(0.15) : null,
      needFirmness: trackOffer.firmness,
      incidentDate: legal ? addDays(sentOn, -random.int(5, 60)) : null,
      policeReportFiled: reported,
      policeJournalNumber:
        legal && reported
          ? contact(
              `0100-${random.int(70000, 79999)}-${String(random.int(1, 99999)).padStart(5, '0')}-${String(sentOn.getUTCFullYear()).slice(2)}`,
            )
          : null,
      legalTaskKinds: kinds,
      psychologicalForms: legal ? [] : trackOffer.forms,
      ageGroup: legal ? null : random.pick(AGE_GROUPS.filter((g) => g.code !== 'UNDER_18')).code,
      hateMotive: motive,
      eraseAfter: erased ? null : eraseAfter,
      createdAt: at(sentOn, 10),
    };
    rows.referrals.push(row);
    return row;
  };

  /**
   * One task per kind asked for: the first opened on the day support started (opening a task
   * starts the referral), the others in the days after; each closed 2-17 weeks later with an
   * outcome that fits it, or still open. A withdrawal stops what is open. Returns the last
   * closing day once every task is closed, else null (work goes on).
   */
  const addLegalTasks = (
    referralId: string,
    organizationId: string,
    adviser: string,
    kinds: readonly LegalTaskKindCode[],
    startedOn: Day,
    stop: Day,
    withdrawn: boolean,
    stillRunning: boolean,
  ): Day | null => {
    const closings: Day[] = [startedOn];
    let open = false;
    kinds.forEach((kind, index) => {
      const openedOn = index === 0 ? startedOn : addDays(startedOn, random.int(0, 10));
      if (openedOn.getTime() > stop.getTime()) return;
      // A support still running keeps its last task open for long (a claim or a criminal case can
      // take a year or more); the others close within 2-17 weeks.
      const long = stillRunning && index === kinds.length - 1;
      const closesOn = addDays(openedOn, long ? random.int(120, 540) : random.int(14, 120));
      const claim = kind === 'COMPENSATION_CLAIM' || kind === 'LOST_EARNINGS';
      let outcome: LegalTaskOutcomeCode | null = random.weighted(claim ? CLAIM_OUTCOMES : OTHER_OUTCOMES);
      let closedOn: Day | null = closesOn;
      if (closesOn.getTime() > stop.getTime()) {
        // Not closed before work stopped: the person stopped it, or it is still being worked.
        closedOn = withdrawn ? stop : null;
        outcome = withdrawn ? 'STOPPED_BY_PERSON' : null;
      }
      if (closedOn) closings.push(closedOn);
      else open = true;
      rows.legalTasks.push({
        id: random.uuid(),
        organizationId,
        referralId,
        kind,
        status: closedOn ? 'CLOSED' : daysBetween(openedOn, today) >= 7 ? 'IN_PROGRESS' : 'OPENED',
        openedOn,
        closedOn,
        outcome,
        openedById: adviser,
        createdAt: at(openedOn, 11),
      });
    });
    return open ? null : latest(closings);
  };

  /** Individual sessions, about weekly from the start, as the psychologist counts them. Returns the last. */
  const addSessions = (
    referralId: string,
    organizationId: string,
    psychologist: string,
    startedOn: Day,
    stop: Day,
  ): Day => {
    const planned = random.chance(0.08) ? 0 : random.int(2, 12);
    const possible = Math.floor(daysBetween(startedOn, stop) / 7) + 1;
    const sessionsHeld = Math.min(planned, possible);
    const lastSessionOn = sessionsHeld > 0 ? addDays(startedOn, 7 * (sessionsHeld - 1)) : startedOn;
    rows.support.push({
      id: random.uuid(),
      organizationId,
      referralId,
      form: 'INDIVIDUAL_SESSIONS',
      sessionsHeld,
      lastSessionOn,
      startedOn,
      enrolmentId: null,
      closedOn: null,
      createdById: psychologist,
      createdAt: at(startedOn, 12),
    });
    return lastSessionOn;
  };

  // The cases, spread over the model's two years; the first few opened in the last days, so the
  // receivers have new referrals to accept and the sender open cases to refer.
  for (let n = 0; n < CASES; n++) {
    const entryPoint = random.weighted(ENTRY_WEIGHTS);
    // The police pass the motive on with the case; a person coming by themselves mostly tells it.
    const known = entryPoint === 'POLICE_HATE_CRIME_UNIT' || random.chance(0.8);
    addCase({
      entryPoint,
      openedOn: addDays(today, -random.int(n < RECENT_CASES ? 1 : 2, n < RECENT_CASES ? 8 : MODEL_DAYS)),
      motive: known ? random.weighted(MOTIVE_WEIGHTS) : null,
    });
  }
  return rows;
}

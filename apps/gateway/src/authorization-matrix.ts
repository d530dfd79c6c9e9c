import type { Role } from '@vi/db';

/**
 * The authorisation matrix (issue 9, item 7): who may use every query and
 * mutation of schema.graphql, and who may read every field of the types that
 * hold a person's data. It is written out by hand as the intended rules, NOT
 * derived from the scopes in the resolvers: authorization-matrix.test.ts runs
 * every operation as every role, anonymously and as a member of another
 * organisation against a real database and fails where the gateway and this
 * table disagree, or where schema.graphql has an operation or a person-level
 * field that is not here. Changing an entry is a security decision; say why
 * in its note.
 *
 * Roles are always roles in the caller's ACTIVE organisation (a session has
 * one; `switchOrganization` changes it). Holding a role in another
 * organisation gives nothing here.
 */

export const ROLES = [
  'OUTREACH_WORKER',
  'COUNSELLOR',
  'INTAKE_COORDINATOR',
  'RISK_ASSESSOR',
  'GROUP_LEADER',
  'PROJECT_LEAD',
  'SHELTER_STAFF',
  'LEGAL_FINANCIAL_ADVISER',
  'PSYCHOLOGIST',
  'ADMIN',
  'EVALUATOR',
] as const satisfies readonly Role[];

/**
 * - `ANYONE`: no login needed (anonymous callers too).
 * - `ANY_MEMBER`: any logged-in user, whatever their roles.
 * - a list: logged-in users holding one of these roles in the active organisation.
 */
export type Who = 'ANYONE' | 'ANY_MEMBER' | readonly Role[];

/**
 * Whose data the operation reaches:
 * - `ACTIVE_ORGANIZATION`: only records of the caller's active organisation.
 * - `GRANTED_ORGANIZATIONS`: aggregates over the organisations where the caller holds EVALUATOR.
 * - `OWN_ACCOUNT`: the caller's own session, account and memberships.
 * - `LINK_HOLDER`: the one participant form behind a one-time link (whoever holds the link).
 * - `NONE`: no organisation's data (login).
 */
export type Reach = 'ACTIVE_ORGANIZATION' | 'GRANTED_ORGANIZATIONS' | 'OWN_ACCOUNT' | 'LINK_HOLDER' | 'NONE';

/**
 * What a logged-in member of ANOTHER organisation (holding every role there)
 * gets when the operation is given this organisation's ids:
 * - `NOT_FOUND` / `FORBIDDEN` / `CONFLICT`: refused with that code, as if the id did not exist;
 * - `{ VALIDATION: fields }`: refused as a VALIDATION error naming these fields (the ids are unknown options);
 * - `OWN_ONLY`: it runs, on the caller's own organisation only (no id of ours in it, or ours are ignored);
 * - `ALLOWED`: it runs as for anyone else (participant forms: the one-time link is the key, not an account).
 * Except for `ALLOWED`, nothing of this organisation is changed and nothing of it is in the answer.
 */
export type OtherOrganization =
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | { VALIDATION: readonly string[] }
  | 'OWN_ONLY'
  | 'ALLOWED';

export interface OperationAccess {
  who: Who;
  reach: Reach;
  otherOrganization: OtherOrganization;
  /**
   * Only where `who` includes GROUP_LEADER and a leader may act only on the
   * courses they lead: what a group leader of the same organisation gets for
   * a course they do not lead.
   */
  groupLeaderOfOtherCourse?: 'NOT_FOUND' | 'OWN_ONLY';
  /** The role must also have two-step login on; an ADMIN without it gets SECOND_FACTOR_SETUP_REQUIRED. */
  secondFactor?: true;
  note: string;
}

// Role groups, spelled out once so the table stays readable. They repeat the
// intended rules (DOMAIN §1 and §2.2), deliberately not the resolvers' constants.
const CALLER = ['OUTREACH_WORKER'] as const;
const COUNSELLOR = ['COUNSELLOR'] as const;
const OUTREACH_LEAD = ['PROJECT_LEAD'] as const;
const IMPORTER = ['OUTREACH_WORKER', 'PROJECT_LEAD'] as const;
const OUTREACH_SETTINGS_READER = ['OUTREACH_WORKER', 'COUNSELLOR', 'PROJECT_LEAD', 'ADMIN'] as const;
const MANAGER = ['PROJECT_LEAD', 'ADMIN'] as const;
const PERSON_READER = [
  'OUTREACH_WORKER',
  'COUNSELLOR',
  'INTAKE_COORDINATOR',
  'RISK_ASSESSOR',
  'PROJECT_LEAD',
  'ADMIN',
] as const;
const OUTREACH_CASE_READER = ['OUTREACH_WORKER', 'COUNSELLOR', 'PROJECT_LEAD', 'ADMIN'] as const;
const INTAKE_WRITER = ['INTAKE_COORDINATOR', 'ADMIN'] as const;
const INTAKE_READER = ['INTAKE_COORDINATOR', 'RISK_ASSESSOR', 'PROJECT_LEAD', 'ADMIN'] as const;
const ASSESSOR = ['RISK_ASSESSOR', 'ADMIN'] as const;
const ENROLLER = ['INTAKE_COORDINATOR', 'PROJECT_LEAD', 'ADMIN'] as const;
const COURSE_READER = ['GROUP_LEADER', 'INTAKE_COORDINATOR', 'PROJECT_LEAD', 'ADMIN'] as const;
const COURSE_RUNNER = ['GROUP_LEADER', 'PROJECT_LEAD', 'ADMIN'] as const;
const EVALUATOR = ['EVALUATOR'] as const;
const USER_ADMIN = ['ADMIN'] as const;
const SHELTER_STAFF = ['SHELTER_STAFF'] as const;
/** Hate-crime aftercare: the sending organisation's outreach staff, and each track's role at the receiving one. */
const HATE_CRIME_SENDER = ['OUTREACH_WORKER', 'COUNSELLOR'] as const;
const ADVISER = ['LEGAL_FINANCIAL_ADVISER'] as const;
const PSYCHOLOGIST = ['PSYCHOLOGIST'] as const;
const HATE_CRIME_RECEIVER = ['LEGAL_FINANCIAL_ADVISER', 'PSYCHOLOGIST'] as const;

/** Every root field of schema.graphql, as `Query.name` / `Mutation.name`. */
export const OPERATIONS: Readonly<Record<string, OperationAccess>> = {
  // ── Accounts ────────────────────────────────────────────────────────────
  'Query.me': {
    who: 'ANYONE',
    reach: 'OWN_ACCOUNT',
    otherOrganization: 'OWN_ONLY',
    note: 'The apps ask it to decide whether to show the login form; null when anonymous.',
  },
  'Mutation.login': {
    who: 'ANYONE',
    reach: 'NONE',
    otherOrganization: 'OWN_ONLY',
    note: 'The way in. Throttled and audited (auth/login.ts).',
  },
  'Mutation.logout': {
    who: 'ANY_MEMBER',
    reach: 'OWN_ACCOUNT',
    otherOrganization: 'OWN_ONLY',
    note: 'Ends the caller’s own session.',
  },
  'Mutation.switchOrganization': {
    who: 'ANY_MEMBER',
    reach: 'OWN_ACCOUNT',
    otherOrganization: 'FORBIDDEN',
    note: 'Only to an organisation the caller is a member of.',
  },
  'Mutation.changePassword': {
    who: 'ANY_MEMBER',
    reach: 'OWN_ACCOUNT',
    otherOrganization: 'OWN_ONLY',
    note: 'The caller’s own password; the current one is checked under the login throttle.',
  },
  'Mutation.startTwoFactorEnrolment': {
    who: 'ANY_MEMBER',
    reach: 'OWN_ACCOUNT',
    otherOrganization: 'OWN_ONLY',
    note: 'Two-step login for oneself; the current password is checked.',
  },
  'Mutation.confirmTwoFactor': {
    who: 'ANY_MEMBER',
    reach: 'OWN_ACCOUNT',
    otherOrganization: 'OWN_ONLY',
    note: 'Turns one’s own two-step login on with a code.',
  },
  'Mutation.disableTwoFactor': {
    who: 'ANY_MEMBER',
    reach: 'OWN_ACCOUNT',
    otherOrganization: 'OWN_ONLY',
    note: 'Turns one’s own two-step login off with a code.',
  },

  // ── User management: the organisation's administrators, with two-step login ──
  'Query.organizationUsers': {
    who: USER_ADMIN,
    reach: 'ACTIVE_ORGANIZATION',
    secondFactor: true,
    otherOrganization: 'OWN_ONLY',
    note: 'Staff accounts of the active organisation and their roles there.',
  },
  'Mutation.createUser': {
    who: USER_ADMIN,
    reach: 'ACTIVE_ORGANIZATION',
    secondFactor: true,
    otherOrganization: 'OWN_ONLY',
    note: 'A new account with roles in the active organisation only.',
  },
  'Mutation.setUserRoles': {
    who: USER_ADMIN,
    reach: 'ACTIVE_ORGANIZATION',
    secondFactor: true,
    otherOrganization: 'NOT_FOUND',
    note: 'Roles in the active organisation; users of other organisations do not exist here.',
  },
  'Mutation.deactivateUser': {
    who: USER_ADMIN,
    reach: 'ACTIVE_ORGANIZATION',
    secondFactor: true,
    otherOrganization: 'NOT_FOUND',
    note: 'Ends all the user’s sessions; needs ADMIN in every organisation of the user.',
  },
  'Mutation.reactivateUser': {
    who: USER_ADMIN,
    reach: 'ACTIVE_ORGANIZATION',
    secondFactor: true,
    otherOrganization: 'NOT_FOUND',
    note: 'Needs ADMIN in every organisation of the user.',
  },
  'Mutation.resetUserPassword': {
    who: USER_ADMIN,
    reach: 'ACTIVE_ORGANIZATION',
    secondFactor: true,
    otherOrganization: 'NOT_FOUND',
    note: 'A temporary password shown once; needs ADMIN in every organisation of the user.',
  },
  'Mutation.resetUserTwoFactor': {
    who: USER_ADMIN,
    reach: 'ACTIVE_ORGANIZATION',
    secondFactor: true,
    otherOrganization: 'NOT_FOUND',
    note: 'For a lost phone; needs ADMIN in every organisation of the user.',
  },

  // ── Outreach (the Projekt Opsøgende Indsats evaluation): police list, call queue, referrals ─────────────
  'Query.callQueue': {
    who: CALLER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'Pseudonyms and incident facts of callable people; no contact details.',
  },
  'Mutation.claimNextCase': {
    who: CALLER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'Claims the next person of the caller’s own queue.',
  },
  'Mutation.claimCase': {
    who: CALLER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'CONFLICT',
    note: 'Another organisation’s case is "no longer in the queue", like any case that cannot be claimed.',
  },
  'Query.callCase': {
    who: CALLER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'Contact details, only for the worker holding an unexpired claim (others: CONFLICT).',
  },
  'Mutation.recordCallOutcome': {
    who: CALLER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'Only by the worker holding the claim (others: CONFLICT).',
  },
  'Mutation.saveOutreachReachAnswers': {
    who: CALLER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'Who we reach (issue 14): the outreach workers correct what a call told them, on any case of their organisation (no claim needed: the answers hold no contact details).',
  },
  'Mutation.releaseCase': {
    who: CALLER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'Releases only the caller’s own claim; answers false for any other case, ours or not.',
  },
  'Query.waitingReferrals': {
    who: COUNSELLOR,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'The pool: pseudonyms only; name and phone once taken, for the one who took it.',
  },
  'Query.myReferrals': {
    who: COUNSELLOR,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'Referrals the counsellor took, with contact details.',
  },
  'Mutation.takeReferral': {
    who: COUNSELLOR,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'One counsellor per referral (CONFLICT for the second).',
  },
  'Mutation.recordReferralResult': {
    who: COUNSELLOR,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'Only by the counsellor who took it (others: CONFLICT).',
  },
  'Mutation.logReferralAttempt': {
    who: COUNSELLOR,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'Only on a referral the counsellor holds (others: CONFLICT, audited as DENIED).',
  },
  'Query.outreachOverview': {
    who: OUTREACH_LEAD,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'The project lead’s counts and rates (no person). Administrators configure, they do not follow up.',
  },
  'Query.outreachSettings': {
    who: OUTREACH_SETTINGS_READER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'Call rules, script and safe-contact guidance: the outreach staff need them to work.',
  },
  'Mutation.updateOutreachSettings': {
    who: MANAGER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'Changes the caller’s own organisation only.',
  },
  'Mutation.previewIncidentImport': {
    who: IMPORTER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'The police list is screened by the outreach workers and the lead; a dry run.',
  },
  'Mutation.importIncidents': {
    who: IMPORTER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'Stores into the caller’s own organisation only.',
  },
  'Query.crimeCodeTable': {
    who: IMPORTER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'The police crime codes the import knows: those who import see them. Configuration, no person.',
  },
  'Mutation.saveCrimeCodeMapping': {
    who: OUTREACH_LEAD,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'The project lead keeps the crime-code table (issue 13, DOMAIN §3); workers import by it but do not change it. Own organisation only.',
  },
  'Mutation.deleteCrimeCodeMapping': {
    who: OUTREACH_LEAD,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'As saveCrimeCodeMapping; a code not in the caller’s own table is left alone.',
  },

  // ── Persons ────────────────────────────────────────────────────────────
  'Query.persons': {
    who: PERSON_READER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'Everyone who works with persons case by case; not group leaders, not evaluators.',
  },
  'Query.person': {
    who: PERSON_READER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'Not found and not ours look the same; a shelter’s woman or child is not found either (hers is the shelter staff’s record).',
  },
  'Mutation.updatePersonProfile': {
    who: PERSON_READER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'Gender and birth year only (statistics). A shelter’s woman or child is not found.',
  },

  // ── Group courses (VIVE's group-course evaluation): intake, risk assessment, courses ─────────
  'Query.intakes': {
    who: INTAKE_READER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'Registrations with contact details, for the people who plan what happens next.',
  },
  'Mutation.registerIntake': {
    who: INTAKE_WRITER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'Registers into the caller’s own organisation.',
  },
  'Mutation.saveIntakeReachAnswers': {
    who: INTAKE_WRITER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'Who we reach (issue 14): corrected by those who register; audited with the person, only which answers are recorded.',
  },
  'Mutation.recordRiskAssessment': {
    who: ASSESSOR,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'SARA-V3 by the assessors. A shelter’s woman or child is not found (an assessment by her id was stored before).',
  },
  'Query.reassessmentsDue': {
    who: ['INTAKE_COORDINATOR', ...ASSESSOR],
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'The assessors’ work list; intake coordinators book the talks (dates and routes only, which they read on the registrations anyway).',
  },
  'Query.recentRiskDecisions': {
    who: ASSESSOR,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'The latest decisions, where an assessor finds one to correct.',
  },
  'Mutation.correctRiskDecision': {
    who: ASSESSOR,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'Corrects a saved decision with a reason, audited; another organisation’s assessment is DENIED in the trail.',
  },
  'Query.waitingList': {
    who: INTAKE_READER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'People waiting for a course (intake readers and enrollers, the same roles).',
  },
  'Query.modulePlans': {
    who: COURSE_READER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'The shared templates and the organisation’s own plans.',
  },
  'Mutation.saveModulePlan': {
    who: MANAGER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'Own plans only; templates cannot be changed.',
  },
  'Query.groupLeaders': {
    who: MANAGER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'Staff to choose course leaders from.',
  },
  'Mutation.createCourse': {
    who: MANAGER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: { VALIDATION: ['modulePlanId', 'leaderIds.0', 'leaderIds.1'] },
    note: 'Leaders and plan must be the caller’s organisation’s.',
  },
  'Query.courses': {
    who: COURSE_READER,
    reach: 'ACTIVE_ORGANIZATION',
    groupLeaderOfOtherCourse: 'OWN_ONLY',
    otherOrganization: 'OWN_ONLY',
    note: 'Group leaders get only the courses they lead.',
  },
  'Query.course': {
    who: COURSE_READER,
    reach: 'ACTIVE_ORGANIZATION',
    groupLeaderOfOtherCourse: 'NOT_FOUND',
    otherOrganization: 'NOT_FOUND',
    note: 'Group leaders only a course they lead.',
  },
  'Mutation.enrolParticipant': {
    who: ENROLLER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: { VALIDATION: ['courseId', 'personId'] },
    note: 'From the waiting list into a course; both must be the caller’s organisation’s, and a shelter’s woman or child is an unknown person (she could be enrolled by id before).',
  },
  'Mutation.recordAttendance': {
    who: COURSE_RUNNER,
    reach: 'ACTIVE_ORGANIZATION',
    groupLeaderOfOtherCourse: 'NOT_FOUND',
    otherOrganization: 'NOT_FOUND',
    note: 'Group leaders only for courses they lead.',
  },
  'Mutation.openParticipantForm': {
    who: COURSE_RUNNER,
    reach: 'ACTIVE_ORGANIZATION',
    groupLeaderOfOtherCourse: 'NOT_FOUND',
    otherOrganization: 'NOT_FOUND',
    note: 'The one-time link for a participant’s own form; intake coordinators see courses but do not run them.',
  },
  'Mutation.recordFollowUp': {
    who: COURSE_RUNNER,
    reach: 'ACTIVE_ORGANIZATION',
    groupLeaderOfOtherCourse: 'NOT_FOUND',
    otherOrganization: 'NOT_FOUND',
    note: 'The final follow-up talk.',
  },
  'Mutation.withdrawParticipant': {
    who: COURSE_RUNNER,
    reach: 'ACTIVE_ORGANIZATION',
    groupLeaderOfOtherCourse: 'NOT_FOUND',
    otherOrganization: 'NOT_FOUND',
    note: 'Marks a drop-out.',
  },
  'Query.participantForm': {
    who: 'ANYONE',
    reach: 'LINK_HOLDER',
    otherOrganization: 'ALLOWED',
    note: 'The participant has no account: the 256-bit link is the key. Rate-limited per link.',
  },
  'Mutation.submitParticipantForm': {
    who: 'ANYONE',
    reach: 'LINK_HOLDER',
    otherOrganization: 'ALLOWED',
    note: 'Once per link, in one transaction; staff never read the answers.',
  },

  // ── Participant-facing translations (issue 14) ──────────────────────────
  'Query.translationOverrides': {
    who: MANAGER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'The lead’s own organisation’s replacements of participant texts. Wording, no person.',
  },
  'Mutation.saveTranslationOverride': {
    who: MANAGER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'The project lead replaces a translation without a code change (issue 14); the administrator may stand in. Own organisation only, audited.',
  },
  'Mutation.setMyLocale': {
    who: 'ANY_MEMBER',
    reach: 'OWN_ACCOUNT',
    otherOrganization: 'OWN_ONLY',
    note: 'The caller’s own language for the staff screens (issue 14): decides the language at login.',
  },
  'Mutation.deleteTranslationOverride': {
    who: MANAGER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'As saveTranslationOverride: back to the built-in text; another organisation’s override is never reached.',
  },

  // ── Aftercare after a shelter stay (DOMAIN 2.4) ─────────────────────────
  'Query.shelterStays': {
    who: SHELTER_STAFF,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'Only the shelter’s own staff work with its stays; not its administrator (accounts), not a lead.',
  },
  'Query.shelterStay': {
    who: SHELTER_STAFF,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'Another shelter’s stay is as unknown; a repeat stay shows as a fact on the shelter’s own stay.',
  },
  'Query.civilSocietyOwnOffers': {
    who: SHELTER_STAFF,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'The shelter’s own civil-society offers.',
  },
  'Mutation.admitToShelter': {
    who: SHELTER_STAFF,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'Admits to the caller’s own shelter; the repeat-stay flag reads other shelters’ move-out dates in the gateway only.',
  },
  'Mutation.recordShelterMoveOut': {
    who: SHELTER_STAFF,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'The shelter’s own stays.',
  },
  'Mutation.planShelterMoveOut': {
    who: SHELTER_STAFF,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'The shelter’s own stays.',
  },
  'Mutation.updateCounsellingItem': {
    who: SHELTER_STAFF,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'The § 109 checklist of the shelter’s own stays.',
  },
  'Mutation.setPsychologistHours': {
    who: SHELTER_STAFF,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'The woman and her children on the shelter’s own stays.',
  },
  'Mutation.addCivilSocietyOwnOffer': {
    who: SHELTER_STAFF,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'Adds to the caller’s own shelter’s offers.',
  },
  'Mutation.saveCivilSocietyReferral': {
    who: SHELTER_STAFF,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'Referrals of the shelter’s own stays, with the woman’s consent.',
  },
  'Mutation.setStartUpHelpNeed': {
    who: SHELTER_STAFF,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'Start-up needs of the shelter’s own stays.',
  },
  'Mutation.addShelterChild': {
    who: SHELTER_STAFF,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'A child arriving after the admission, on the shelter’s own current stays.',
  },
  'Mutation.cancelShelterAdmission': {
    who: SHELTER_STAFF,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'Deletes an admission of the shelter’s own registered by mistake; the reason is audited. Another shelter’s stay is as unknown.',
  },

  // ── Hate-crime aftercare (DOMAIN 2.3): sender, the two tracks elsewhere, the lead ──
  'Query.hateCrimeCases': {
    who: HATE_CRIME_SENDER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'The sending organisation’s cases; of each referral the status only.',
  },
  'Query.hateCrimeCase': {
    who: HATE_CRIME_SENDER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'As the list.',
  },
  'Query.hateCrimeReceivers': {
    who: HATE_CRIME_SENDER,
    reach: 'NONE',
    otherOrganization: 'ALLOWED',
    note: 'A directory: names of the organisations with staff in a track’s role (no person, no case).',
  },
  'Mutation.startHateCrimeAftercare': {
    who: HATE_CRIME_SENDER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'From the organisation’s own outreach case (another organisation’s reads as unknown) or a new pseudonymous person.',
  },
  'Mutation.recordHateCrimeNeeds': {
    who: HATE_CRIME_SENDER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'The case’s own organisation assesses.',
  },
  'Mutation.withdrawHateCrimeReferral': {
    who: HATE_CRIME_SENDER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'The person withdrew consent: only the organisation that sent the referral; it answers with the status view.',
  },
  'Mutation.closeHateCrimeCase': {
    who: HATE_CRIME_SENDER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'The case’s own organisation, once its referrals are closed (CONFLICT before).',
  },
  'Mutation.referHateCrimeCase': {
    who: HATE_CRIME_SENDER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'With explicit consent; hands over only the track’s fields; answers with the status view.',
  },
  'Query.receivedHateCrimeReferrals': {
    who: HATE_CRIME_RECEIVER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'Referrals the organisation received, on the caller’s own track only.',
  },
  'Mutation.changeLegalReferralStatus': {
    who: ADVISER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'The receiving organisation’s adviser moves a legal/financial referral on.',
  },
  'Mutation.changePsychologicalReferralStatus': {
    who: PSYCHOLOGIST,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'The receiving organisation’s psychologist moves a psychological referral on.',
  },
  'Mutation.openHateCrimeLegalTask': {
    who: ADVISER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'On a referral the organisation received.',
  },
  'Mutation.changeHateCrimeLegalTaskStatus': {
    who: ADVISER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'The organisation’s own tasks.',
  },
  'Mutation.recordHateCrimeSessions': {
    who: PSYCHOLOGIST,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'On a referral the organisation received.',
  },
  'Mutation.placeHateCrimeInGroup': {
    who: PSYCHOLOGIST,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'In one of the organisation’s own courses, under a pseudonym of its own.',
  },
  'Query.hateCrimeGroupCourses': {
    who: PSYCHOLOGIST,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'Names and start dates of the organisation’s groups (no participant).',
  },
  'Query.hateCrimeLeadView': {
    who: OUTREACH_LEAD,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'Counts, capacity and budget of the lead’s own organisation; no person.',
  },
  'Mutation.saveHateCrimeBudget': {
    who: OUTREACH_LEAD,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'The lead’s own organisation’s inputs.',
  },

  // ── Evaluation (aggregates only) ───────────────────────────────────────
  'Query.costInputs': {
    who: ['PROJECT_LEAD', 'ADMIN', 'EVALUATOR'],
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'The organisation’s own cost figures and their history: the lead and administrator enter them, evaluators read them (DOMAIN §1, §6). No person data.',
  },
  'Mutation.saveCostInputs': {
    who: MANAGER,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'The project lead owns costs (DOMAIN §1); the administrator may stand in. Changes the caller’s own organisation only.',
  },
  // ── The outreach user survey (issue 14) ─────────────────────────────────
  'Query.outreachSurvey': {
    who: 'ANYONE',
    reach: 'LINK_HOLDER',
    otherOrganization: 'ALLOWED',
    note: 'The person has no account: the 256-bit link is the key. Rate-limited per link; shows nothing about the person or the call but the language the worker recorded for them (suggestedLocale, the one their SMS came in; its read is audited).',
  },
  'Mutation.submitOutreachSurvey': {
    who: 'ANYONE',
    reach: 'LINK_HOLDER',
    otherOrganization: 'ALLOWED',
    note: 'Once per link; the answers are stored apart from the case and the person, so no role can read them next to a name.',
  },
  'Query.outreachSurveyFollowUps': {
    who: OUTREACH_LEAD,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'OWN_ONLY',
    note: 'The lead holds the follow-up interviews (the Projekt Opsøgende Indsats evaluation’s 17): only the contact the person chose, never the answers.',
  },
  'Mutation.completeOutreachSurveyFollowUp': {
    who: OUTREACH_LEAD,
    reach: 'ACTIVE_ORGANIZATION',
    otherOrganization: 'NOT_FOUND',
    note: 'Marks an interview done and erases the contact.',
  },
  'Query.evaluation': {
    who: EVALUATOR,
    reach: 'GRANTED_ORGANIZATIONS',
    otherOrganization: { VALIDATION: ['organizationIds.0'] },
    note: 'Perturbed aggregates over the organisations where the caller is an evaluator.',
  },
};

/** Who may read the fields of a type holding a person's data (or leading to it). */
export interface RecordTypeAccess {
  /** Roles in the record's organisation, which must be the caller's active one. */
  who: readonly Role[];
  /** GROUP_LEADER in `who` sees it only for courses they lead. */
  groupLeaderOwnCoursesOnly?: true;
  /** Fields every role in `who` may read. */
  fields: readonly string[];
  /** Fields with a narrower rule: fewer roles, or a condition the test checks on its own. */
  narrower?: Readonly<Record<string, { who?: readonly Role[]; only?: string }>>;
  note: string;
}

/**
 * Every object type of schema.graphql that holds a person's data (a
 * pseudonym, a person, participant, case or enrolment id) or leads to such a
 * type, with every one of its fields.
 */
export const RECORD_TYPES: Readonly<Record<string, RecordTypeAccess>> = {
  Person: {
    who: PERSON_READER,
    fields: ['id', 'pseudonym', 'gender', 'birthYear'],
    narrower: { outreachCases: { who: OUTREACH_CASE_READER } },
    note: 'Intake coordinators and risk assessors know the person from the course side, not their outreach.',
  },
  OutreachCase: {
    who: OUTREACH_CASE_READER,
    fields: ['id', 'role', 'incidentType', 'status', 'person'],
    narrower: { reach: { who: ['OUTREACH_WORKER', 'PROJECT_LEAD'] } },
    note: 'A person’s outreach contact: the outreach staff, the lead and the administrator. Who we reach (language, children, same-sex, mutual violence): the workers who record it and the lead; not the counsellor (sees a person only on a referral they took) nor the administrator.',
  },
  QueueEntry: {
    who: CALLER,
    fields: [
      'caseId',
      'pseudonym',
      'incidentType',
      'occurredOn',
      'role',
      'gender',
      'ageAtIncident',
      'callableFrom',
      'callableUntil',
      'attemptCount',
      'priority',
      'claimedByMe',
    ],
    note: 'No contact details in the queue.',
  },
  CallQueue: {
    who: CALLER,
    fields: ['entries', 'totalCount', 'totalCountCapped', 'endCursor', 'hasNextPage'],
    note: 'A page of the queue.',
  },
  CaseClaim: { who: CALLER, fields: ['caseId', 'claimExpiresAt'], note: 'The worker’s claim.' },
  CallCase: {
    who: CALLER,
    fields: [
      'id',
      'pseudonym',
      'incidentType',
      'occurredOn',
      'role',
      'gender',
      'ageAtIncident',
      'status',
      'attemptCount',
      'maxCallAttempts',
      'claimExpiresAt',
      'noMessageReminder',
      'attempts',
      'reach',
    ],
    narrower: {
      name: { only: 'the worker holding an unexpired claim on the case (callCase answers no one else)' },
      phone: { only: 'the worker holding an unexpired claim on the case (callCase answers no one else)' },
    },
    note: 'The call screen.',
  },
  CallResult: {
    who: CALLER,
    fields: [
      'caseId',
      'status',
      'attemptCount',
      'nextAttemptAfter',
      'referralId',
      'showSafeContactGuidance',
      'surveyLink',
    ],
    note: 'The answer to the worker’s own call.',
  },
  Referral: {
    who: COUNSELLOR,
    fields: [
      'id',
      'pseudonym',
      'incidentType',
      'role',
      'status',
      'createdAt',
      'consentAt',
      'takenAt',
      'closedAt',
      'lostReason',
      'daysWaiting',
      'takenByMe',
      'occurredOn',
    ],
    narrower: {
      attempts: { only: 'the counsellor who holds the referral (empty for everyone else)' },
      name: { only: 'the counsellor who took the referral (null for everyone else)' },
      phone: { only: 'the counsellor who took the referral (null for everyone else)' },
    },
    note: 'Consent covers passing the details to the counsellor who calls.',
  },
  IntakeRegistration: {
    who: INTAKE_READER,
    fields: [
      'id',
      'personId',
      'registeredOn',
      'answers',
      'gender',
      'ageYears',
      'referredTo',
      'pseudonym',
      'alias',
      'name',
      'phone',
      'reachNote',
      'caseReference',
      'latestRiskAssessment',
    ],
    narrower: { reach: { who: ['INTAKE_COORDINATOR', 'PROJECT_LEAD', 'ADMIN'] } },
    note: 'Staff fill in the registration form, so staff may read it. Who we reach: those who register and the lead, not the risk assessor (and never a group leader).',
  },
  RiskAssessment: {
    who: INTAKE_READER,
    fields: ['id', 'personId', 'assessedOn', 'reassessOn', 'routes', 'otherSupport', 'pseudonym', 'alias'],
    narrower: { riskLevel: { who: ASSESSOR }, safetyPlan: { who: ASSESSOR } },
    note: 'The routes guide everyone who plans; the SARA-V3 result and the safety plan are for assessors.',
  },
  WaitingListEntry: {
    who: INTAKE_READER,
    fields: ['id', 'personId', 'since', 'pseudonym', 'alias', 'daysWaiting', 'overLimit', 'waitingLimitDays'],
    note: 'Intake readers and enrollers (the same roles).',
  },
  Course: {
    who: COURSE_READER,
    groupLeaderOwnCoursesOnly: true,
    fields: [
      'id',
      'name',
      'venue',
      'startsOn',
      'modulePlanName',
      'sessions',
      'enrolments',
      'leaders',
      'participantCount',
      'warnings',
    ],
    note: 'Group leaders see the courses they lead.',
  },
  CourseSession: {
    who: COURSE_READER,
    groupLeaderOwnCoursesOnly: true,
    fields: ['id', 'number', 'date', 'title', 'attendance'],
    note: 'As its course.',
  },
  Enrolment: {
    who: COURSE_READER,
    groupLeaderOwnCoursesOnly: true,
    fields: [
      'id',
      'courseId',
      'personId',
      'participantCode',
      'enrolledAt',
      'withdrawnOn',
      'withdrawnReason',
      'followUpStatus',
      'followUpOn',
      'helpedOnTo',
      'helpedOnToOther',
      'pseudonym',
      'displayName',
      'attendance',
      'sessionsAttended',
      'baselineForm',
      'endForm',
    ],
    note: 'The leader knows who is in the group; whether a form is done, never its answers.',
  },
  Attendance: {
    who: COURSE_READER,
    groupLeaderOwnCoursesOnly: true,
    fields: ['sessionId', 'enrolmentId', 'present'],
    note: 'As its course.',
  },
  CreateCoursePayload: {
    who: COURSE_READER,
    groupLeaderOwnCoursesOnly: true,
    fields: ['course', 'warnings'],
    note: 'Whoever may see the new course.',
  },
  EnrolPayload: {
    who: COURSE_READER,
    groupLeaderOwnCoursesOnly: true,
    fields: ['enrolment', 'warnings'],
    note: 'Whoever may see the course.',
  },
  ParticipantFormLink: {
    who: COURSE_RUNNER,
    groupLeaderOwnCoursesOnly: true,
    fields: ['token', 'kind', 'expiresAt', 'participantCode'],
    note: 'Only in the answer to the request that opened it (the token is never stored).',
  },
  ShelterStay: {
    who: SHELTER_STAFF,
    fields: [
      'id',
      'personId',
      'pseudonym',
      'birthYear',
      'admittedOn',
      'plannedMoveOutOn',
      'movedOutOn',
      'repeatStay',
      'matchableAcrossShelters',
      'children',
      'counsellingItems',
      'psychologistHours',
      'civilSocietyReferrals',
      'startUpHelp',
      'openCounsellingAreas',
      'counsellingCoveredBeforeMoveOut',
    ],
    note: 'The shelter’s own staff only. repeatStay is the one fact from other shelters; their stays are never shown.',
  },
  ShelterStayChild: {
    who: SHELTER_STAFF,
    fields: ['id', 'personId', 'pseudonym', 'birthYear'],
    note: 'As the stay.',
  },
  PsychologistHours: {
    who: SHELTER_STAFF,
    fields: ['id', 'personId', 'role', 'pseudonym', 'booked', 'used'],
    note: 'As the stay.',
  },
  HateCrimeCase: {
    who: HATE_CRIME_SENDER,
    fields: [
      'id',
      'pseudonym',
      'alias',
      'entryPoint',
      'outreachCaseId',
      'otherEntryText',
      'openedOn',
      'closedOn',
      'needs',
      'offer',
      'referrals',
      'incidentMotive',
    ],
    note: 'The sending organisation’s staff; the referrals here are status views (no content). incidentMotive: the police list’s motive of the call’s incident, which these same roles already see on the outreach case; read audited, for pre-selecting it on a referral that may carry it.',
  },
  ReceivedHateCrimeReferral: {
    who: HATE_CRIME_RECEIVER,
    fields: [
      'id',
      'pseudonym',
      'senderName',
      'track',
      'status',
      'nextStatuses',
      'sentOn',
      'statusChangedOn',
      'startedOn',
      'consentGivenAt',
      'alias',
      'phone',
      'contactTimes',
      'preferredLanguage',
      'interpreterNeeded',
      'needFirmness',
      'incidentDate',
      'policeReportFiled',
      'policeJournalNumber',
      'legalTaskKinds',
      'psychologicalForms',
      'ageGroup',
      'hateMotive',
      'legalTasks',
      'psychologicalSupport',
    ],
    note: 'Only the handed-over fields; the adviser sees legal/financial referrals, the psychologist psychological ones.',
  },
};

/**
 * Who calls: a role in this organisation (administrators with two-step
 * login on), an administrator without it, a group leader of another course,
 * anonymous, or a member of another organisation holding every role there.
 */
export type Actor =
  | { kind: 'ANONYMOUS' }
  | { kind: 'ROLE'; role: Role }
  | { kind: 'ADMIN_WITHOUT_SECOND_FACTOR' }
  | { kind: 'GROUP_LEADER_OF_OTHER_COURSE' }
  | { kind: 'OTHER_ORGANIZATION' };

/** ALLOWED: not refused by authorisation (a VALIDATION or CONFLICT error on the input is still ALLOWED). */
export type Expected =
  | 'ALLOWED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'VALIDATION'
  | 'SECOND_FACTOR_SETUP_REQUIRED'
  | 'OWN_ONLY';

export function actorName(actor: Actor): string {
  return actor.kind === 'ROLE' ? actor.role : actor.kind;
}

function mayUse(who: Who, role: Role): boolean {
  return who === 'ANYONE' || who === 'ANY_MEMBER' || who.includes(role);
}

/** What the matrix says an actor gets from an operation. */
export function expectedOutcome(access: OperationAccess, actor: Actor): Expected {
  switch (actor.kind) {
    case 'ANONYMOUS':
      return access.who === 'ANYONE' ? 'ALLOWED' : 'UNAUTHENTICATED';
    case 'ROLE':
      return mayUse(access.who, actor.role) ? 'ALLOWED' : 'FORBIDDEN';
    case 'ADMIN_WITHOUT_SECOND_FACTOR':
      if (!mayUse(access.who, 'ADMIN')) return 'FORBIDDEN';
      return access.secondFactor ? 'SECOND_FACTOR_SETUP_REQUIRED' : 'ALLOWED';
    case 'GROUP_LEADER_OF_OTHER_COURSE':
      if (!mayUse(access.who, 'GROUP_LEADER')) return 'FORBIDDEN';
      return access.groupLeaderOfOtherCourse ?? 'ALLOWED';
    case 'OTHER_ORGANIZATION': {
      const other = access.otherOrganization;
      return typeof other === 'string' ? other : 'VALIDATION';
    }
  }
}

/** Whether a role may read a field of a record type (conditions in `only` aside). */
export function mayReadField(type: RecordTypeAccess, field: string, role: Role): boolean {
  if (!type.who.includes(role)) return false;
  const narrower = type.narrower?.[field];
  return narrower?.who ? narrower.who.includes(role) : true;
}

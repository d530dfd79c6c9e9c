// The demo's hate-crime aftercare cases (seed part hate-crime-cases.ts): the Copenhagen hate-crime
// pre-study's volume and needs at demo scale, and every row one the gateway could have written,
// checked against the domain's own rules (not against the generator's constants).
import {
  changeReferralStatus,
  decideHateCrimeOffer,
  HATE_CRIME_MOTIVES,
  HATE_CRIME_REFERRAL_STATUSES,
  type HateCrimeNeedsAnswers,
  type HateCrimeStoredInputs,
  hateCrimeCosts,
  type LegalTask,
  type LegalTaskKindCode,
  trackMayKeepMotive,
  validateCostInputs,
  validateLegalTask,
} from '@vi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../client.ts';
import { fieldKeyring } from '../field-encryption.ts';
import { createTestDatabase } from '../testing.ts';
import { seedDemo } from './index.ts';

// Late in the year, so the year's victims are counted over most of a year.
const now = new Date('2026-11-23T10:00:00Z');
const today = '2026-11-23';
let db: Database;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.prisma, { now });
}, 120_000);
afterAll(async () => {
  await db?.close();
});

const day = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);
const closedStatuses = new Set<string>(
  HATE_CRIME_REFERRAL_STATUSES.filter((s) => s.closed).map((s) => s.code),
);

async function cases() {
  return db.prisma.hateCrimeAftercareCase.findMany({
    include: {
      organization: true,
      needsAssessment: true,
      referrals: { include: { organization: true, legalTasks: true, psychologicalSupport: true } },
    },
  });
}

describe('hate-crime aftercare follows the Copenhagen hate-crime pre-study (DOMAIN 2.3)', () => {
  it('has 40-60 cases over the last two years at the victim-counselling service, most from the police', async () => {
    const all = await cases();
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(all.length).toBeLessThanOrEqual(60);
    expect(new Set(all.map((c) => c.organization.slug))).toEqual(new Set(['offerraadgivning']));
    const opened = all.map((c) => day(c.openedOn) as string).sort();
    expect(opened[0]! >= '2024-11-23').toBe(true);
    expect(opened.at(-1)! <= today).toBe(true);
    const entries = new Map<string, number>();
    for (const c of all) entries.set(c.entryPoint, (entries.get(c.entryPoint) ?? 0) + 1);
    const police = entries.get('POLICE_HATE_CRIME_UNIT') ?? 0;
    expect(police).toBeGreaterThan(all.length / 3);
    // Registered cases (the call entry needs a hate-crime call where the person wanted contact).
    expect(all.every((c) => c.entryPoint !== 'OUTREACH_CALL' && c.outreachCaseId === null)).toBe(true);
  });

  it('refers only to the tracks the needs assessment offers, at the two other organisations, with the offer’s firmness', async () => {
    const all = await cases();
    let referred = 0;
    for (const c of all) {
      if (!c.needsAssessment) {
        expect(c.referrals).toEqual([]);
        continue;
      }
      const a = c.needsAssessment;
      expect(day(a.assessedOn)! >= day(c.openedOn)!).toBe(true);
      const offer = decideHateCrimeOffer({
        INDIVIDUAL_PSYCHOLOGIST: a.needIndividualPsychologist,
        LEGAL_FINANCIAL: a.needLegalFinancial,
        GROUP: a.needGroup,
      } as HateCrimeNeedsAnswers);
      for (const r of c.referrals) {
        referred++;
        const trackOffer = offer.tracks.find((t) => t.track === r.track);
        expect(trackOffer, `${r.id} to a track not offered`).toBeDefined();
        expect(r.needFirmness).toBe(trackOffer?.firmness);
        expect(r.organization.slug).toBe(
          r.track === 'LEGAL_FINANCIAL' ? 'raadgivning-had' : 'psykisk-sundhed',
        );
        expect(r.senderOrganizationId).toBe(c.organizationId);
        expect(day(r.sentOn)! >= day(a.assessedOn)!).toBe(true);
        expect(r.consentGivenAt.getTime()).toBeLessThanOrEqual(now.getTime());
        if (r.track === 'PSYCHOLOGICAL') expect(r.psychologicalForms).toEqual(trackOffer?.forms);
        else expect(r.legalTaskKinds.length).toBeGreaterThan(0);
      }
    }
    // Both tracks in the survey's order of need: psychological support more often than legal help.
    const byTrack = (track: string) =>
      all.flatMap((c) => c.referrals).filter((r) => r.track === track).length;
    expect(byTrack('PSYCHOLOGICAL')).toBeGreaterThan(byTrack('LEGAL_FINANCIAL'));
    expect(byTrack('LEGAL_FINANCIAL')).toBeGreaterThanOrEqual(10);
    expect(referred).toBeGreaterThan(all.length / 2);
  });

  it('moves each referral on as the domain allows: statuses, start and dates replayable up to today', async () => {
    const referrals = (await cases()).flatMap((c) => c.referrals);
    const seen = new Set<string>();
    for (const r of referrals) {
      seen.add(r.status);
      const sent = day(r.sentOn)!;
      const changed = day(r.statusChangedOn)!;
      const started = day(r.startedOn);
      expect(changed >= sent && changed <= today).toBe(true);
      // Replays the receiver's (and for WITHDRAWN the sender's) changes through the domain rule.
      const path: string[] = [];
      if (r.status === 'DECLINED_BY_RECEIVER') path.push('DECLINED_BY_RECEIVER');
      else if (r.status !== 'SENT') path.push('ACCEPTED');
      if (started) path.push('STARTED');
      if (!['SENT', 'ACCEPTED', 'STARTED', 'DECLINED_BY_RECEIVER'].includes(r.status)) path.push(r.status);
      let state = {
        id: r.id,
        track: r.track,
        status: 'SENT',
        sentOn: sent,
        statusChangedOn: sent,
        startedOn: null,
      } as Parameters<typeof changeReferralStatus>[0];
      for (const [index, to] of path.entries()) {
        const on =
          to === 'STARTED'
            ? (started as string)
            : index === path.length - 1
              ? changed
              : state.statusChangedOn;
        const next = changeReferralStatus(state, to as never, on, today);
        expect(next.ok, `${r.id}: ${state.status} -> ${to} on ${on}`).toBe(true);
        if (next.ok) state = next.referral;
      }
      expect(state.status).toBe(r.status);
      expect(r.handlerId !== null).toBe(!['SENT', 'DECLINED_BY_RECEIVER'].includes(r.status));
      // A closed referral's hand-over text goes after the retention; none is overdue.
      if (r.eraseAfter) {
        expect(closedStatuses.has(r.status)).toBe(true);
        expect(r.eraseAfter.getTime()).toBeGreaterThan(now.getTime());
      }
      if (!closedStatuses.has(r.status)) expect(r.alias).not.toBeNull();
      if (r.alias === null) expect(closedStatuses.has(r.status) && r.eraseAfter === null).toBe(true);
    }
    // The newest cases' referrals still wait for the receiver.
    expect(seen.has('SENT') || seen.has('ACCEPTED')).toBe(true);
    for (const status of ['STARTED', 'COMPLETED', 'NO_CONTACT', 'WITHDRAWN'])
      expect(seen, status).toContain(status);
  });

  it('keeps the motive only where the track may (the domain rule), encrypted under the receiver’s key', async () => {
    const referrals = (await cases()).flatMap((c) => c.referrals);
    const keyring = fieldKeyring();
    const codes = new Set<string>(HATE_CRIME_MOTIVES.map((m) => m.code));
    let withMotive = 0;
    for (const r of referrals) {
      if (r.hateMotive === null) continue;
      withMotive++;
      expect(trackMayKeepMotive(r.track, r.legalTaskKinds as LegalTaskKindCode[]), r.id).toBe(true);
      expect(codes.has(r.hateMotive)).toBe(false);
      expect(codes).toContain(await keyring.decrypt(db.prisma, r.hateMotive));
    }
    expect(withMotive).toBeGreaterThan(10);
    // And some legal referrals without the report and criminal case, which carry none.
    expect(
      referrals.some(
        (r) => r.track === 'LEGAL_FINANCIAL' && !r.legalTaskKinds.includes('REPORT_AND_CRIMINAL_CASE'),
      ),
    ).toBe(true);
  });

  it('has legal tasks with fitting outcomes on started legal referrals and sessions on started psychological ones', async () => {
    const referrals = (await cases()).flatMap((c) => c.referrals);
    let tasks = 0;
    let closedTasks = 0;
    let sessions = 0;
    for (const r of referrals) {
      const started = day(r.startedOn);
      if (r.track === 'LEGAL_FINANCIAL') expect(r.psychologicalSupport).toEqual([]);
      else expect(r.legalTasks).toEqual([]);
      if (!started) {
        expect([...r.legalTasks, ...r.psychologicalSupport]).toEqual([]);
        continue;
      }
      for (const t of r.legalTasks) {
        tasks++;
        if (t.status === 'CLOSED') closedTasks++;
        const task: LegalTask = {
          kind: t.kind,
          status: t.status,
          openedOn: day(t.openedOn)!,
          closedOn: day(t.closedOn),
          outcome: t.outcome,
        };
        expect(validateLegalTask(task, today), JSON.stringify(task)).toEqual([]);
        expect(task.openedOn >= started).toBe(true);
        expect(r.legalTaskKinds).toContain(t.kind);
      }
      if (r.track === 'LEGAL_FINANCIAL' && r.status !== 'WITHDRAWN') {
        expect(r.legalTasks.map((t) => day(t.openedOn)).sort()[0]).toBe(started);
        if (r.status === 'COMPLETED') expect(r.legalTasks.every((t) => t.status === 'CLOSED')).toBe(true);
      }
      for (const s of r.psychologicalSupport) {
        sessions++;
        expect(s.form).toBe('INDIVIDUAL_SESSIONS');
        expect(day(s.startedOn)).toBe(started);
        expect(s.sessionsHeld).toBeGreaterThanOrEqual(0);
        expect(day(s.lastSessionOn)! <= today && day(s.lastSessionOn)! >= started).toBe(true);
      }
      if (r.track === 'PSYCHOLOGICAL') expect(r.psychologicalSupport).toHaveLength(1);
    }
    expect(closedTasks).toBeGreaterThanOrEqual(10);
    expect(tasks).toBeGreaterThan(closedTasks);
    expect(sessions).toBeGreaterThanOrEqual(10);
  });

  it('closes a case only when its referrals are closed', async () => {
    const all = await cases();
    const closed = all.filter((c) => c.closedOn !== null);
    expect(closed.length).toBeGreaterThan(0);
    expect(all.length - closed.length).toBeGreaterThan(0);
    for (const c of closed) {
      for (const r of c.referrals) {
        expect(closedStatuses.has(r.status)).toBe(true);
        expect(day(c.closedOn)! >= day(r.statusChangedOn)!).toBe(true);
      }
      expect(day(c.closedOn)! <= today).toBe(true);
    }
  });

  it('gives the lead this year’s cost inputs, valid for the cost screen, and a cost per victim in the pre-study’s range', async () => {
    const row = await db.prisma.costInput.findFirstOrThrow({
      where: { model: 'HATE_CRIME_AFTERCARE', year: 2026, organization: { slug: 'offerraadgivning' } },
    });
    const checked = validateCostInputs('HATE_CRIME_AFTERCARE', row.inputs);
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    // The lead view's divisor: cases with a referral started in the year, once each.
    const [victims] = await db.query<{ n: number }>(
      `SELECT count(DISTINCT "caseId")::int AS n FROM "HateCrimeReferral"
        WHERE "startedOn" >= '2026-01-01' AND "startedOn" < '2027-01-01'`,
    );
    expect(victims!.n).toBeGreaterThanOrEqual(10);
    const { capacityPerYear: _capacity, ...inputs } = checked.inputs as HateCrimeStoredInputs;
    const perVictim = hateCrimeCosts({ ...inputs, victimsPerYear: victims!.n }).perVictim;
    // 1-2 M kr a year for 50-100 victims: 10,000-40,000 kr per victim.
    expect(perVictim?.amount).toBeGreaterThanOrEqual(10_000);
    expect(perVictim?.amount).toBeLessThanOrEqual(40_000);
  });
});

import {
  CIVIL_SOCIETY_OFFERS,
  CIVIL_SOCIETY_OUTCOMES,
  CIVIL_SOCIETY_REFERRAL_STATUSES,
  type CivilSocietyOfferCode,
  type CivilSocietyOutcomeCode,
  type CivilSocietyReferralStatusCode,
  COUNSELLING_AREAS,
  COUNSELLING_ITEM_STATUSES,
  type CounsellingAreaCode,
  type CounsellingItemStatusCode,
  entryOf,
  labelOf,
  PSYCHOLOGIST_HOURS_PER_PERSON,
  START_UP_HELP_NEEDS,
  START_UP_HELP_STATUSES,
  type StartUpHelpNeedCode,
  type StartUpHelpStatusCode,
} from '@vi/domain';
import { type FieldError, FieldErrors, TextField, useLocale, useT } from '@vi/ui';
import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { AppLink } from './app-link.tsx';
import { danishDate, todayIso } from './calendar.ts';
import { ProblemAlert, problemOf, StatusMessage } from './form-problem.tsx';
import { shelterMessages } from './shelter-messages.ts';
import { AddChildForm, CancelAdmissionSection } from './shelter-stay-corrections.tsx';

const ShelterStayQuery = graphql(`
  query ShelterStay($id: ID!) {
    shelterStay(id: $id) {
      id personId pseudonym admittedOn plannedMoveOutOn movedOutOn repeatStay matchableAcrossShelters
      children { id personId pseudonym birthYear }
      counsellingItems { id area status dueOn completedOn }
      openCounsellingAreas counsellingCoveredBeforeMoveOut
      psychologistHours { id personId role booked used }
      civilSocietyReferrals {
        id offer ownOfferId ownOfferName status nextStatuses offeredOn consentGivenOn referredOn startedOn outcome
      }
      startUpHelp { id need status amount }
    }
    civilSocietyOwnOffers { id name }
  }
`);

const PlanMoveOutMutation = graphql(`
  mutation PlanShelterMoveOut($stayId: ID!, $plannedMoveOutOn: String!) {
    planShelterMoveOut(stayId: $stayId, plannedMoveOutOn: $plannedMoveOutOn) { id plannedMoveOutOn }
  }
`);

const RecordMoveOutMutation = graphql(`
  mutation RecordShelterMoveOut($stayId: ID!, $movedOutOn: String!) {
    recordShelterMoveOut(stayId: $stayId, movedOutOn: $movedOutOn) { id movedOutOn }
  }
`);

const UpdateCounsellingItemMutation = graphql(`
  mutation UpdateCounsellingItem($input: UpdateCounsellingItemInput!) {
    updateCounsellingItem(input: $input) { id area status dueOn completedOn }
  }
`);

const SetPsychologistHoursMutation = graphql(`
  mutation SetPsychologistHours($input: SetPsychologistHoursInput!) {
    setPsychologistHours(input: $input) { id personId booked used }
  }
`);

const SaveCivilSocietyReferralMutation = graphql(`
  mutation SaveCivilSocietyReferral($input: SaveCivilSocietyReferralInput!) {
    saveCivilSocietyReferral(input: $input) { id status }
  }
`);

const AddCivilSocietyOwnOfferMutation = graphql(`
  mutation AddCivilSocietyOwnOffer($name: String!) {
    addCivilSocietyOwnOffer(name: $name) { id name }
  }
`);

const SetStartUpHelpNeedMutation = graphql(`
  mutation SetStartUpHelpNeed($input: SetStartUpHelpNeedInput!) {
    setStartUpHelpNeed(input: $input) { id need status amount }
  }
`);

type Refresh = () => void;

/** Hours or kroner typed with a decimal comma or point; NaN when it is not a number. */
function numberOf(value: string): number {
  const trimmed = value.trim().replace(',', '.');
  return trimmed === '' || !/^\d+(\.\d+)?$/.test(trimmed) ? Number.NaN : Number(trimmed);
}

function decimalComma(value: number): string {
  return String(value).replace('.', ',');
}

function MoveOutSection({
  stay,
  onSaved,
}: {
  stay: { id: string; plannedMoveOutOn: string | null; movedOutOn: string | null };
  onSaved: Refresh;
}) {
  const t = useT(shelterMessages);
  const [planned, setPlanned] = useState(stay.plannedMoveOutOn ?? '');
  const [movedOut, setMovedOut] = useState(stay.movedOutOn ?? todayIso());
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [planResult, plan] = useMutation(PlanMoveOutMutation);
  const [moveResult, record] = useMutation(RecordMoveOutMutation);
  const errorsFor = (field: string) => errors.filter((e) => e.field === field);

  async function submitPlan(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const outcome = await plan({ stayId: stay.id, plannedMoveOutOn: planned });
    setErrors(problemOf(outcome.error)?.fields ?? []);
    if (outcome.data) {
      setSaved(t('common.saved'));
      onSaved();
    }
  }
  async function submitMoveOut(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const outcome = await record({ stayId: stay.id, movedOutOn: movedOut });
    setErrors(problemOf(outcome.error)?.fields ?? []);
    if (outcome.data) {
      setSaved(t('common.saved'));
      onSaved();
    }
  }
  const problem = problemOf(planResult.error ?? moveResult.error);
  return (
    <section aria-labelledby="move-out-heading">
      <h2 id="move-out-heading">{t('moveOut.heading')}</h2>
      <p className="gc-muted">{t('moveOut.note')}</p>
      {stay.movedOutOn ? null : (
        <form noValidate onSubmit={submitPlan} className="gc-inline" aria-label={t('moveOut.plan')}>
          <TextField
            id="stay-planned"
            type="date"
            label={t('stays.plannedMoveOutOn')}
            value={planned}
            onValueChange={setPlanned}
            errors={errorsFor('plannedMoveOutOn')}
          />
          <button type="submit" className="vi-button" disabled={planResult.fetching}>
            {t('moveOut.plan')}
          </button>
        </form>
      )}
      <form noValidate onSubmit={submitMoveOut} className="gc-inline" aria-label={t('moveOut.record')}>
        <TextField
          id="stay-moved-out"
          type="date"
          label={t('moveOut.on')}
          value={movedOut}
          max={todayIso()}
          onValueChange={setMovedOut}
          errors={errorsFor('movedOutOn')}
        />
        <button type="submit" className="vi-button" disabled={moveResult.fetching}>
          {t('moveOut.record')}
        </button>
      </form>
      <ProblemAlert problem={problem && problem.fields.length === 0 ? problem : null} />
      <StatusMessage text={saved} />
    </section>
  );
}

type Item = {
  area: CounsellingAreaCode;
  status: CounsellingItemStatusCode;
  dueOn: string;
  completedOn: string | null;
};

function ChecklistRow({ stayId, item, onSaved }: { stayId: string; item: Item; onSaved: Refresh }) {
  const t = useT(shelterMessages);
  const { locale } = useLocale();
  const area = labelOf(COUNSELLING_AREAS, item.area, locale);
  const [status, setStatus] = useState<CounsellingItemStatusCode>(item.status);
  const [dueOn, setDueOn] = useState(item.dueOn);
  const [completedOn, setCompletedOn] = useState(item.completedOn ?? '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [result, update] = useMutation(UpdateCounsellingItemMutation);
  const errorsFor = (field: string) => errors.filter((e) => e.field === field);
  const prefix = `item-${item.area}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const outcome = await update({
      input: {
        stayId,
        area: item.area,
        status,
        dueOn,
        completedOn: status === 'DONE' ? completedOn || null : null,
      },
    });
    const problem = problemOf(outcome.error);
    setErrors(problem?.fields ?? []);
    if (outcome.data) {
      setSaved(t('checklist.saved', { area }));
      onSaved();
    }
  }
  return (
    <form noValidate onSubmit={submit} className="gc-checklist-row" aria-labelledby={`${prefix}-label`}>
      <h3 id={`${prefix}-label`} className="gc-row-heading">
        {area}
      </h3>
      <div className="vi-field">
        <label htmlFor={`${prefix}-status`}>{t('checklist.status', { area })}</label>
        <select
          id={`${prefix}-status`}
          value={status}
          onChange={(e) => setStatus(e.target.value as CounsellingItemStatusCode)}
          aria-invalid={errorsFor('status').length > 0 || undefined}
          aria-describedby={errorsFor('status').length ? `${prefix}-status-errors` : undefined}
        >
          {COUNSELLING_ITEM_STATUSES.map((s) => (
            <option key={s.code} value={s.code}>
              {s.label[locale]}
            </option>
          ))}
        </select>
        <FieldErrors id={`${prefix}-status-errors`} errors={errorsFor('status')} />
      </div>
      <TextField
        id={`${prefix}-due`}
        type="date"
        label={t('checklist.dueOn', { area })}
        value={dueOn}
        onValueChange={setDueOn}
        errors={errorsFor('dueOn')}
      />
      {status === 'DONE' ? (
        <TextField
          id={`${prefix}-completed`}
          type="date"
          label={t('checklist.completedOn', { area })}
          value={completedOn}
          max={todayIso()}
          onValueChange={setCompletedOn}
          errors={errorsFor('completedOn')}
        />
      ) : null}
      <button type="submit" className="vi-button" disabled={result.fetching}>
        {t('checklist.save', { area })}
      </button>
      <StatusMessage text={saved} />
    </form>
  );
}

function HoursRow({
  stayId,
  personId,
  who,
  hours,
  onSaved,
}: {
  stayId: string;
  personId: string;
  who: string;
  hours: { booked: number; used: number } | undefined;
  onSaved: Refresh;
}) {
  const t = useT(shelterMessages);
  const [booked, setBooked] = useState(decimalComma(hours?.booked ?? 0));
  const [used, setUsed] = useState(decimalComma(hours?.used ?? 0));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [result, save] = useMutation(SetPsychologistHoursMutation);
  const errorsFor = (field: string) => errors.filter((e) => e.field === field);
  const prefix = `hours-${personId}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const values = { booked: numberOf(booked), used: numberOf(used) };
    const notNumbers = (['booked', 'used'] as const)
      .filter((field) => Number.isNaN(values[field]))
      .map((field) => ({
        field,
        code: 'NOT_A_NUMBER',
        message: { da: 'Skriv et tal.', en: 'Enter a number.' },
      }));
    if (notNumbers.length) {
      setErrors(notNumbers);
      return;
    }
    const outcome = await save({ input: { stayId, personId, ...values } });
    setErrors(problemOf(outcome.error)?.fields ?? []);
    if (outcome.data) {
      setSaved(t('hours.saved', { who }));
      onSaved();
    }
  }
  return (
    <form noValidate onSubmit={submit} className="gc-checklist-row" aria-labelledby={`${prefix}-label`}>
      <h3 id={`${prefix}-label`} className="gc-row-heading">
        {who}
      </h3>
      <TextField
        id={`${prefix}-booked`}
        label={t('hours.booked', { who })}
        value={booked}
        inputMode="decimal"
        onValueChange={setBooked}
        errors={errorsFor('booked')}
      />
      <TextField
        id={`${prefix}-used`}
        label={t('hours.used', { who })}
        value={used}
        inputMode="decimal"
        onValueChange={setUsed}
        errors={errorsFor('used')}
      />
      <button type="submit" className="vi-button" disabled={result.fetching}>
        {t('hours.save', { who })}
      </button>
      <StatusMessage text={saved} />
    </form>
  );
}

type Referral = {
  id: string;
  offer: CivilSocietyOfferCode;
  ownOfferName: string | null;
  status: CivilSocietyReferralStatusCode;
  nextStatuses: readonly CivilSocietyReferralStatusCode[];
  offeredOn: string;
  consentGivenOn: string | null;
  referredOn: string | null;
  startedOn: string | null;
  outcome: CivilSocietyOutcomeCode | null;
};

/** The dates and outcome a status needs (the domain's status list says which), as form fields. */
function ReferralFields({
  prefix,
  status,
  values,
  set,
  errorsFor,
}: {
  prefix: string;
  status: CivilSocietyReferralStatusCode;
  values: { consentGivenOn: string; referredOn: string; startedOn: string; outcome: string };
  set: (field: 'consentGivenOn' | 'referredOn' | 'startedOn' | 'outcome', value: string) => void;
  errorsFor: (field: string) => FieldError[];
}) {
  const t = useT(shelterMessages);
  const { locale } = useLocale();
  const entry = entryOf(CIVIL_SOCIETY_REFERRAL_STATUSES, status);
  if (!entry) return null;
  const outcomes = CIVIL_SOCIETY_OUTCOMES.filter((o) => (o.statuses as readonly string[]).includes(status));
  return (
    <>
      {entry.consent ? (
        <>
          <TextField
            id={`${prefix}-consent`}
            type="date"
            label={t('civil.consentGivenOn')}
            value={values.consentGivenOn}
            max={todayIso()}
            onValueChange={(v) => set('consentGivenOn', v)}
            errors={errorsFor('consentGivenOn')}
          />
          <TextField
            id={`${prefix}-referred`}
            type="date"
            label={t('civil.referredOn')}
            value={values.referredOn}
            max={todayIso()}
            onValueChange={(v) => set('referredOn', v)}
            errors={errorsFor('referredOn')}
          />
        </>
      ) : null}
      {entry.uptake ? (
        <TextField
          id={`${prefix}-started`}
          type="date"
          label={t('civil.startedOn')}
          value={values.startedOn}
          max={todayIso()}
          onValueChange={(v) => set('startedOn', v)}
          errors={errorsFor('startedOn')}
        />
      ) : null}
      {entry.outcome ? (
        <div className="vi-field">
          <label htmlFor={`${prefix}-outcome`}>{t('civil.outcome')}</label>
          <select
            id={`${prefix}-outcome`}
            value={values.outcome}
            onChange={(e) => set('outcome', e.target.value)}
            aria-invalid={errorsFor('outcome').length > 0 || undefined}
            aria-describedby={errorsFor('outcome').length ? `${prefix}-outcome-errors` : undefined}
          >
            <option value="">{t('civil.chooseOutcome')}</option>
            {outcomes.map((o) => (
              <option key={o.code} value={o.code}>
                {o.label[locale]}
              </option>
            ))}
          </select>
          <FieldErrors id={`${prefix}-outcome-errors`} errors={errorsFor('outcome')} />
        </div>
      ) : null}
    </>
  );
}

function offerName(referral: Pick<Referral, 'offer' | 'ownOfferName'>, locale: 'da' | 'en'): string {
  return referral.offer === 'OTHER' && referral.ownOfferName
    ? referral.ownOfferName
    : labelOf(CIVIL_SOCIETY_OFFERS, referral.offer, locale);
}

function useReferralForm(
  initial: Partial<Record<'consentGivenOn' | 'referredOn' | 'startedOn' | 'outcome', string>>,
) {
  const [values, setValues] = useState({
    consentGivenOn: initial.consentGivenOn ?? todayIso(),
    referredOn: initial.referredOn ?? todayIso(),
    startedOn: initial.startedOn ?? todayIso(),
    outcome: initial.outcome ?? '',
  });
  const set = (field: keyof typeof values, value: string) => setValues((v) => ({ ...v, [field]: value }));
  return { values, set };
}

/** The fields of a referral for the gateway: only the dates and outcome the status carries. */
function referralInput(
  status: CivilSocietyReferralStatusCode,
  values: ReturnType<typeof useReferralForm>['values'],
) {
  const entry = entryOf(CIVIL_SOCIETY_REFERRAL_STATUSES, status);
  return {
    consentGivenOn: entry?.consent ? values.consentGivenOn || null : null,
    referredOn: entry?.consent ? values.referredOn || null : null,
    startedOn: entry?.uptake ? values.startedOn || null : null,
    outcome: entry?.outcome ? ((values.outcome || null) as CivilSocietyOutcomeCode | null) : null,
  };
}

function ReferralRow({
  stayId,
  referral,
  onSaved,
}: {
  stayId: string;
  referral: Referral;
  onSaved: Refresh;
}) {
  const t = useT(shelterMessages);
  const { locale } = useLocale();
  const name = offerName(referral, locale);
  const [next, setNext] = useState<CivilSocietyReferralStatusCode | ''>(referral.nextStatuses[0] ?? '');
  const form = useReferralForm({
    consentGivenOn: referral.consentGivenOn ?? undefined,
    referredOn: referral.referredOn ?? undefined,
    startedOn: referral.startedOn ?? undefined,
    outcome: referral.outcome ?? undefined,
  });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [result, save] = useMutation(SaveCivilSocietyReferralMutation);
  const errorsFor = (field: string) => errors.filter((e) => e.field === field);
  const prefix = `referral-${referral.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!next) return;
    setSaved(null);
    const outcome = await save({
      input: {
        id: referral.id,
        stayId,
        offer: referral.offer,
        ownOfferId: null,
        status: next,
        offeredOn: referral.offeredOn,
        ...referralInput(next, form.values),
      },
    });
    setErrors(problemOf(outcome.error)?.fields ?? []);
    if (outcome.data) {
      setSaved(t('civil.saved', { offer: name }));
      onSaved();
    }
  }
  return (
    <li>
      <p>
        <strong>{name}</strong>: {labelOf(CIVIL_SOCIETY_REFERRAL_STATUSES, referral.status, locale)}
        {referral.outcome ? ` (${labelOf(CIVIL_SOCIETY_OUTCOMES, referral.outcome, locale)})` : ''}.{' '}
        <span className="gc-muted">
          {t('civil.offeredOn')} {danishDate(referral.offeredOn)}
          {referral.consentGivenOn
            ? `; ${t('civil.consentGivenOn')} ${danishDate(referral.consentGivenOn)}`
            : ''}
          {referral.startedOn ? `; ${t('civil.startedOn')} ${danishDate(referral.startedOn)}` : ''}
        </span>
      </p>
      {referral.nextStatuses.length && next ? (
        <form
          noValidate
          onSubmit={submit}
          className="gc-checklist-row"
          aria-label={t('civil.update', { offer: name })}
        >
          <div className="vi-field">
            <label htmlFor={`${prefix}-status`}>{t('civil.status')}</label>
            <select
              id={`${prefix}-status`}
              value={next}
              onChange={(e) => setNext(e.target.value as CivilSocietyReferralStatusCode)}
            >
              {referral.nextStatuses.map((code) => (
                <option key={code} value={code}>
                  {labelOf(CIVIL_SOCIETY_REFERRAL_STATUSES, code, locale)}
                </option>
              ))}
            </select>
            <FieldErrors id={`${prefix}-status-errors`} errors={errorsFor('status')} />
          </div>
          <ReferralFields
            prefix={prefix}
            status={next}
            values={form.values}
            set={form.set}
            errorsFor={errorsFor}
          />
          <button type="submit" className="vi-button" disabled={result.fetching}>
            {t('civil.update', { offer: name })}
          </button>
        </form>
      ) : (
        <p className="gc-muted">{t('civil.final')}</p>
      )}
      <StatusMessage text={saved} />
    </li>
  );
}

/** The first statuses a new referral can have: offered, declined, or referred at once with consent. */
const NEW_REFERRAL_STATUSES = ['OFFERED', 'DECLINED', 'REFERRED'] as const;

function NewReferralForm({
  stayId,
  ownOffers,
  onSaved,
}: {
  stayId: string;
  ownOffers: ReadonlyArray<{ id: string; name: string }>;
  onSaved: Refresh;
}) {
  const t = useT(shelterMessages);
  const { locale } = useLocale();
  const [offer, setOffer] = useState('QNET');
  const [status, setStatus] = useState<(typeof NEW_REFERRAL_STATUSES)[number]>('REFERRED');
  const [offeredOn, setOfferedOn] = useState(todayIso());
  const form = useReferralForm({});
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [result, save] = useMutation(SaveCivilSocietyReferralMutation);
  const errorsFor = (field: string) => errors.filter((e) => e.field === field);
  const own = ownOffers.find((o) => `OTHER:${o.id}` === offer);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const outcome = await save({
      input: {
        stayId,
        offer: own ? 'OTHER' : (offer as CivilSocietyOfferCode),
        ownOfferId: own?.id ?? null,
        status,
        offeredOn,
        ...referralInput(status, form.values),
      },
    });
    setErrors(problemOf(outcome.error)?.fields ?? []);
    if (outcome.data) {
      setSaved(
        t('civil.saved', {
          offer: own?.name ?? labelOf(CIVIL_SOCIETY_OFFERS, offer as CivilSocietyOfferCode, locale),
        }),
      );
      onSaved();
    }
  }
  return (
    <form noValidate onSubmit={submit} className="gc-form" aria-labelledby="new-referral-heading">
      <h3 id="new-referral-heading">{t('civil.newHeading')}</h3>
      <div className="vi-field">
        <label htmlFor="new-referral-offer">{t('civil.offer')}</label>
        <select
          id="new-referral-offer"
          value={offer}
          onChange={(e) => setOffer(e.target.value)}
          aria-describedby={errorsFor('ownOfferId').length ? 'new-referral-offer-errors' : undefined}
        >
          {CIVIL_SOCIETY_OFFERS.filter((o) => o.code !== 'OTHER').map((o) => (
            <option key={o.code} value={o.code}>
              {o.label[locale]}
            </option>
          ))}
          {ownOffers.map((o) => (
            <option key={o.id} value={`OTHER:${o.id}`}>
              {t('civil.ownOffer', { name: o.name })}
            </option>
          ))}
        </select>
        <FieldErrors
          id="new-referral-offer-errors"
          errors={[...errorsFor('offer'), ...errorsFor('ownOfferId')]}
        />
      </div>
      <div className="vi-field">
        <label htmlFor="new-referral-status">{t('civil.status')}</label>
        <select
          id="new-referral-status"
          value={status}
          onChange={(e) => setStatus(e.target.value as (typeof NEW_REFERRAL_STATUSES)[number])}
        >
          {NEW_REFERRAL_STATUSES.map((code) => (
            <option key={code} value={code}>
              {labelOf(CIVIL_SOCIETY_REFERRAL_STATUSES, code, locale)}
            </option>
          ))}
        </select>
        <FieldErrors id="new-referral-status-errors" errors={errorsFor('status')} />
      </div>
      <TextField
        id="new-referral-offered"
        type="date"
        label={t('civil.offeredOn')}
        value={offeredOn}
        max={todayIso()}
        onValueChange={setOfferedOn}
        errors={errorsFor('offeredOn')}
      />
      <ReferralFields
        prefix="new-referral"
        status={status}
        values={form.values}
        set={form.set}
        errorsFor={errorsFor}
      />
      <button type="submit" className="vi-button vi-button--primary" disabled={result.fetching}>
        {t('civil.create')}
      </button>
      <StatusMessage text={saved} />
    </form>
  );
}

function OwnOfferForm({ onSaved }: { onSaved: Refresh }) {
  const t = useT(shelterMessages);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [result, add] = useMutation(AddCivilSocietyOwnOfferMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const outcome = await add({ name });
    setErrors(problemOf(outcome.error)?.fields ?? []);
    const added = outcome.data?.addCivilSocietyOwnOffer;
    if (added) {
      setSaved(t('civil.ownAdded', { name: added.name }));
      setName('');
      onSaved();
    }
  }
  return (
    <form noValidate onSubmit={submit} className="gc-form" aria-labelledby="own-offer-heading">
      <h3 id="own-offer-heading">{t('civil.addOwnHeading')}</h3>
      <TextField
        id="own-offer-name"
        label={t('civil.ownName')}
        value={name}
        onValueChange={setName}
        errors={errors.filter((e) => e.field === 'name')}
      />
      <button type="submit" className="vi-button" disabled={result.fetching}>
        {t('civil.addOwn')}
      </button>
      <StatusMessage text={saved} />
    </form>
  );
}

function StartUpRow({
  stayId,
  need,
  current,
  onSaved,
}: {
  stayId: string;
  need: StartUpHelpNeedCode;
  current: { status: StartUpHelpStatusCode; amount: number | null } | undefined;
  onSaved: Refresh;
}) {
  const t = useT(shelterMessages);
  const { locale } = useLocale();
  const label = labelOf(START_UP_HELP_NEEDS, need, locale);
  const [status, setStatus] = useState<StartUpHelpStatusCode | ''>(current?.status ?? '');
  const [amount, setAmount] = useState(current?.amount === null || !current ? '' : String(current.amount));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [result, save] = useMutation(SetStartUpHelpNeedMutation);
  const errorsFor = (field: string) => errors.filter((e) => e.field === field);
  const prefix = `start-up-${need}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!status) return;
    setSaved(null);
    const trimmed = amount.trim();
    if (trimmed !== '' && !/^\d+$/.test(trimmed)) {
      setErrors([
        {
          field: 'amount',
          code: 'NOT_AN_INTEGER',
          message: { da: 'Skriv et helt tal.', en: 'Enter a whole number.' },
        },
      ]);
      return;
    }
    const outcome = await save({
      input: { stayId, need, status, amount: trimmed === '' ? null : Number(trimmed) },
    });
    setErrors(problemOf(outcome.error)?.fields ?? []);
    if (outcome.data) {
      setSaved(t('startUp.saved', { need: label }));
      onSaved();
    }
  }
  return (
    <form noValidate onSubmit={submit} className="gc-checklist-row" aria-labelledby={`${prefix}-label`}>
      <h3 id={`${prefix}-label`} className="gc-row-heading">
        {label}
      </h3>
      <div className="vi-field">
        <label htmlFor={`${prefix}-status`}>{t('startUp.status', { need: label })}</label>
        <select
          id={`${prefix}-status`}
          value={status}
          onChange={(e) => setStatus(e.target.value as StartUpHelpStatusCode)}
          aria-describedby={errorsFor('need').length ? `${prefix}-need-errors` : undefined}
        >
          <option value="">{t('startUp.notRecorded')}</option>
          {START_UP_HELP_STATUSES.map((s) => (
            <option key={s.code} value={s.code}>
              {s.label[locale]}
            </option>
          ))}
        </select>
        <FieldErrors id={`${prefix}-need-errors`} errors={[...errorsFor('need'), ...errorsFor('status')]} />
      </div>
      <TextField
        id={`${prefix}-amount`}
        label={t('startUp.amount', { need: label })}
        value={amount}
        inputMode="numeric"
        onValueChange={setAmount}
        errors={errorsFor('amount')}
      />
      <button type="submit" className="vi-button" disabled={result.fetching || !status}>
        {t('startUp.save', { need: label })}
      </button>
      <StatusMessage text={saved} />
    </form>
  );
}

/** One stay: facts, move-out, the § 109 checklist, psychologist hours, civil-society referral, start-up help. */
export function ShelterStayScreen({ stayId }: { stayId: string }) {
  const t = useT(shelterMessages);
  const { locale } = useLocale();
  const [answer, refetch] = useQuery({ query: ShelterStayQuery, variables: { id: stayId } });
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  // The pseudonym of a stay this screen cancelled: it no longer exists, so the screen says so.
  const [cancelled, setCancelled] = useState<string | null>(null);
  const stay = answer.data?.shelterStay;
  if (cancelled !== null) {
    return (
      <>
        <h1>{t('cancel.heading')}</h1>
        <p role="status">{t('cancel.done', { pseudonym: cancelled })}</p>
        <p>
          <AppLink to="shelter">{t('stay.back')}</AppLink>
        </p>
      </>
    );
  }
  if (!stay) {
    return (
      <>
        <p>
          <AppLink to="shelter">{t('stay.back')}</AppLink>
        </p>
        {answer.fetching ? <p>{t('common.loading')}</p> : <ProblemAlert problem={problemOf(answer.error)} />}
      </>
    );
  }
  const hasChildren = stay.children.length > 0;
  const hoursOf = (personId: string) => stay.psychologistHours.find((h) => h.personId === personId);
  const persons = [
    { personId: stay.personId, who: t('hours.woman', { pseudonym: stay.pseudonym }) },
    ...stay.children.map((c) => ({
      personId: c.personId,
      who: t('hours.child', { pseudonym: c.pseudonym }),
    })),
  ];
  // Each row keeps its own form state (so its "saved" message stays); the checklist rows start again
  // when the move-out changes (the gateway moves their due dates to it) or a child arrives (it reopens
  // the children's areas marked not relevant).
  return (
    <>
      <p>
        <AppLink to="shelter">{t('stay.back')}</AppLink>
      </p>
      <h1>{t('stay.heading', { pseudonym: stay.pseudonym })}</h1>
      <p>
        {t('stay.facts', {
          admitted: danishDate(stay.admittedOn),
          planned: stay.plannedMoveOutOn ? danishDate(stay.plannedMoveOutOn) : '–',
        })}{' '}
        {stay.movedOutOn ? t('stay.movedOut', { date: danishDate(stay.movedOutOn) }) : null}
      </p>
      <p>
        {hasChildren
          ? t('stay.children', {
              list: stay.children
                .map((c) => `${c.pseudonym}${c.birthYear ? ` (${c.birthYear})` : ''}`)
                .join(', '),
            })
          : t('stay.noChildren')}
      </p>
      {stay.movedOutOn ? null : <AddChildForm stayId={stay.id} onAdded={refresh} />}
      {stay.repeatStay ? <p className="gc-notice">{t('stay.repeatNotice')}</p> : null}
      {stay.matchableAcrossShelters ? null : <p className="gc-muted">{t('stay.notMatchable')}</p>}

      <MoveOutSection stay={stay} onSaved={refresh} />

      <section aria-labelledby="checklist-heading">
        <h2 id="checklist-heading">{t('checklist.heading')}</h2>
        <p>{t('checklist.intro')}</p>
        <p role="status">
          {stay.counsellingCoveredBeforeMoveOut === true
            ? t('checklist.allCovered')
            : stay.counsellingCoveredBeforeMoveOut === false
              ? t('checklist.notAllCovered')
              : stay.openCounsellingAreas.length
                ? t('checklist.open', {
                    list: stay.openCounsellingAreas
                      .map((a) => labelOf(COUNSELLING_AREAS, a, locale))
                      .join(', '),
                  })
                : t('checklist.done')}
        </p>
        {stay.counsellingItems.map((item) => (
          <ChecklistRow
            key={`${item.id}:${stay.plannedMoveOutOn}:${stay.movedOutOn}:${stay.children.length}`}
            stayId={stay.id}
            item={item}
            onSaved={refresh}
          />
        ))}
      </section>

      <section aria-labelledby="hours-heading">
        <h2 id="hours-heading">{t('hours.heading')}</h2>
        <p>{t('hours.intro', { max: PSYCHOLOGIST_HOURS_PER_PERSON })}</p>
        {persons.map((p) => {
          const hours = hoursOf(p.personId);
          return (
            <HoursRow
              key={p.personId}
              stayId={stay.id}
              personId={p.personId}
              who={p.who}
              hours={hours}
              onSaved={refresh}
            />
          );
        })}
      </section>

      <section aria-labelledby="civil-heading">
        <h2 id="civil-heading">{t('civil.heading')}</h2>
        <p>{t('civil.intro')}</p>
        {stay.civilSocietyReferrals.length ? (
          <ul className="gc-list">
            {stay.civilSocietyReferrals.map((referral) => (
              <ReferralRow
                key={`${referral.id}:${referral.status}`}
                stayId={stay.id}
                referral={referral}
                onSaved={refresh}
              />
            ))}
          </ul>
        ) : null}
        <NewReferralForm
          stayId={stay.id}
          ownOffers={answer.data?.civilSocietyOwnOffers ?? []}
          onSaved={refresh}
        />
        <OwnOfferForm onSaved={refresh} />
      </section>

      <section aria-labelledby="start-up-heading">
        <h2 id="start-up-heading">{t('startUp.heading')}</h2>
        <p>{t('startUp.intro')}</p>
        {START_UP_HELP_NEEDS.filter((n) => hasChildren || !n.childrenOnly).map((n) => {
          const current = stay.startUpHelp.find((s) => s.need === n.code);
          return (
            <StartUpRow key={n.code} stayId={stay.id} need={n.code} current={current} onSaved={refresh} />
          );
        })}
      </section>

      <CancelAdmissionSection stay={stay} onCancelled={() => setCancelled(stay.pseudonym)} />
    </>
  );
}

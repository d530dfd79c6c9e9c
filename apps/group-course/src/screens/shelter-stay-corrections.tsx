import { fieldError } from '@vi/domain';
import { type FieldError, FieldErrors, TextField, useT } from '@vi/ui';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../graphql.ts';
import { danishDate } from './calendar.ts';
import { ProblemAlert, problemOf, StatusMessage } from './form-problem.tsx';
import { shelterMessages } from './shelter-messages.ts';

// Two corrections on the stay screen: a child who arrives after the admission, and an admission
// registered by mistake cancelled (after a confirm step: it deletes the stay and what hangs on it).

const AddShelterChildMutation = graphql(`
  mutation AddShelterChild($stayId: ID!, $birthYear: Int!) {
    addShelterChild(stayId: $stayId, birthYear: $birthYear) { id children { id personId pseudonym birthYear } }
  }
`);

const CancelShelterAdmissionMutation = graphql(`
  mutation CancelShelterAdmission($stayId: ID!, $reason: ShelterAdmissionCancelReason!) {
    cancelShelterAdmission(stayId: $stayId, reason: $reason)
  }
`);

export const CANCEL_REASONS = ['DUPLICATE', 'WRONG_WOMAN', 'WRONG_SHELTER', 'NOT_ADMITTED'] as const;
type CancelReason = (typeof CANCEL_REASONS)[number];

/** A child arriving after the admission: its birth year, then it is on the stay like the others. */
export function AddChildForm({ stayId, onAdded }: { stayId: string; onAdded: () => void }) {
  const t = useT(shelterMessages);
  const [birthYear, setBirthYear] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [result, add] = useMutation(AddShelterChildMutation);
  const errorsFor = (field: string) => errors.filter((e) => e.field === field);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const trimmed = birthYear.trim();
    if (!/^\d+$/.test(trimmed)) {
      setErrors([fieldError('birthYear', trimmed === '' ? 'REQUIRED' : 'NOT_AN_INTEGER')]);
      return;
    }
    const outcome = await add({ stayId, birthYear: Number(trimmed) });
    setErrors(problemOf(outcome.error)?.fields ?? []);
    const children = outcome.data?.addShelterChild.children;
    if (children) {
      // The newest child is the one not there before; the gateway lists them by arrival.
      const added = children[children.length - 1];
      setSaved(t('children.added', { pseudonym: added?.pseudonym ?? '' }));
      setBirthYear('');
      onAdded();
    }
  }
  const problem = problemOf(result.error);
  return (
    <section aria-labelledby="add-child-heading">
      <h2 id="add-child-heading">{t('children.addHeading')}</h2>
      <p className="gc-muted">{t('children.addIntro')}</p>
      <form noValidate onSubmit={submit} className="gc-inline" aria-labelledby="add-child-heading">
        <TextField
          id="add-child-birth-year"
          label={t('children.birthYear')}
          value={birthYear}
          inputMode="numeric"
          onValueChange={setBirthYear}
          errors={errorsFor('birthYear')}
        />
        <button type="submit" className="vi-button" disabled={result.fetching}>
          {t('children.add')}
        </button>
      </form>
      <FieldErrors id="add-child-stay-errors" errors={errorsFor('stayId')} />
      <ProblemAlert problem={problem && problem.fields.length === 0 ? problem : null} />
      <StatusMessage text={saved} />
    </section>
  );
}

/**
 * Cancelling an admission registered by mistake: a reason, then a confirm step naming what goes.
 * `onCancelled` gets the pseudonym for the screen's last word on the stay.
 */
export function CancelAdmissionSection({
  stay,
  onCancelled,
}: {
  stay: { id: string; pseudonym: string; admittedOn: string };
  onCancelled: () => void;
}) {
  const t = useT(shelterMessages);
  const [reason, setReason] = useState<CancelReason | ''>('');
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [result, cancel] = useMutation(CancelShelterAdmissionMutation);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const errorsFor = (field: string) => errors.filter((e) => e.field === field);

  // The confirm step takes the focus (its text is read first); going back returns it.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  function start(event: FormEvent) {
    event.preventDefault();
    if (!reason) {
      setErrors([fieldError('reason', 'REQUIRED')]);
      return;
    }
    setErrors([]);
    setConfirming(true);
  }
  function keep() {
    setConfirming(false);
    startRef.current?.focus();
  }
  async function confirm() {
    if (!reason) return;
    // The answer is a plain true: name the type whose cached lists (the stays) must be fetched again.
    const outcome = await cancel({ stayId: stay.id, reason }, { additionalTypenames: ['ShelterStay'] });
    setErrors(problemOf(outcome.error)?.fields ?? []);
    if (outcome.data?.cancelShelterAdmission) onCancelled();
  }
  const problem = problemOf(result.error);
  return (
    <section aria-labelledby="cancel-heading">
      <h2 id="cancel-heading">{t('cancel.heading')}</h2>
      <p className="gc-muted">{t('cancel.intro')}</p>
      <form noValidate onSubmit={start} className="gc-inline" aria-label={t('cancel.heading')}>
        <div className="vi-field">
          <label htmlFor="cancel-reason">{t('cancel.reason')}</label>
          <select
            id="cancel-reason"
            value={reason}
            disabled={confirming}
            onChange={(e) => setReason(e.target.value as CancelReason | '')}
            aria-invalid={errorsFor('reason').length > 0 || undefined}
            aria-describedby={errorsFor('reason').length ? 'cancel-reason-errors' : undefined}
          >
            <option value="">{t('cancel.chooseReason')}</option>
            {CANCEL_REASONS.map((code) => (
              <option key={code} value={code}>
                {t(`cancel.reason.${code}`)}
              </option>
            ))}
          </select>
          <FieldErrors id="cancel-reason-errors" errors={errorsFor('reason')} />
        </div>
        {confirming ? null : (
          <button type="submit" className="vi-button" ref={startRef}>
            {t('cancel.start')}
          </button>
        )}
      </form>
      {confirming ? (
        <div className="gc-notice">
          <p id="cancel-confirm-text" ref={confirmRef} tabIndex={-1}>
            {t('cancel.confirmText', {
              pseudonym: stay.pseudonym,
              admitted: danishDate(stay.admittedOn),
              reason: reason ? t(`cancel.reason.${reason}`) : '',
            })}
          </p>
          <button type="button" className="vi-button" onClick={confirm} disabled={result.fetching}>
            {t('cancel.confirm')}
          </button>{' '}
          <button type="button" className="vi-button" onClick={keep}>
            {t('cancel.keep')}
          </button>
        </div>
      ) : null}
      <ProblemAlert problem={problem && problem.fields.length === 0 ? problem : null} />
    </section>
  );
}

import { COUNSELLING_AREAS, fieldError, labelOf } from '@vi/domain';
import { type FieldError, TextField, useLocale, useT } from '@vi/ui';
import type { ResultOf } from 'gql.tada';
import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { AppLink } from './app-link.tsx';
import { danishDate, todayIso } from './calendar.ts';
import { ProblemAlert, problemOf, StatusMessage } from './form-problem.tsx';
import { shelterMessages } from './shelter-messages.ts';

const ShelterStaysQuery = graphql(`
  query ShelterStays {
    shelterStays { id personId pseudonym admittedOn plannedMoveOutOn movedOutOn repeatStay openCounsellingAreas }
  }
`);

const AdmitToShelterMutation = graphql(`
  mutation AdmitToShelter($input: AdmitToShelterInput!) {
    admitToShelter(input: $input) { id pseudonym repeatStay }
  }
`);

/** A whole number typed in a field: null when empty, NaN when it is not one. */
function wholeNumber(value: string): number | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

type EarlierWoman = { personId: string; pseudonym: string };

function AdmitForm({ earlier, onAdmitted }: { earlier: readonly EarlierWoman[]; onAdmitted: () => void }) {
  const t = useT(shelterMessages);
  const [personId, setPersonId] = useState('');
  const [cprNumber, setCprNumber] = useState('');
  const [birthYear, setBirthYear] = useState('');
  const [admittedOn, setAdmittedOn] = useState(todayIso());
  const [plannedMoveOutOn, setPlannedMoveOutOn] = useState('');
  const [children, setChildren] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [result, admit] = useMutation(AdmitToShelterMutation);
  const errorsFor = (field: string) => errors.filter((e) => e.field === field);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    // A year that is not a whole number cannot be sent as one: say so at the field.
    const years = [
      ['birthYear', birthYear] as const,
      ...children.map((y, i) => [`children.${i}.birthYear`, y] as const),
    ];
    const notNumbers = years
      .filter(
        ([field, value]) =>
          Number.isNaN(wholeNumber(value)) || (field !== 'birthYear' && value.trim() === ''),
      )
      .map(([field]) => fieldError(field, 'NOT_AN_INTEGER'));
    if (notNumbers.length) {
      setErrors(notNumbers);
      return;
    }
    const outcome = await admit({
      input: {
        personId: personId || null,
        cprNumber: cprNumber.trim() || null,
        birthYear: personId ? null : wholeNumber(birthYear),
        admittedOn,
        plannedMoveOutOn,
        children: children.map((year) => ({ birthYear: wholeNumber(year) ?? 0 })),
      },
    });
    const problem = problemOf(outcome.error);
    setErrors(problem?.fields ?? []);
    const stay = outcome.data?.admitToShelter;
    if (stay) {
      setSaved(t(stay.repeatStay ? 'stays.admittedRepeat' : 'stays.admitted', { pseudonym: stay.pseudonym }));
      setCprNumber('');
      setBirthYear('');
      setPersonId('');
      setChildren([]);
      onAdmitted();
    }
  }

  return (
    <form noValidate onSubmit={submit} className="gc-form" aria-labelledby="admit-heading">
      <h2 id="admit-heading">{t('stays.admitHeading')}</h2>
      {earlier.length ? (
        <div className="vi-field">
          <label htmlFor="admit-earlier">{t('stays.earlier')}</label>
          <select id="admit-earlier" value={personId} onChange={(e) => setPersonId(e.target.value)}>
            <option value="">{t('stays.newWoman')}</option>
            {earlier.map((woman) => (
              <option key={woman.personId} value={woman.personId}>
                {woman.pseudonym}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <TextField
        id="admit-cpr"
        label={t('stays.cpr')}
        value={cprNumber}
        onValueChange={setCprNumber}
        errors={errorsFor('cprNumber')}
        autoComplete="off"
        inputMode="numeric"
        aria-describedby="admit-cpr-hint"
      />
      <p id="admit-cpr-hint" className="gc-muted gc-small">
        {t('stays.cprHint')}
      </p>
      {personId ? null : (
        <TextField
          id="admit-birth-year"
          label={t('stays.birthYear')}
          value={birthYear}
          onValueChange={setBirthYear}
          errors={errorsFor('birthYear')}
          inputMode="numeric"
        />
      )}
      <TextField
        id="admit-admitted-on"
        type="date"
        label={t('stays.admittedOn')}
        value={admittedOn}
        max={todayIso()}
        onValueChange={setAdmittedOn}
        errors={errorsFor('admittedOn')}
      />
      <TextField
        id="admit-planned"
        type="date"
        label={t('stays.plannedMoveOutOn')}
        value={plannedMoveOutOn}
        onValueChange={setPlannedMoveOutOn}
        errors={errorsFor('plannedMoveOutOn')}
      />
      <fieldset className="vi-q-item">
        <legend>{t('stays.children')}</legend>
        {children.map((year, i) => (
          <div className="gc-inline" key={`child-${i.toString()}`}>
            <TextField
              id={`admit-child-${i}`}
              label={t('stays.childBirthYear', { number: i + 1 })}
              value={year}
              inputMode="numeric"
              onValueChange={(value) => setChildren((list) => list.map((y, j) => (j === i ? value : y)))}
              errors={errorsFor(`children.${i}.birthYear`)}
            />
            <button
              type="button"
              className="vi-button"
              onClick={() => setChildren((list) => list.filter((_, j) => j !== i))}
            >
              {t('stays.removeChild', { number: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" className="vi-button" onClick={() => setChildren((list) => [...list, ''])}>
          {t('stays.addChild')}
        </button>
      </fieldset>
      <ProblemAlert problem={errors.length ? null : problemOf(result.error)} />
      <StatusMessage text={saved} />
      <button type="submit" className="vi-button vi-button--primary" disabled={result.fetching}>
        {t('stays.admit')}
      </button>
    </form>
  );
}

type Stay = NonNullable<ResultOf<typeof ShelterStaysQuery>['shelterStays']>[number];

/**
 * Current stays first, the soonest planned move-out at the top: the § 109 checklist must be done
 * by then, so those are the stays the day's work is about. No planned date sorts last.
 */
export function currentStaysFirst<S extends Pick<Stay, 'movedOutOn' | 'plannedMoveOutOn' | 'admittedOn'>>(
  stays: readonly S[],
): { current: S[]; movedOut: S[] } {
  const current = stays
    .filter((s) => !s.movedOutOn)
    .sort(
      (a, b) =>
        (a.plannedMoveOutOn ?? '9999').localeCompare(b.plannedMoveOutOn ?? '9999') ||
        a.admittedOn.localeCompare(b.admittedOn),
    );
  const movedOut = stays
    .filter((s) => s.movedOutOn)
    .sort((a, b) => (b.movedOutOn ?? '').localeCompare(a.movedOutOn ?? ''));
  return { current, movedOut };
}

function StaysTable({ stays, caption }: { stays: readonly Stay[]; caption: string }) {
  const t = useT(shelterMessages);
  const { locale } = useLocale();
  return (
    <div className="gc-table-wrap">
      <table className="gc-table gc-stays-table">
        <caption className="vi-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stays.person')}</th>
            <th scope="col">{t('stays.admittedColumn')}</th>
            <th scope="col">{t('stays.moveOutColumn')}</th>
            <th scope="col">{t('stays.openAreas')}</th>
          </tr>
        </thead>
        <tbody>
          {stays.map((stay) => (
            <tr key={stay.id}>
              <th scope="row">
                <AppLink to={`shelter/${stay.id}`}>{stay.pseudonym}</AppLink>
                {stay.repeatStay ? <span className="gc-small gc-flag">{t('stays.repeat')}</span> : null}
              </th>
              <td>{danishDate(stay.admittedOn)}</td>
              <td>
                {stay.movedOutOn
                  ? danishDate(stay.movedOutOn)
                  : stay.plannedMoveOutOn
                    ? t('stays.planned', { date: danishDate(stay.plannedMoveOutOn) })
                    : null}
              </td>
              <td>
                {stay.openCounsellingAreas.length
                  ? stay.openCounsellingAreas
                      .map((area) => labelOf(COUNSELLING_AREAS, area, locale))
                      .join(', ')
                  : t('common.none')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The shelter's stays: the current ones first (what the day is about), then the admission form,
 * then the moved-out stays folded away (three years of them would bury the form on a phone).
 */
export function ShelterStaysScreen() {
  const t = useT(shelterMessages);
  const [list, refetch] = useQuery({ query: ShelterStaysQuery });
  const stays = list.data?.shelterStays ?? [];
  // Women whose stays here have all ended, to admit again by their pseudonym (with or without a CPR number).
  const earlier: EarlierWoman[] = [];
  for (const stay of stays) {
    if (earlier.some((w) => w.personId === stay.personId)) continue;
    if (stays.some((s) => s.personId === stay.personId && !s.movedOutOn)) continue;
    earlier.push({ personId: stay.personId, pseudonym: stay.pseudonym });
  }
  earlier.sort((a, b) => a.pseudonym.localeCompare(b.pseudonym));
  const { current, movedOut } = currentStaysFirst(stays);
  return (
    <>
      <h1>{t('stays.heading')}</h1>
      <p>{t('stays.intro')}</p>
      <section aria-labelledby="stays-heading">
        <h2 id="stays-heading">{t('stays.currentHeading', { count: current.length })}</h2>
        {current.length ? (
          <StaysTable stays={current} caption={t('stays.currentHeading', { count: current.length })} />
        ) : (
          <p>{list.fetching ? t('common.loading') : t('common.none')}</p>
        )}
      </section>
      <AdmitForm earlier={earlier} onAdmitted={() => refetch({ requestPolicy: 'network-only' })} />
      {movedOut.length ? (
        <details className="gc-details">
          <summary className="gc-details__summary">
            {t('stays.movedOutHeading', { count: movedOut.length })}
          </summary>
          <StaysTable stays={movedOut} caption={t('stays.movedOutHeading', { count: movedOut.length })} />
        </details>
      ) : null}
    </>
  );
}

import { AGE_GROUPS, GENDERS, INCIDENT_TYPES, labelOf, PERSON_ROLES } from '@vi/domain';
import { describeRequestProblem, useLocale, useProblemText, useT } from '@vi/ui';
import { useQuery } from 'urql';
import { graphql, type ResultOf, readFragment } from '../graphql.ts';
import { type ScreenMessageKey, screenMessages } from './outreach-screen-messages.ts';

const OverviewFields = graphql(`
  fragment OutreachOverviewFields on OutreachOverview {
    counts {
      identified withContactDetails inactiveType reached wantsCall declined willCallSelf
      referralsOpen conversationHeld registeredOther lost
    }
    rates {
      acceptance { rate numerator denominator }
      conversion { rate numerator denominator }
      referralsClosed
    }
  }
`);

const RowFields = graphql(`
  fragment AcceptanceRowFields on AcceptanceRow {
    group
    reached
    wantsCall { rate numerator }
    declined { rate numerator }
    willCallSelf { rate numerator }
  }
`);

const OverviewQuery = graphql(
  `
  query OutreachOverview {
    today: outreachOverview(period: TODAY) { ...OutreachOverviewFields }
    month: outreachOverview(period: THIS_MONTH) {
      ...OutreachOverviewFields
      byIncidentType { ...AcceptanceRowFields }
      byGender { ...AcceptanceRowFields }
      byAgeGroup { ...AcceptanceRowFields }
      byRole { ...AcceptanceRowFields }
    }
  }
`,
  [OverviewFields, RowFields],
);

type Overview = ResultOf<typeof OverviewFields>;
type Row = ResultOf<typeof RowFields>;

function percent(rate: number | null | undefined, locale: 'da' | 'en'): string {
  if (rate === null || rate === undefined) return '–';
  return new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(rate);
}

function Breakdown({
  caption,
  rows,
  label,
}: {
  caption: string;
  rows: readonly Row[];
  label: (group: string) => string;
}) {
  const t = useT(screenMessages);
  const { locale } = useLocale();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls sideways on a phone, so a keyboard must reach it (WCAG 2.1.1).
    <section className="or-table-wide" aria-label={caption} tabIndex={0}>
      <table className="or-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('overview.group')}</th>
            <th scope="col">{t('overview.reachedCol')}</th>
            <th scope="col">{t('overview.wantsCallCol')}</th>
            <th scope="col">{t('overview.declinedCol')}</th>
            <th scope="col">{t('overview.selfCol')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.group}>
              <th scope="row">{label(row.group)}</th>
              <td>{row.reached}</td>
              <td>{percent(row.wantsCall.rate, locale)}</td>
              <td>{percent(row.declined.rate, locale)}</td>
              <td>{percent(row.willCallSelf.rate, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Step 4 for the project lead: today and this month, and acceptance by group (same domain rates as the evaluation app). */
export function OverviewScreen() {
  const t = useT(screenMessages);
  const { locale } = useLocale();
  const problemText = useProblemText();
  const [{ data, error, fetching }] = useQuery({ query: OverviewQuery, requestPolicy: 'cache-and-network' });
  if (fetching && !data) return <p role="status">{t('common.loading')}</p>;
  if (error || !data) {
    return (
      <p role="alert" className="or-alert">
        {error ? problemText(describeRequestProblem(error)) : t('common.loading')}
      </p>
    );
  }
  const today: Overview = readFragment(OverviewFields, data.today);
  const month: Overview = readFragment(OverviewFields, data.month);
  const rows = (list: typeof data.month.byIncidentType): Row[] =>
    list.map((row) => readFragment(RowFields, row));
  const figures: ReadonlyArray<[ScreenMessageKey, (o: Overview) => string | number]> = [
    ['overview.identified', (o) => o.counts.identified],
    ['overview.withContact', (o) => o.counts.withContactDetails],
    ['overview.inactiveType', (o) => o.counts.inactiveType],
    ['overview.reached', (o) => o.counts.reached],
    ['overview.wantsCall', (o) => o.counts.wantsCall],
    ['overview.declined', (o) => o.counts.declined],
    ['overview.willCallSelf', (o) => o.counts.willCallSelf],
    ['overview.acceptance', (o) => percent(o.rates.acceptance.rate, locale)],
    ['overview.referralsOpen', (o) => o.counts.referralsOpen],
    ['overview.referralsClosed', (o) => o.rates.referralsClosed],
    ['overview.conversationHeld', (o) => o.counts.conversationHeld],
    ['overview.conversion', (o) => percent(o.rates.conversion.rate, locale)],
  ];
  const unknown = (group: string, label: () => string) =>
    group === 'UNKNOWN' ? t('overview.unknownGroup') : label();
  return (
    <section aria-labelledby="overview-heading" className="or-screen">
      <h1 id="overview-heading">{t('overview.heading')}</h1>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls sideways on a phone, so a keyboard must reach it (WCAG 2.1.1). */}
      <section className="or-table-wide" aria-label={t('overview.countsCaption')} tabIndex={0}>
        <table className="or-table" data-testid="overview-counts">
          <caption>{t('overview.countsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('overview.figure')}</th>
              <th scope="col">{t('overview.today')}</th>
              <th scope="col">{t('overview.month')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.map(([key, value]) => (
              <tr key={key}>
                <th scope="row">{t(key)}</th>
                <td>{value(today)}</td>
                <td>{value(month)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <h2>{t('overview.breakdownHeading')}</h2>
      <div className="or-breakdowns">
        <Breakdown
          caption={t('overview.byType')}
          rows={rows(data.month.byIncidentType)}
          label={(g) =>
            unknown(g, () => labelOf(INCIDENT_TYPES, g as (typeof INCIDENT_TYPES)[number]['code'], locale))
          }
        />
        <Breakdown
          caption={t('overview.byGender')}
          rows={rows(data.month.byGender)}
          label={(g) => unknown(g, () => labelOf(GENDERS, g as (typeof GENDERS)[number]['code'], locale))}
        />
        <Breakdown
          caption={t('overview.byAge')}
          rows={rows(data.month.byAgeGroup)}
          label={(g) =>
            unknown(g, () => labelOf(AGE_GROUPS, g as (typeof AGE_GROUPS)[number]['code'], locale))
          }
        />
        <Breakdown
          caption={t('overview.byRole')}
          rows={rows(data.month.byRole)}
          label={(g) =>
            unknown(g, () => labelOf(PERSON_ROLES, g as (typeof PERSON_ROLES)[number]['code'], locale))
          }
        />
      </div>
    </section>
  );
}

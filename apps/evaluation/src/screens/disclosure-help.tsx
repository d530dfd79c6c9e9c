import {
  COUNT_NOISE,
  DISCLOSURE_EXPLANATION,
  DISCLOSURE_METHOD_ID,
  MAGNITUDE_NOISE_SCALE,
  MAX_COUNT_NOISE,
  MIN_CELL,
} from '@vi/domain';
import { type Locale, useLocale, useT } from '@vi/ui';
import { type FragmentOf, graphql, readFragment } from '../graphql.ts';
import { dashboardMessages } from './dashboard-messages.ts';
import { DISCLOSURE_HELP_ID } from './data-table-view.tsx';
import { formatNumber } from './table-model.ts';

/** The method's parameters as the gateway applies them (the numbers the help text quotes). */
export const DisclosureHelpFields = graphql(`
  fragment DisclosureHelp on Evaluation {
    disclosure {
      methodId
      minCell
      maxCountNoise
      magnitudeNoiseScale
      countNoise { noise probability }
      dailyLimit
    }
  }
`);

type Disclosure = {
  methodId: string;
  minCell: number;
  maxCountNoise: number;
  magnitudeNoiseScale: number;
  countNoise: ReadonlyArray<{ noise: number; probability: number }>;
  dailyLimit: number | null;
};

/** Before the first answer (or when it failed) the domain's own constants, which the gateway uses. */
const DOMAIN_PARAMETERS: Disclosure = {
  methodId: DISCLOSURE_METHOD_ID,
  minCell: MIN_CELL,
  maxCountNoise: MAX_COUNT_NOISE,
  magnitudeNoiseScale: MAGNITUDE_NOISE_SCALE,
  countNoise: COUNT_NOISE,
  dailyLimit: null,
};

/** A noise as a signed whole number: "+2", "0", "−2" (with a real minus sign). */
export function signedNoise(noise: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { signDisplay: 'exceptZero' })
    .format(noise)
    .replace('-', '\u2212');
}

/**
 * "Sådan beskyttes tallene / How the figures are protected": the method in the domain's own words
 * (DISCLOSURE_EXPLANATION), its parameters and the noise table, so an evaluator can explain a figure.
 */
export function DisclosureHelp({ data }: { data: FragmentOf<typeof DisclosureHelpFields> | null }) {
  const t = useT(dashboardMessages);
  const { locale } = useLocale();
  const disclosure: Disclosure =
    (data && readFragment(DisclosureHelpFields, data).disclosure) || DOMAIN_PARAMETERS;
  const headingId = `${DISCLOSURE_HELP_ID}-heading`;
  return (
    <section className="ev-section ev-help" id={DISCLOSURE_HELP_ID} aria-labelledby={headingId}>
      <h2 id={headingId}>{DISCLOSURE_EXPLANATION.title[locale]}</h2>
      {DISCLOSURE_EXPLANATION.paragraphs.map((paragraph) => (
        <p key={paragraph.en} className="ev-lead">
          {paragraph[locale]}
        </p>
      ))}
      <div className="ev-help__details">
        <div>
          <h3>{t('help.parametersHeading')}</h3>
          <dl className="ev-help__parameters">
            <dt>{t('help.method')}</dt>
            <dd>{disclosure.methodId}</dd>
            <dt>{t('help.minCell')}</dt>
            <dd>{disclosure.minCell}</dd>
            <dt>{t('help.maxCountNoise')}</dt>
            <dd>{t('help.maxCountNoiseValue', { max: disclosure.maxCountNoise })}</dd>
            <dt>{t('help.magnitudeNoise')}</dt>
            <dd>
              {t('help.magnitudeNoiseValue', {
                percent: formatNumber(disclosure.magnitudeNoiseScale, 'percent', locale),
              })}
            </dd>
            {disclosure.dailyLimit !== null ? (
              <>
                <dt>{t('help.dailyLimit')}</dt>
                <dd>{disclosure.dailyLimit}</dd>
              </>
            ) : null}
          </dl>
        </div>
        <div className="ev-table">
          <table className="ev-help__noise" data-testid="disclosure-noise-table">
            <caption>{t('help.noiseTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('help.noise')}</th>
                <th scope="col">{t('help.probability')}</th>
              </tr>
            </thead>
            <tbody>
              {disclosure.countNoise.map(({ noise, probability }) => (
                <tr key={noise}>
                  <th scope="row">{signedNoise(noise, locale)}</th>
                  <td>{formatNumber(probability, 'percent', locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

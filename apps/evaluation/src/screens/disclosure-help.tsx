import {
  COUNT_NOISE_TAIL,
  countNoiseProbability,
  DISCLOSURE_EXPLANATION,
  DISCLOSURE_METHOD_ID,
  MAGNITUDE_NOISE_SCALE,
  MIN_CELL,
  USUAL_COUNT_NOISE,
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
      usualCountNoise
      tailProbability
      magnitudeNoiseScale
      countNoise { noise probability }
      dailyLimit
    }
  }
`);

type Disclosure = {
  methodId: string;
  minCell: number;
  usualCountNoise: number;
  tailProbability: number;
  magnitudeNoiseScale: number;
  countNoise: ReadonlyArray<{ noise: number; probability: number }>;
  dailyLimit: number | null;
};

/** Before the first answer (or when it failed) the domain's own constants, which the gateway uses. */
const DOMAIN_PARAMETERS: Disclosure = {
  methodId: DISCLOSURE_METHOD_ID,
  minCell: MIN_CELL,
  usualCountNoise: USUAL_COUNT_NOISE,
  tailProbability: COUNT_NOISE_TAIL.probability,
  magnitudeNoiseScale: MAGNITUDE_NOISE_SCALE,
  // What the gateway lists: −6 to +6 (further out each step halves, without end).
  countNoise: Array.from({ length: 13 }, (_, index) => index - 6).map((noise) => ({
    noise,
    probability: countNoiseProbability(noise),
  })),
  dailyLimit: null,
};

/** A noise as a signed whole number: "+2", "0", "−2" (with a real minus sign). */
export function signedNoise(noise: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', { signDisplay: 'exceptZero' })
    .format(noise)
    .replace('-', '\u2212');
}

/**
 * A probability as a percentage with up to three significant digits, so the rare tails read as
 * such (0,5 %, 0,125 %) instead of rounding to 0 %.
 */
export function probabilityText(probability: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    style: 'percent',
    maximumSignificantDigits: 3,
  }).format(probability);
}

/**
 * The share of cells whose noise stays within ±usualCountNoise (98 %), as the notes under tables say it.
 */
export function usualShareText(tailProbability: number, locale: Locale): string {
  return formatNumber(1 - 2 * tailProbability, 'percent', locale);
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
            <dt>
              {t('help.usualCountNoise', { share: usualShareText(disclosure.tailProbability, locale) })}
            </dt>
            <dd>{t('help.usualCountNoiseValue', { usual: disclosure.usualCountNoise })}</dd>
            <dt>{t('help.tailProbability', { usual: disclosure.usualCountNoise })}</dt>
            <dd>
              {t('help.tailProbabilityValue', { each: probabilityText(disclosure.tailProbability, locale) })}
            </dd>
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
                  <td>{probabilityText(probability, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="ev-note" data-testid="disclosure-noise-tails">
            {t('help.noiseTails', { last: Math.max(0, ...disclosure.countNoise.map(({ noise }) => noise)) })}
          </p>
        </div>
      </div>
    </section>
  );
}

import { labelOf, RISK_ROUTES, type RiskRouteCode } from '@vi/domain';
import { type FieldError, FieldErrors, useLocale, useT } from '@vi/ui';
import { screenMessages } from './screen-messages.ts';

const REFERRALS = RISK_ROUTES.filter((route) => !route.exclusive);
const NO_REFERRAL = RISK_ROUTES.filter((route) => route.exclusive);

function isExclusive(code: RiskRouteCode): boolean {
  return NO_REFERRAL.some((route) => route.code === code);
}

/**
 * The decision's routes. "No safety risk" and "declined" exclude every other answer, so they stand
 * apart under "eller" (or), and while one side is ticked the other side is disabled with the
 * reason beside it: nothing is unticked behind the assessor's back, and nothing impossible can be
 * ticked. Untick to change sides.
 */
export function RiskRoutesField({
  idPrefix,
  routes,
  onRoutesChange,
  errors,
}: {
  idPrefix: string;
  routes: readonly RiskRouteCode[];
  onRoutesChange: (routes: RiskRouteCode[]) => void;
  errors: readonly FieldError[];
}) {
  const t = useT(screenMessages);
  const { locale } = useLocale();
  const exclusiveChosen = routes.find(isExclusive);
  const referralChosen = routes.some((code) => !isExclusive(code));
  const noteId = `${idPrefix}-routes-note`;
  const note = exclusiveChosen
    ? t('risk.routesOnlyThis', { choice: labelOf(RISK_ROUTES, exclusiveChosen, locale) })
    : referralChosen
      ? t('risk.routesNoReferralDisabled')
      : null;

  function option(route: (typeof RISK_ROUTES)[number]) {
    const disabled = isExclusive(route.code)
      ? referralChosen || (exclusiveChosen !== undefined && exclusiveChosen !== route.code)
      : exclusiveChosen !== undefined;
    return (
      <label key={route.code} className={disabled ? 'vi-q-option gc-option--disabled' : 'vi-q-option'}>
        <input
          type="checkbox"
          name={`${idPrefix}-routes`}
          value={route.code}
          checked={routes.includes(route.code)}
          disabled={disabled}
          aria-describedby={disabled ? noteId : undefined}
          onChange={(e) =>
            onRoutesChange(
              e.target.checked ? [...routes, route.code] : routes.filter((code) => code !== route.code),
            )
          }
        />
        <span>{labelOf(RISK_ROUTES, route.code, locale)}</span>
      </label>
    );
  }

  return (
    <fieldset
      className="vi-q-item"
      id={`${idPrefix}-routes`}
      aria-describedby={errors.length ? `${idPrefix}-routes-errors` : undefined}
    >
      <legend className="vi-q-legend">{t('risk.routes')}</legend>
      <p className="vi-q-help">{t('risk.routesHelp')}</p>
      <div className="vi-q-options">{REFERRALS.map(option)}</div>
      <p className="gc-or" aria-hidden="true">
        {t('risk.routesOr')}
      </p>
      <div className="vi-q-options">{NO_REFERRAL.map(option)}</div>
      <p id={noteId} className="gc-muted gc-routes-note">
        {note}
      </p>
      <FieldErrors id={`${idPrefix}-routes-errors`} errors={errors} />
    </fieldset>
  );
}

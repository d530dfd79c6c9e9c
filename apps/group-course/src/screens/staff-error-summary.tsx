import { type FieldError, useLocalized, useT } from '@vi/ui';
import { forwardRef } from 'react';
import { screenMessages } from './screen-messages.ts';

/** A problem to list: the field's visible name, the message, and the id of the control to go to. */
export type SummaryEntry = { key: string; name: string; targetId: string; error: FieldError };

/** Moves focus to the field's own control (the checked or first option of a group) and brings it into view. */
function focusField(id: string): boolean {
  const target = document.getElementById(id);
  if (!target) return false;
  const control = target.matches('input, textarea, select')
    ? target
    : target.querySelector<HTMLElement>('input:checked, input, textarea, select');
  target.scrollIntoView({ block: 'center' });
  (control ?? target).focus({ preventScroll: true });
  return true;
}

/**
 * The problems of a staff form at its top, each a link naming its field (Det Fælles
 * Designsystem's error summary, GOV.UK's pattern). The form moves focus here when it is refused, so
 * a screen reader reads what to fix and one click takes the user to the field; the messages stay at
 * the fields too.
 */
export const StaffErrorSummary = forwardRef<
  HTMLDivElement,
  { idPrefix: string; entries: readonly SummaryEntry[] }
>(function StaffErrorSummary({ idPrefix, entries }, ref) {
  const t = useT(screenMessages);
  const text = useLocalized();
  return (
    <div ref={ref} tabIndex={-1} className="gc-error-summary" role={entries.length > 0 ? 'alert' : undefined}>
      {entries.length > 0 ? (
        <>
          <h2 id={`${idPrefix}-error-summary`}>{t('common.summaryHeading')}</h2>
          <ul>
            {entries.map((entry) => (
              <li key={entry.key}>
                <a
                  href={`#${entry.targetId}`}
                  onClick={(event) => {
                    if (focusField(entry.targetId)) event.preventDefault();
                  }}
                >
                  {entry.name}: {text(entry.error.message)}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
});

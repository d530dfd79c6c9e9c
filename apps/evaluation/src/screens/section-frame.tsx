import { useT } from '@vi/ui';
import type { ReactNode } from 'react';
import { type DashboardMessageKey, dashboardMessages } from './dashboard-messages.ts';

type FilterDimension = 'PERIOD' | 'INCIDENT_TYPES' | 'GENDERS' | 'AGE_GROUPS' | 'ROLES';

const DIMENSION_KEYS: Record<FilterDimension, DashboardMessageKey> = {
  PERIOD: 'dimension.PERIOD',
  INCIDENT_TYPES: 'dimension.INCIDENT_TYPES',
  GENDERS: 'dimension.GENDERS',
  AGE_GROUPS: 'dimension.AGE_GROUPS',
  ROLES: 'dimension.ROLES',
};

/** A dashboard section: heading, an optional lead text, and its figures. */
export function SectionFrame({
  id,
  heading,
  lead,
  children,
}: {
  id: string;
  heading: string;
  lead?: string;
  children: ReactNode;
}) {
  return (
    <section className="ev-section" aria-labelledby={`${id}-heading`} id={id}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {lead ? <p className="ev-lead">{lead}</p> : null}
      {children}
    </section>
  );
}

/** One figure inside a section: its heading, the filters it could not apply, then chart and table. */
export function FigureBlock({
  heading,
  ignoredFilters,
  note,
  children,
}: {
  heading: string;
  ignoredFilters?: readonly FilterDimension[];
  note?: string;
  children: ReactNode;
}) {
  const t = useT(dashboardMessages);
  const ignored = [...new Set(ignoredFilters ?? [])];
  return (
    <div className="ev-figure">
      <h3>{heading}</h3>
      {note ? <p className="ev-note">{note}</p> : null}
      {ignored.length > 0 ? (
        <p className="ev-ignored">
          {t('filters.ignored', {
            filters: ignored.map((dimension) => t(DIMENSION_KEYS[dimension])).join(', '),
          })}
        </p>
      ) : null}
      <div className="ev-figure__body">{children}</div>
    </div>
  );
}

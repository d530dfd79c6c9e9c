import { createContext, useContext } from 'react';

/**
 * What every section needs besides its own figures: the period being shown (for file names and
 * headings) and the names of the organisations, since figures per organisation arrive keyed by id.
 */
export type DashboardContextValue = {
  from?: string;
  to?: string;
  organizationNames: ReadonlyMap<string, string>;
};

export const DashboardContext = createContext<DashboardContextValue>({ organizationNames: new Map() });

export function useDashboardPeriod(): { from?: string; to?: string } {
  const { from, to } = useContext(DashboardContext);
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** The organisation's name, or its id if the evaluation no longer lists it. */
export function useOrganizationName(): (id: string | null | undefined, totalLabel: string) => string {
  const { organizationNames } = useContext(DashboardContext);
  return (id, totalLabel) => (id ? (organizationNames.get(id) ?? id) : totalLabel);
}

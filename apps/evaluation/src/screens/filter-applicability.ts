import type { InterventionModelCode } from '@vi/domain';

/**
 * Which breakdowns can apply to a model's figures, from the gateway's filter columns: outreach
 * cases carry incident type, gender, age and role; intake registrations (the group course's
 * first figures) gender and age; courses, recovery, costs and the two aftercare models none.
 * A filter that cannot apply to the chosen model is disabled with the reason beside it, and
 * never sent: it would only come back as notes under every figure that it was ignored.
 */
export type FilterDimension = 'incidentTypes' | 'genders' | 'ageGroups' | 'roles';

const APPLIES: Record<'ALL' | InterventionModelCode, readonly FilterDimension[]> = {
  ALL: ['incidentTypes', 'genders', 'ageGroups', 'roles'],
  OUTREACH: ['incidentTypes', 'genders', 'ageGroups', 'roles'],
  GROUP_COURSE: ['genders', 'ageGroups'],
  HATE_CRIME_AFTERCARE: [],
  SHELTER_AFTERCARE: [],
};

export function filterApplies(model: 'ALL' | InterventionModelCode, dimension: FilterDimension): boolean {
  return APPLIES[model].includes(dimension);
}

import { useT } from '@vi/ui';
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { type FragmentOf, graphql } from '../graphql.ts';
import { aftercareMessages } from './aftercare-messages.ts';
import { type DashboardFilter, filterVariables } from './dashboard-filters.tsx';
import { OwnRequestStatus } from './figures-problem.tsx';
import { HateCrimeSection, HateCrimeSectionFields } from './hate-crime-section.tsx';
import { ShelterSection, ShelterSectionFields } from './shelter-section.tsx';

/**
 * The two aftercare models' sections (hate-crime aftercare and aftercare after a shelter stay). They have a request of their own beside
 * the dashboard's, with the same filter: one request for all five models would pass the door's
 * limits on a document's size (door/limits.ts). Asking the same filter twice does not count twice
 * towards the daily limit of selections.
 */
const AftercareQuery = graphql(
  `
  query EvaluationAftercare($filter: EvaluationFilterInput, $hateCrime: Boolean!, $shelter: Boolean!) {
    evaluation(filter: $filter) {
      ...HateCrimeSection @include(if: $hateCrime)
      ...ShelterSection @include(if: $shelter)
    }
  }
`,
  [HateCrimeSectionFields, ShelterSectionFields],
);

/** Which aftercare sections a model choice shows. */
export function aftercareSections(model: DashboardFilter['model']): { hateCrime: boolean; shelter: boolean } {
  return {
    hateCrime: model === 'ALL' || model === 'HATE_CRIME_AFTERCARE',
    shelter: model === 'ALL' || model === 'SHELTER_AFTERCARE',
  };
}

export function AftercareFigures({ filter }: { filter: DashboardFilter }) {
  const t = useT(aftercareMessages);
  const sections = aftercareSections(filter.model);
  const variables = useMemo(
    () => ({ filter: filterVariables(filter), ...aftercareSections(filter.model) }),
    [filter],
  );
  const [{ data, fetching, error }] = useQuery({
    query: AftercareQuery,
    variables,
    requestPolicy: 'cache-and-network',
    pause: !sections.hateCrime && !sections.shelter,
  });
  const evaluation = data?.evaluation as Record<string, unknown> | null | undefined;
  if (!sections.hateCrime && !sections.shelter) return null;
  // While a new choice of model is fetched, urql still holds the previous answer, which may lack the
  // section now asked for: each section renders only once its own figures are in the answer.
  const hateCrime = sections.hateCrime && evaluation && 'hateCrimeUptake' in evaluation ? evaluation : null;
  const shelter = sections.shelter && evaluation && 'repeatStays' in evaluation ? evaluation : null;
  const waiting = (sections.hateCrime && !hateCrime) || (sections.shelter && !shelter);
  return (
    <>
      <OwnRequestStatus
        error={error}
        fetching={fetching}
        waiting={waiting}
        loading={t('hateCrime.loading')}
      />
      {hateCrime ? <HateCrimeSection data={hateCrime as FragmentOf<typeof HateCrimeSectionFields>} /> : null}
      {shelter ? <ShelterSection data={shelter as FragmentOf<typeof ShelterSectionFields>} /> : null}
    </>
  );
}

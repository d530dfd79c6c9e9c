import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

/**
 * Typed documents of this app, checked against apps/gateway/schema.graphql. Screens declare their
 * fragments and queries with this `graphql` next to the component that renders them.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  // Dates travel as ISO 8601 strings (Date: yyyy-mm-dd, DateTime: with time and zone).
  scalars: { Date: string; DateTime: string };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';

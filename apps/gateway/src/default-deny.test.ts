import { type GraphQLField, type GraphQLObjectType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from './schema.ts';

/**
 * Fields anyone may call without a session. Adding to this list is a
 * security decision: it needs a reason here.
 */
const PUBLIC_FIELDS = new Set([
  // The apps ask it to decide whether to show the login form; null when anonymous.
  'Query.me',
  'Mutation.login',
  // A participant opens their own form through a one-time link, without an account.
  'Query.participantForm',
  'Mutation.submitParticipantForm',
  // The outreach user survey: the same kind of one-time link, for a person without an account.
  'Query.outreachSurvey',
  'Mutation.submitOutreachSurvey',
]);

interface PothosExtensions {
  pothosOptions?: { authScopes?: unknown; skipTypeScopes?: boolean };
}

function options(extensions: unknown): PothosExtensions['pothosOptions'] {
  return (extensions as PothosExtensions | undefined)?.pothosOptions;
}

function objectTypes(): GraphQLObjectType[] {
  return Object.values(schema.getTypeMap()).filter(
    (type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__'),
  );
}

/** How a field is protected, read from what scope-auth itself reads (the Pothos options). */
function protection(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>) {
  const typeScopes = options(type.extensions)?.authScopes;
  const fieldOptions = options(field.extensions);
  const skipsTypeScopes = fieldOptions?.skipTypeScopes === true;
  return {
    byType: typeScopes !== undefined && !skipsTypeScopes,
    byField: fieldOptions?.authScopes !== undefined,
    explicitlyPublic: skipsTypeScopes && fieldOptions?.authScopes === undefined,
  };
}

describe('default deny', () => {
  it('gives every object type (Query and Mutation included) type-level authScopes', () => {
    const missing = objectTypes()
      .filter((type) => options(type.extensions)?.authScopes === undefined)
      .map((type) => type.name);
    expect(missing).toEqual([]);
  });

  it('leaves no field without a scope unless it is an explicitly public field on the list', () => {
    const unprotected: string[] = [];
    const publicFields: string[] = [];
    for (const type of objectTypes()) {
      for (const field of Object.values(type.getFields())) {
        const { byType, byField, explicitlyPublic } = protection(type, field);
        const name = `${type.name}.${field.name}`;
        if (explicitlyPublic) {
          publicFields.push(name);
        } else if (!byType && !byField) {
          unprotected.push(name);
        }
      }
    }
    expect(unprotected).toEqual([]);
    expect(publicFields.sort()).toEqual([...PUBLIC_FIELDS].sort());
  });

  it('really reads the options scope-auth uses (a check that cannot see them would pass vacuously)', () => {
    const query = schema.getQueryType();
    expect(query).toBeDefined();
    const me = query?.getFields().me;
    const persons = query?.getFields().persons;
    expect(options(query?.extensions)?.authScopes).toEqual({ authenticated: true });
    expect(me && options(me.extensions)?.skipTypeScopes).toBe(true);
    expect(persons && options(persons.extensions)?.authScopes).toBeDefined();
  });
});

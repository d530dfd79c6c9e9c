const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Our ids are PostgreSQL uuids, every value of GraphQL type ID in the schema.
 * The input door (input/input-values.ts) refuses any other ID with a
 * VALIDATION error naming the argument before a resolver runs; resolvers
 * that also check keep doing so, so a malformed id can never become a
 * database cast error (masked as INTERNAL) even if called another way.
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

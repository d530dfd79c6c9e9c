const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Our ids are PostgreSQL uuids. Checking the form first turns a malformed id
 * into NOT_FOUND instead of a database cast error (which would be masked as
 * an unexpected error).
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

import { generateParticipantCode } from '@vi/domain';

/**
 * Staff see a person as `P-XXXXX` instead of a name on most screens. Random
 * like the participant codes (same look-alike-free alphabet) so it reveals
 * nothing; unique per organisation, and the caller retries on a clash.
 */
export function newPseudonym(): string {
  return `P-${generateParticipantCode().slice(0, 5)}`;
}

/** Prisma's unique-constraint error, optionally on a given column. */
export function isUniqueViolation(error: unknown, column?: string): boolean {
  if (typeof error !== 'object' || error === null || (error as { code?: unknown }).code !== 'P2002') {
    return false;
  }
  if (!column) return true;
  const meta = (error as { meta?: { target?: unknown; driverAdapterError?: unknown } }).meta;
  return JSON.stringify(meta ?? {}).includes(column);
}

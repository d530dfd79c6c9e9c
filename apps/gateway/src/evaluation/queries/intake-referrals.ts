import { type KeyedUniform, REFERRED_TO } from '@vi/domain';
import type { AggregateSource, EvaluationFilter } from './evaluation-filter.ts';
import { type MultiChoiceCounts, multiChoiceCounts } from './intake-heard-from.ts';

/**
 * Where the intake referred people (registration Q8, several answers allowed; VIVE's group-course evaluation: over
 * 40 % to a group course, 10-12 % to a shelter, about a quarter to other support …).
 */
export function intakeReferrals(
  db: AggregateSource,
  filter: EvaluationFilter,
  uniform: KeyedUniform,
): Promise<MultiChoiceCounts> {
  return multiChoiceCounts(
    db,
    filter,
    'i."referredTo"',
    REFERRED_TO.map((r) => r.code),
    uniform,
  );
}

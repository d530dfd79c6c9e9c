import type { AnswerValue, QuestionnaireItem } from '@vi/domain';
import type { FieldError } from '../graphql-errors.ts';

/** Answers while the form is being filled in: numbers typed but not yet valid stay text. */
export type DraftAnswers = Record<string, AnswerValue>;

/** Sets one answer; an empty answer is removed so validation sees the item as unanswered. */
export function withAnswer(answers: DraftAnswers, id: string, value: AnswerValue | undefined): DraftAnswers {
  const next = { ...answers };
  const empty =
    value === undefined ||
    value === '' ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0);
  if (empty) delete next[id];
  else next[id] = value;
  return next;
}

/** Ticks or unticks a multi-choice option, honouring options that exclude all others. */
export function toggleOption(
  item: Extract<QuestionnaireItem, { kind: 'multi' }>,
  current: readonly string[],
  code: string,
  checked: boolean,
): string[] {
  if (!checked) return current.filter((c) => c !== code);
  const option = item.options.find((o) => o.code === code);
  if (option?.exclusive) return [code];
  const exclusive = new Set(item.options.filter((o) => o.exclusive).map((o) => o.code));
  return [...current.filter((c) => !exclusive.has(c) && c !== code), code];
}

/** Integer inputs: a whole number becomes a number, anything else stays as typed for the validator to name. */
export function parseIntegerInput(raw: string): AnswerValue | undefined {
  const trimmed = raw.trim();
  if (trimmed === '') return undefined;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/**
 * The errors that belong to one item: its own, or its grid rows' (`violence_status.PHYSICAL`). The
 * gateway reports answers under `answers.` in a larger input; that prefix is ignored here.
 */
export function errorsForItem(errors: readonly FieldError[], itemId: string): FieldError[] {
  return errors.filter((error) => {
    const field = error.field.startsWith('answers.') ? error.field.slice('answers.'.length) : error.field;
    return field === itemId || field.startsWith(`${itemId}.`);
  });
}

/** Drops answers to items that are no longer shown (e.g. the "other" text after unticking Other). */
export function withoutHiddenAnswers(
  items: readonly QuestionnaireItem[],
  answers: DraftAnswers,
  isShown: (item: QuestionnaireItem, answers: DraftAnswers) => boolean,
): DraftAnswers {
  let next = answers;
  // A hidden item can hide another (a chain of conditions): repeat until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    for (const item of items) {
      if (next[item.id] !== undefined && !isShown(item, next)) {
        next = withAnswer(next, item.id, undefined);
        changed = true;
      }
    }
  }
  return next;
}

import { QUESTIONNAIRES, type QuestionnaireKind } from '@vi/domain';
import type { FieldError } from '../graphql-errors.ts';

/** One page of a paged questionnaire: one section of the definition and the items it holds. */
export type QuestionnairePage = { readonly sectionId: string; readonly itemIds: readonly string[] };

/**
 * A questionnaire split into pages, one section a page. Sections are the forms' own groups (about
 * you, how you are doing, the group leaders, violence, comments), so a page is one topic and short
 * enough for a phone; the count never changes while answering, so "Side x af y" stays true.
 */
export function pagesOf(kind: QuestionnaireKind, omitItems: readonly string[] = []): QuestionnairePage[] {
  return QUESTIONNAIRES[kind].sections
    .map((section) => ({
      sectionId: section.id,
      itemIds: section.items.map((item) => item.id).filter((id) => !omitItems.includes(id)),
    }))
    .filter((page) => page.itemIds.length > 0);
}

/** The item an error belongs to: `answers.age` → `age`, `violence_frequency.OTHER` → `violence_frequency`. */
export function itemOfError(error: FieldError): string {
  const field = error.field.startsWith('answers.') ? error.field.slice('answers.'.length) : error.field;
  return field.split('.')[0] ?? field;
}

/** The page (index) showing the item the error belongs to, or -1 for an error of no item. */
export function pageOfError(pages: readonly QuestionnairePage[], error: FieldError): number {
  const item = itemOfError(error);
  return pages.findIndex((page) => page.itemIds.includes(item));
}

/**
 * The errors to show on a page: those of its items, and those that belong to no item (e.g. the
 * whole answer set), which would otherwise be shown nowhere.
 */
export function errorsOnPage(
  pages: readonly QuestionnairePage[],
  pageIndex: number,
  errors: readonly FieldError[],
): FieldError[] {
  return errors.filter((error) => {
    const page = pageOfError(pages, error);
    return page === pageIndex || page === -1;
  });
}

/** The first page with an error of one of its items, or -1. */
export function firstPageWithErrors(
  pages: readonly QuestionnairePage[],
  errors: readonly FieldError[],
): number {
  const found = errors.map((error) => pageOfError(pages, error)).filter((page) => page >= 0);
  return found.length > 0 ? Math.min(...found) : -1;
}

/** A page number kept from a draft, made safe: whole, within the form's pages. */
export function clampPage(page: unknown, pageCount: number): number {
  if (typeof page !== 'number' || !Number.isInteger(page) || pageCount <= 0) return 0;
  return Math.min(Math.max(page, 0), pageCount - 1);
}

import { describe, expect, it } from 'vitest';
import type { FieldError } from '../graphql-errors.ts';
import { clampPage, errorsOnPage, firstPageWithErrors, pageOfError, pagesOf } from './questionnaire-pages.ts';

const error = (field: string): FieldError => ({
  field,
  code: 'OUT_OF_RANGE',
  message: { da: field, en: field },
});

describe('questionnaire pages', () => {
  it('gives each section of the baseline form a page of its own, in form order', () => {
    const pages = pagesOf('BASELINE');
    expect(pages.map((p) => p.sectionId)).toEqual([
      'about_you',
      'inspire_o',
      'inspire',
      'violence',
      'comment',
    ]);
    expect(pages[0]?.itemIds).toContain('age');
    expect(pages[3]?.itemIds).toEqual(expect.arrayContaining(['violence_frequency', 'violence_other']));
  });

  it('leaves out omitted items and a section left empty by them', () => {
    expect(pagesOf('BASELINE', ['comment']).map((p) => p.sectionId)).not.toContain('comment');
  });

  it('finds the page of an error, also of a grid row and of a gateway field under answers.', () => {
    const pages = pagesOf('BASELINE');
    expect(pageOfError(pages, error('age'))).toBe(0);
    expect(pageOfError(pages, error('answers.inspire_3'))).toBe(2);
    expect(pageOfError(pages, error('violence_frequency.OTHER'))).toBe(3);
    expect(pageOfError(pages, error('answers'))).toBe(-1);
  });

  it('shows each error on its own page, and an error of no item on every page', () => {
    const pages = pagesOf('BASELINE');
    const errors = [error('age'), error('comment'), error('answers')];
    expect(errorsOnPage(pages, 0, errors).map((e) => e.field)).toEqual(['age', 'answers']);
    expect(errorsOnPage(pages, 4, errors).map((e) => e.field)).toEqual(['comment', 'answers']);
    expect(errorsOnPage(pages, 2, errors).map((e) => e.field)).toEqual(['answers']);
    expect(firstPageWithErrors(pages, [error('comment'), error('inspire_o_2')])).toBe(1);
    expect(firstPageWithErrors(pages, [error('answers')])).toBe(-1);
  });

  it('keeps a page number from a draft within the form', () => {
    expect(clampPage(3, 5)).toBe(3);
    expect(clampPage(9, 5)).toBe(4);
    expect(clampPage(-1, 5)).toBe(0);
    expect(clampPage('2', 5)).toBe(0);
    expect(clampPage(1.5, 5)).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { LOCALES, textOf } from './labels.ts';

describe('labels', () => {
  it('picks the text for each locale', () => {
    const label = { da: 'Offer', en: 'Victim' };
    expect(textOf(label, 'da')).toBe('Offer');
    expect(textOf(label, 'en')).toBe('Victim');
  });
  it('lists Danish first, as the default', () => {
    expect(LOCALES).toEqual(['da', 'en']);
  });
});

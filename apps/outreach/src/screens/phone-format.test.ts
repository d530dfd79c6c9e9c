import { describe, expect, it } from 'vitest';
import { formatPhoneForReading, phoneHref } from './phone-format.ts';

describe('phone numbers as people read them', () => {
  it('shows a stored Danish number in pairs without +45', () => {
    expect(formatPhoneForReading('+4599997682')).toBe('99 99 76 82');
    expect(formatPhoneForReading('+4521436587')).toBe('21 43 65 87');
  });

  it('reads the other ways a Danish number may be written', () => {
    expect(formatPhoneForReading('99997682')).toBe('99 99 76 82');
    expect(formatPhoneForReading('004599997682')).toBe('99 99 76 82');
    expect(formatPhoneForReading('+45 99 99 76 82')).toBe('99 99 76 82');
    expect(formatPhoneForReading('99-99-76-82')).toBe('99 99 76 82');
  });

  it('leaves a number that is not Danish as it was stored', () => {
    expect(formatPhoneForReading('+46701234567')).toBe('+46701234567');
    expect(formatPhoneForReading('+45 1234')).toBe('+45 1234');
    expect(formatPhoneForReading(' 112 ')).toBe('112');
  });

  it('dials the full international number', () => {
    expect(phoneHref('+4599997682')).toBe('tel:+4599997682');
    expect(phoneHref('99 99 76 82')).toBe('tel:+4599997682');
    expect(phoneHref('+46 70 123 45 67')).toBe('tel:+46701234567');
  });
});

import { describe, expect, it } from 'vitest';
import { HATE_CRIME_NEEDS } from './hate-crime-taxonomies.ts';
import { decideHateCrimeOffer, offerIncludes, validateNeedsAnswers } from './needs-assessment.ts';

describe('needs answers', () => {
  it('need every survey category, with a known answer', () => {
    const result = validateNeedsAnswers({
      INDIVIDUAL_PSYCHOLOGIST: 'CERTAINLY',
      GROUP: 'PERHAPS',
      EXTRA: 'NO',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.field, e.code])).toEqual([
      ['needs.LEGAL_FINANCIAL', 'REQUIRED'],
      ['needs.GROUP', 'UNKNOWN_OPTION'],
      ['needs.EXTRA', 'UNKNOWN_ITEM'],
    ]);
    expect(result.errors[0]?.message.da).toBe('Feltet skal udfyldes.');
    expect(validateNeedsAnswers(null).ok).toBe(false);
  });
  it("keep the survey's shares (58 %, 37 %, 32 %)", () => {
    expect(HATE_CRIME_NEEDS.map((n) => n.preStudyShare)).toEqual([0.58, 0.37, 0.32]);
  });
});

describe('the offer', () => {
  it('is nothing when every answer is no', () => {
    const offer = decideHateCrimeOffer({ INDIVIDUAL_PSYCHOLOGIST: 'NO', LEGAL_FINANCIAL: 'NO', GROUP: 'NO' });
    expect(offer).toEqual({ tracks: [], noOffer: true });
  });

  it('offers both tracks, the firmer first, with the psychological forms asked for', () => {
    const offer = decideHateCrimeOffer({
      INDIVIDUAL_PSYCHOLOGIST: 'MAYBE',
      LEGAL_FINANCIAL: 'MAYBE',
      GROUP: 'CERTAINLY',
    });
    expect(offer.noOffer).toBe(false);
    expect(offer.tracks).toEqual([
      { track: 'PSYCHOLOGICAL', firmness: 'CERTAINLY', forms: ['GROUP_PLACE', 'INDIVIDUAL_SESSIONS'] },
      { track: 'LEGAL_FINANCIAL', firmness: 'MAYBE', forms: [] },
    ]);
  });

  it('keeps the track order on a tie', () => {
    const offer = decideHateCrimeOffer({
      INDIVIDUAL_PSYCHOLOGIST: 'CERTAINLY',
      LEGAL_FINANCIAL: 'CERTAINLY',
      GROUP: 'NO',
    });
    expect(offer.tracks.map((t) => t.track)).toEqual(['LEGAL_FINANCIAL', 'PSYCHOLOGICAL']);
    expect(offer.tracks[1]?.forms).toEqual(['INDIVIDUAL_SESSIONS']);
  });

  it('a single "maybe" is enough for its track, and only that track', () => {
    const offer = decideHateCrimeOffer({
      INDIVIDUAL_PSYCHOLOGIST: 'NO',
      LEGAL_FINANCIAL: 'MAYBE',
      GROUP: 'NO',
    });
    expect(offer.tracks).toEqual([{ track: 'LEGAL_FINANCIAL', firmness: 'MAYBE', forms: [] }]);
    expect(offerIncludes(offer, 'LEGAL_FINANCIAL')).toBe(true);
    expect(offerIncludes(offer, 'PSYCHOLOGICAL')).toBe(false);
  });

  it('refuses to route anyone on invalid answers', () => {
    expect(() => decideHateCrimeOffer({ INDIVIDUAL_PSYCHOLOGIST: 'NO' } as never)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import {
  generateParticipantCode,
  isParticipantCode,
  normaliseParticipantCode,
  PARTICIPANT_CODE_ALPHABET,
  PARTICIPANT_CODE_BITS,
} from './participant-code.ts';

describe('participant codes', () => {
  it('has no look-alike symbols', () => {
    for (const ambiguous of '0O1IL2Z5S8BUVDQJ9') expect(PARTICIPANT_CODE_ALPHABET).not.toContain(ambiguous);
    expect(new Set(PARTICIPANT_CODE_ALPHABET).size).toBe(PARTICIPANT_CODE_ALPHABET.length);
  });

  it('carries at least 40 bits of randomness', () => {
    expect(PARTICIPANT_CODE_BITS).toBeGreaterThan(40);
  });

  it('generates well-formed, distinct codes', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => generateParticipantCode()));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(isParticipantCode(code)).toBe(true);
  });

  it('skips the bytes that would bias the modulo', () => {
    // 19 symbols: bytes 247..255 would favour the first nine symbols, so they are skipped.
    const bytes = [255, 247, 0, 1, 2, 3, 4, 250, 5, 6, 7, 8, 9, 19, 38];
    const code = generateParticipantCode((n) => Uint8Array.from(bytes.splice(0, n)));
    const a = PARTICIPANT_CODE_ALPHABET;
    expect(code).toBe(`${a.slice(0, 5)}-${a.slice(5, 10)}`);
  });

  it('spreads symbols evenly over many codes', () => {
    const counts = new Map<string, number>();
    const codes = 5000;
    for (let i = 0; i < codes; i++) {
      for (const ch of generateParticipantCode().replace('-', '')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    const expected = (codes * 10) / PARTICIPANT_CODE_ALPHABET.length;
    // ~2632 per symbol, sd ~50: a 6-sd band fails only when the draw is biased.
    for (const count of counts.values()) expect(Math.abs(count - expected)).toBeLessThan(300);
    expect(counts.size).toBe(PARTICIPANT_CODE_ALPHABET.length);
  });

  it('normalises what a person types and rejects anything else', () => {
    const code = generateParticipantCode();
    expect(normaliseParticipantCode(` ${code.toLowerCase().replace('-', ' ')} `)).toBe(code);
    expect(normaliseParticipantCode('ABCDE-FGHIJ')).toBeNull();
    expect(normaliseParticipantCode('ACE')).toBeNull();
    expect(isParticipantCode('Anna-Hansen')).toBe(false);
  });
});

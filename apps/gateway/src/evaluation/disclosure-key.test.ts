// The installation's disclosure key: configured, or made once and kept in the database so
// that restarts and other gateway processes give the same people the same noise.
import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, prisma } from '../database.ts';
import { disclosureKey, forgetDisclosureKey, keyedUniform } from './disclosure-key.ts';

beforeAll(async () => {
  await openDatabase();
});

describe('the disclosure key', () => {
  it('is made once at random and kept in the database when none is configured', async () => {
    forgetDisclosureKey();
    const first = await disclosureKey({});
    expect(first).toHaveLength(32);
    forgetDisclosureKey(); // a restart, or a second process
    expect((await disclosureKey({})).equals(first)).toBe(true);
    expect(await prisma().disclosureSecret.count()).toBe(1);
  });

  it('comes from VI_DISCLOSURE_KEY when set, and refuses a malformed one', async () => {
    forgetDisclosureKey();
    const configured = 'ab'.repeat(32);
    expect((await disclosureKey({ VI_DISCLOSURE_KEY: configured })).toString('hex')).toBe(configured);
    forgetDisclosureKey();
    await expect(disclosureKey({ VI_DISCLOSURE_KEY: 'short' })).rejects.toThrow(/64 hexadecimal/);
    forgetDisclosureKey();
  });

  it('gives a number in (0, 1) per message, the same for the same message and key', () => {
    const uniform = keyedUniform(Buffer.alloc(32, 1));
    const other = keyedUniform(Buffer.alloc(32, 2));
    const u = uniform('count|12|345');
    expect(u).toBeGreaterThan(0);
    expect(u).toBeLessThan(1);
    expect(uniform('count|12|345')).toBe(u);
    expect(uniform('count|12|346')).not.toBe(u);
    expect(other('count|12|345')).not.toBe(u);
  });

  it('remembers each number as the HMAC gives it, also after it has started afresh', () => {
    const key = Buffer.alloc(32, 7);
    const byHmac = (message: string) =>
      (createHmac('sha256', key).update(message).digest().readUIntBE(0, 6) + 0.5) / 2 ** 48;
    const uniform = keyedUniform(key);
    const asked = ['count|5|17', 'mean|waitingDays|9|3', 'count|1200|0'];
    for (const message of asked) expect(uniform(message)).toBe(byHmac(message));
    // More messages than it keeps: it starts afresh and still answers the same.
    for (let i = 0; i < 100_001; i++) uniform(`count|${i}|1`);
    for (const message of [...asked, 'count|99999|1', 'count|100000|1'])
      expect(uniform(message)).toBe(byHmac(message));
  });
});

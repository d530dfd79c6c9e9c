import { describe, expect, it } from 'vitest';
import { readServerConfig } from '../config.ts';
import { AUTH_DEFAULTS, readAuthSettings } from './auth-settings.ts';
import { addressLimitKey, clientAddress, normaliseAddress, rememberSocketAddress } from './client-address.ts';

function requestFrom(socket: string | null, forwardedFor?: string): Request {
  const request = new Request('http://localhost/graphql', {
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  });
  rememberSocketAddress(request, socket);
  return request;
}

describe('clientAddress', () => {
  it('is the socket address, and a forged X-Forwarded-For changes nothing without trusted proxies', () => {
    expect(clientAddress(requestFrom('203.0.113.5', '1.1.1.1'), '')).toBe('203.0.113.5');
    expect(clientAddress(requestFrom('::ffff:203.0.113.5'), '')).toBe('203.0.113.5');
    expect(clientAddress(requestFrom(null, '1.1.1.1'), '')).toBeNull();
  });

  it('ignores X-Forwarded-For from a socket that is not a trusted proxy', () => {
    expect(clientAddress(requestFrom('203.0.113.5', '1.1.1.1'), '10.0.0.0/8')).toBe('203.0.113.5');
  });

  it('behind trusted proxies takes the first untrusted hop from the right, not what the client wrote', () => {
    const proxies = '127.0.0.1, 10.0.0.0/8';
    // The client forged "6.6.6.6"; our proxy appended the address it really saw.
    expect(clientAddress(requestFrom('10.0.0.2', '6.6.6.6, 198.51.100.7'), proxies)).toBe('198.51.100.7');
    expect(clientAddress(requestFrom('127.0.0.1', '198.51.100.7, 10.0.0.9'), proxies)).toBe('198.51.100.7');
    expect(clientAddress(requestFrom('10.0.0.2', '198.51.100.7:51234'), proxies)).toBe('198.51.100.7');
    expect(clientAddress(requestFrom('10.0.0.2', '[2001:db8::1]:443'), proxies)).toBe('2001:db8::1');
    // No header, or garbage where the proxy's entry should be: the nearest hop we can vouch for.
    expect(clientAddress(requestFrom('10.0.0.2'), proxies)).toBe('10.0.0.2');
    expect(clientAddress(requestFrom('10.0.0.2', '198.51.100.7, not-an-ip'), proxies)).toBe('10.0.0.2');
  });
});

describe('addressLimitKey', () => {
  it('counts IPv4 by address and IPv6 by its /64', () => {
    expect(addressLimitKey('203.0.113.5')).toBe('203.0.113.5');
    expect(addressLimitKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressLimitKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressLimitKey('::1')).toBe('0:0:0:0::/64');
    expect(addressLimitKey('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
    expect(addressLimitKey(null)).toBe('unknown');
  });

  it('normalises what it is given', () => {
    expect(normaliseAddress(' FE80::1%eth0 ')).toBe('fe80::1');
    expect(normaliseAddress('localhost')).toBeNull();
  });
});

describe('readAuthSettings', () => {
  it('has defaults for a staff shift: 2 hours idle, 12 hours at most', () => {
    expect(readAuthSettings({})).toEqual({ settings: AUTH_DEFAULTS, problems: [] });
    expect(AUTH_DEFAULTS.sessionIdleMs).toBe(2 * 3_600_000);
    expect(AUTH_DEFAULTS.sessionAbsoluteMs).toBe(12 * 3_600_000);
  });

  it('reads the settings and names each bad one, and the server refuses to start on them', () => {
    expect(
      readAuthSettings({
        VI_SESSION_IDLE_MINUTES: '30',
        VI_SESSION_ABSOLUTE_HOURS: '8',
        VI_LOGIN_CHECKS_PER_MINUTE: '600',
        VI_TRUSTED_PROXIES: '127.0.0.1,::1',
      }).settings,
    ).toEqual({
      sessionIdleMs: 30 * 60_000,
      sessionAbsoluteMs: 8 * 3_600_000,
      loginChecksPerMinute: 600,
      trustedProxies: '127.0.0.1,::1',
    });
    const bad = {
      VI_SESSION_IDLE_MINUTES: '0',
      VI_SESSION_ABSOLUTE_HOURS: 'lots',
      VI_LOGIN_CHECKS_PER_MINUTE: '-1',
      VI_TRUSTED_PROXIES: '10.0.0.0/99, proxy.local',
    };
    const problems = readAuthSettings(bad).problems;
    expect(problems.map((problem) => problem.split(' ')[0])).toEqual([
      'VI_SESSION_IDLE_MINUTES',
      'VI_SESSION_ABSOLUTE_HOURS',
      'VI_LOGIN_CHECKS_PER_MINUTE',
      'VI_TRUSTED_PROXIES',
      'VI_TRUSTED_PROXIES',
    ]);
    expect(() => readServerConfig(bad)).toThrow(/VI_TRUSTED_PROXIES must list IP addresses/);
    expect(
      readAuthSettings({ VI_SESSION_IDLE_MINUTES: '600', VI_SESSION_ABSOLUTE_HOURS: '8' }).problems,
    ).toEqual(['VI_SESSION_IDLE_MINUTES must not be longer than VI_SESSION_ABSOLUTE_HOURS.']);
  });
});

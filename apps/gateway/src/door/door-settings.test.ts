import { describe, expect, it } from 'vitest';
import { readDoorSettings } from './door-settings.ts';

describe('readDoorSettings', () => {
  it('turns trusted documents on in production unless VI_TRUSTED_DOCUMENTS=0, and off elsewhere unless 1', () => {
    expect(readDoorSettings({ NODE_ENV: 'production' }).settings.trustedDocuments).toBe(true);
    expect(
      readDoorSettings({ NODE_ENV: 'production', VI_TRUSTED_DOCUMENTS: '0' }).settings.trustedDocuments,
    ).toBe(false);
    expect(readDoorSettings({ NODE_ENV: 'development' }).settings.trustedDocuments).toBe(false);
    expect(readDoorSettings({ NODE_ENV: 'test', VI_TRUSTED_DOCUMENTS: '1' }).settings.trustedDocuments).toBe(
      true,
    );
  });

  it('names a bad VI_TRUSTED_DOCUMENTS, and keeps production closed meanwhile', () => {
    const { settings, problems } = readDoorSettings({ NODE_ENV: 'production', VI_TRUSTED_DOCUMENTS: 'off' });
    expect(problems).toEqual([expect.stringContaining('VI_TRUSTED_DOCUMENTS')]);
    expect(settings.trustedDocuments).toBe(true);
  });

  it('takes exact origins for CORS and names anything else', () => {
    const { settings, problems } = readDoorSettings({
      VI_CORS_ORIGINS:
        'https://a.example.dk, http://localhost:5173,*,https://b.example.dk/,https://c.example.dk/app',
    });
    expect(settings.corsOrigins).toEqual(['https://a.example.dk', 'http://localhost:5173']);
    expect(problems).toHaveLength(3);
    for (const problem of problems) expect(problem).toContain('VI_CORS_ORIGINS');
    expect(readDoorSettings({}).settings.corsOrigins).toEqual([]);
  });
});

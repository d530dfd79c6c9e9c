import { ROLES } from '@vi/domain';
import { describe, expect, it } from 'vitest';
import { APP_DIRECTORY, appServesRoles, appsForRoles } from './app-directory.ts';

describe('which app serves which role', () => {
  it('sends every role to at least one app, and names only real roles', () => {
    const known = new Set(ROLES.map((r) => r.code));
    for (const app of APP_DIRECTORY)
      for (const role of app.roles) expect(known.has(role as never)).toBe(true);
    for (const role of ROLES) expect(appsForRoles([role.code]).length).toBeGreaterThan(0);
  });

  it('tells an evaluator in outreach to use the evaluation app, and a counsellor the reverse', () => {
    expect(appServesRoles('outreach', ['EVALUATOR'])).toBe(false);
    expect(appsForRoles(['EVALUATOR']).map((a) => a.href)).toEqual(['/evaluation/']);
    expect(appServesRoles('evaluation', ['COUNSELLOR'])).toBe(false);
    expect(appsForRoles(['COUNSELLOR']).map((a) => a.name)).toEqual(['outreach']);
    expect(appServesRoles('group-course', ['GROUP_LEADER', 'EVALUATOR'])).toBe(true);
    expect(appsForRoles([])).toEqual([]);
  });
});

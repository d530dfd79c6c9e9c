import { describe, expect, it } from 'vitest';
import { readsFigures, screenFor, screenOf } from './evaluation-routes.tsx';

describe('screenFor', () => {
  it('gives a project lead or administrator without the evaluator role the cost inputs, not an empty dashboard', () => {
    for (const roles of [['PROJECT_LEAD'], ['ADMIN'], ['PROJECT_LEAD', 'ADMIN']]) {
      expect(readsFigures(roles)).toBe(false);
      expect(screenFor(screenOf(''), roles)).toBe('costs');
      expect(screenFor(screenOf('#/'), roles)).toBe('costs');
      expect(screenFor(screenOf('#/graphiql'), roles)).toBe('costs');
      expect(screenFor(screenOf('#/account'), roles)).toBe('account');
    }
  });

  it('keeps the dashboard and GraphiQL for an evaluator, also one who leads a project', () => {
    for (const roles of [['EVALUATOR'], ['EVALUATOR', 'PROJECT_LEAD']]) {
      expect(readsFigures(roles)).toBe(true);
      expect(screenFor(screenOf(''), roles)).toBe('dashboard');
      expect(screenFor(screenOf('#/graphiql'), roles)).toBe('graphiql');
      expect(screenFor(screenOf('#/costs'), roles)).toBe('costs');
    }
  });

  it('leaves anyone else on the dashboard, which explains that there is nothing to show', () => {
    expect(screenFor('dashboard', ['GROUP_LEADER'])).toBe('dashboard');
  });
});

import { lookupSession, readCookie, SESSION_COOKIE } from '../auth/session.ts';
import { activeMembership } from '../context.ts';
import { openDatabase } from '../database.ts';

const decided = new WeakMap<Request, Promise<boolean>>();

/**
 * Whether the request comes from a logged-in evaluator (EVALUATOR in the session's active
 * organisation, as the context will see it). Asked before the context exists, only for what needs it
 * (a document that is not in the manifest, or introspection), and once per request.
 */
export function isEvaluatorRequest(request: Request): Promise<boolean> {
  let answer = decided.get(request);
  if (!answer) {
    answer = lookUp(request);
    decided.set(request, answer);
  }
  return answer;
}

async function lookUp(request: Request): Promise<boolean> {
  const token = readCookie(request.headers.get('cookie'), SESSION_COOKIE);
  if (!token) return false;
  await openDatabase();
  const found = await lookupSession(token);
  if (found.state !== 'active') return false;
  const active = activeMembership(found.session.memberships, found.session.activeOrganizationId);
  return active?.roles.includes('EVALUATOR') ?? false;
}

import type { GatewayContext } from '../context.ts';
import { prisma } from '../database.ts';

export type FormProgress = 'NOT_STARTED' | 'LINK_OPEN' | 'DONE';
export type ParticipantForms = { BASELINE: FormProgress; END: FormProgress };

type Batch = { codes: Set<string>; result: Promise<Map<string, ParticipantForms>> | null };
const batches = new WeakMap<GatewayContext, Map<string, Promise<ParticipantForms>>>();
const pendingBatches = new WeakMap<GatewayContext, Batch>();

/**
 * Whether each form of a participant is in. Reads only (code, kind) of the
 * responses, never their answers: leaders are told "done / not done" and
 * nothing else. Codes asked for together are loaded with two queries.
 */
export function formProgressOf(context: GatewayContext, participantCode: string): Promise<ParticipantForms> {
  let cache = batches.get(context);
  if (!cache) {
    cache = new Map();
    batches.set(context, cache);
  }
  const cached = cache.get(participantCode);
  if (cached) return cached;

  let batch = pendingBatches.get(context);
  if (!batch) {
    const fresh: Batch = { codes: new Set(), result: null };
    // setImmediate rather than a microtask: sibling fields resolve across several
    // microtasks (async scope checks), and one batch should catch them all.
    fresh.result = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      pendingBatches.delete(context);
      return loadProgress([...fresh.codes]);
    });
    pendingBatches.set(context, fresh);
    batch = fresh;
  }
  batch.codes.add(participantCode);
  const result = batch.result!.then(
    (map): ParticipantForms => map.get(participantCode) ?? { BASELINE: 'NOT_STARTED', END: 'NOT_STARTED' },
  );
  cache.set(participantCode, result);
  return result;
}

async function loadProgress(codes: string[]): Promise<Map<string, ParticipantForms>> {
  const now = new Date();
  const [responses, links] = await Promise.all([
    prisma().questionnaireResponse.findMany({
      where: { participantCode: { in: codes } },
      select: { participantCode: true, kind: true },
    }),
    prisma().formLink.findMany({
      where: { participantCode: { in: codes }, usedAt: null, expiresAt: { gt: now } },
      select: { participantCode: true, kind: true },
    }),
  ]);
  const map = new Map<string, ParticipantForms>();
  const entry = (code: string) => {
    let forms = map.get(code);
    if (!forms) {
      forms = { BASELINE: 'NOT_STARTED', END: 'NOT_STARTED' };
      map.set(code, forms);
    }
    return forms;
  };
  for (const link of links) {
    if (link.kind === 'BASELINE' || link.kind === 'END') entry(link.participantCode)[link.kind] = 'LINK_OPEN';
  }
  for (const response of responses) {
    if (response.kind === 'BASELINE' || response.kind === 'END')
      entry(response.participantCode)[response.kind] = 'DONE';
  }
  return map;
}

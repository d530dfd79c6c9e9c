import { danishCalendarDate } from '@vi/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { database, prisma } from '../database.ts';
import { loadQueuePage, QUEUE_COUNT_CAP } from './call-queue.ts';
import {
  browserFor,
  callableRows,
  createOutreachOrg,
  dataOf,
  type OutreachOrg,
} from './outreach-test-fixtures.ts';

const PEOPLE = 10_000;
let org: OutreachOrg;

beforeAll(async () => {
  org = await createOutreachOrg('scale');
  // The path a browser takes: one GraphQL request with 10,000 rows, checked and stored
  // in one transaction.
  const worker = await browserFor(org.users.worker);
  const started = performance.now();
  const report = dataOf<{ importIncidents: { durationMs: number; summary: { queuedCount: number } } }>(
    await worker.graphql(
      'mutation($input: IncidentImportInput!) { importIncidents(input: $input) { durationMs summary { queuedCount } } }',
      { input: { fileName: 'stor-liste.csv', rows: callableRows(PEOPLE) } },
    ),
  ).importIncidents;
  const totalMs = performance.now() - started;
  expect(report.summary.queuedCount).toBe(PEOPLE);
  console.info(
    `[outreach scale] import of ${PEOPLE} rows through GraphQL: ${Math.round(totalMs)} ms in all, ` +
      `${report.durationMs} ms inside the import transaction (${database().engine})`,
  );
}, 180_000);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

describe('a queue of 10,000 callable people', () => {
  it('returns its first page in under 300 ms', async () => {
    const count = await prisma().outreachCase.count({
      where: { organizationId: org.organizationId, status: 'OPEN' },
    });
    expect(count).toBe(PEOPLE);
    const worker = await browserFor(org.users.worker);
    const query =
      'query { callQueue(first: 25) { totalCount totalCountCapped entries { caseId pseudonym incidentType } } }';
    await worker.graphql(query); // warm-up: first use of the statement and the session
    const gateway: number[] = [];
    const sql: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      let started = performance.now();
      const page = dataOf<{
        callQueue: { totalCount: number; totalCountCapped: boolean; entries: unknown[] };
      }>(await worker.graphql(query)).callQueue;
      gateway.push(performance.now() - started);
      // The count stops at the cap instead of reading all 10,000 (call-queue.ts, QUEUE_COUNT_CAP).
      expect(page.totalCount).toBe(QUEUE_COUNT_CAP);
      expect(page.totalCountCapped).toBe(true);
      expect(page.entries).toHaveLength(25);
      started = performance.now();
      await loadQueuePage(prisma(), {
        organizationId: org.organizationId,
        workerId: org.users.worker.id,
        today: danishCalendarDate(new Date()),
        first: 25,
        after: null,
      });
      sql.push(performance.now() - started);
    }
    console.info(
      `[outreach scale] first page of ${PEOPLE}: through the gateway median ${median(gateway).toFixed(1)} ms ` +
        `(max ${Math.max(...gateway).toFixed(1)}), queue query alone median ${median(sql).toFixed(1)} ms (${database().engine})`,
    );
    expect(median(gateway)).toBeLessThan(300);
  }, 60_000);
});

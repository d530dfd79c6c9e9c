import { fieldKeyring } from '@vi/db';
import { ownerQuery } from '@vi/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../database.ts';
import {
  browserFor,
  createOutreachOrg,
  daysAgo,
  errorCodes,
  importRows,
  type OutreachOrg,
} from './outreach-test-fixtures.ts';

const PREVIEW = `mutation Preview($input: IncidentImportInput!) {
  previewIncidentImport(input: $input) {
    batchId summary { rowCount importedCount queuedCount noContactCount inactiveTypeCount rejectedCount }
    rejected { rowNumber problems { field code messageDa messageEn } } fileProblems { field code }
  } }`;
const IMPORT = PREVIEW.replace('Preview(', 'Import(').replace('previewIncidentImport', 'importIncidents');

let org: OutreachOrg;

const rows = () => [
  {
    incidentDate: daysAgo(3),
    incidentType: 'Vold',
    role: 'offer',
    name: 'Anna Test',
    phone: '20 11 22 33',
    age: '31',
    gender: 'kvinde',
  },
  {
    incidentDate: daysAgo(4),
    incidentType: 'Trusler',
    role: 'vidne',
    name: 'Bo Test',
    phone: '+45 30112233',
    age: '45',
    gender: 'mand',
  },
  {
    incidentDate: daysAgo(4),
    incidentType: 'Vold',
    role: 'offer',
    name: 'Uden Nummer',
    age: '22',
    gender: 'mand',
  },
  {
    incidentDate: daysAgo(5),
    incidentType: 'Indbrud og tyveri',
    role: 'offer',
    name: 'Cai Test',
    phone: '40112233',
  },
  { incidentDate: '31-02-2026', incidentType: 'Ildspåsættelse', role: 'offer', phone: '123' },
  { incidentDate: daysAgo(3), incidentType: 'Røveri', role: 'offer', name: 'Anna Test', phone: '20112233' },
];

async function tableCounts() {
  const p = prisma();
  return {
    persons: await p.person.count({ where: { organizationId: org.organizationId } }),
    contacts: await p.personContact.count({ where: { organizationId: org.organizationId } }),
    incidents: await p.incident.count({ where: { organizationId: org.organizationId } }),
    cases: await p.outreachCase.count({ where: { organizationId: org.organizationId } }),
    batches: await p.importBatch.count({ where: { organizationId: org.organizationId } }),
  };
}

beforeAll(async () => {
  org = await createOutreachOrg('import');
});

describe('previewIncidentImport', () => {
  it('explains each rejected row in Danish and English and stores nothing', async () => {
    const before = await tableCounts();
    const worker = await browserFor(org.users.worker);
    const response = await worker.graphql(PREVIEW, { input: { fileName: 'politi.csv', rows: rows() } });
    expect(response.body.errors).toBeUndefined();
    const preview = (response.body.data as { previewIncidentImport: Record<string, unknown> })
      .previewIncidentImport;
    expect(preview.batchId).toBeNull();
    expect(preview.summary).toEqual({
      rowCount: 6,
      importedCount: 4,
      queuedCount: 2,
      noContactCount: 1,
      inactiveTypeCount: 1,
      rejectedCount: 2,
    });
    const rejected = preview.rejected as {
      rowNumber: number;
      problems: { field: string; code: string; messageDa: string }[];
    }[];
    expect(rejected.map((r) => [r.rowNumber, r.problems.map((p) => p.code)])).toEqual([
      [5, ['INVALID_DATE', 'UNKNOWN_INCIDENT_TYPE', 'INVALID_PHONE']],
      [6, ['DUPLICATE_IN_FILE']],
    ]);
    expect(rejected[0]!.problems[1]!.messageDa).toMatch(
      /^Ukendt hændelsestype\. Tilladte værdier: Tilhold og stalking, .*Vold.*Hadforbrydelse/,
    );
    expect(await tableCounts()).toEqual(before);
  });

  it('is refused to a counsellor', async () => {
    const counsellor = await browserFor(org.users.counsellor);
    const response = await counsellor.graphql(PREVIEW, { input: { fileName: 'x.csv', rows: rows() } });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });
});

describe('importIncidents', () => {
  it('stores the valid rows, queues only people with a phone and an active type, and reports the rest', async () => {
    const worker = await browserFor(org.users.worker);
    const response = await worker.graphql(IMPORT, { input: { fileName: 'politi.csv', rows: rows() } });
    expect(response.body.errors).toBeUndefined();
    const result = (
      response.body.data as { importIncidents: { batchId: string; summary: Record<string, number> } }
    ).importIncidents;
    expect(result.batchId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.summary.importedCount).toBe(4);

    const cases = await prisma().outreachCase.findMany({
      where: { organizationId: org.organizationId },
      select: { status: true, incidentType: true, closedAt: true, person: { select: { contact: true } } },
      orderBy: { createdAt: 'asc' },
    });
    const byStatus = Object.fromEntries(
      ['OPEN', 'NO_CONTACT_DETAILS', 'INACTIVE_TYPE'].map((s) => [
        s,
        cases.filter((c) => c.status === s).length,
      ]),
    );
    expect(byStatus).toEqual({ OPEN: 2, NO_CONTACT_DETAILS: 1, INACTIVE_TYPE: 1 });
    const open = cases.find((c) => c.status === 'OPEN' && c.incidentType === 'VIOLENCE')!;
    // Stored encrypted (issue 10), with the keyed hash the duplicate check compares.
    expect(open.person.contact?.phone).not.toContain('20112233');
    expect(await fieldKeyring().decrypt(prisma(), open.person.contact?.phone)).toBe('+4520112233');
    expect(open.person.contact?.contactLookup).toMatch(/^[\w-]{43}$/);
    expect(open.closedAt).toBeNull();
    // Not queued: closed at once, so their details fall under the retention rule.
    const inactive = cases.find((c) => c.status === 'INACTIVE_TYPE')!;
    expect(inactive.closedAt).not.toBeNull();
    expect(inactive.person.contact?.eraseAfter).not.toBeNull();
    const batch = await prisma().importBatch.findUniqueOrThrow({ where: { id: result.batchId } });
    expect(batch).toMatchObject({
      rowCount: 6,
      importedCount: 4,
      rejectedCount: 2,
      noContactCount: 1,
      inactiveTypeCount: 1,
    });
    const audit = await prisma().auditEvent.count({
      where: { entity: 'ImportBatch', entityId: result.batchId, action: 'CREATE' },
    });
    expect(audit).toBe(1);
  });

  it('rejects a second upload of the same people as duplicates of the list', async () => {
    const worker = await browserFor(org.users.worker2);
    const response = await worker.graphql(PREVIEW, {
      input: { fileName: 'igen.csv', rows: rows().slice(0, 2) },
    });
    const preview = (
      response.body.data as { previewIncidentImport: { rejected: { problems: { code: string }[] }[] } }
    ).previewIncidentImport;
    expect(preview.rejected.map((r) => r.problems[0]!.code)).toEqual([
      'DUPLICATE_OF_EXISTING',
      'DUPLICATE_OF_EXISTING',
    ]);
  });

  it('finds a person listed by name only as a duplicate, though names are stored encrypted', async () => {
    const worker = await browserFor(org.users.worker2);
    const response = await worker.graphql(PREVIEW, {
      input: {
        fileName: 'navne.csv',
        rows: [
          { ...rows()[2]!, name: '  uden   NUMMER ' },
          { ...rows()[2]!, name: 'Uden Nummersen' },
        ],
      },
    });
    const preview = (
      response.body.data as {
        previewIncidentImport: { rejected: { rowNumber: number; problems: { code: string }[] }[] };
      }
    ).previewIncidentImport;
    expect(preview.rejected.map((r) => [r.rowNumber, r.problems[0]!.code])).toEqual([
      [1, 'DUPLICATE_OF_EXISTING'],
    ]);
  });

  it('imports nothing at all when the database fails part-way (one transaction)', async () => {
    const before = await tableCounts();
    // A trigger that fails on the last row's case makes the database refuse mid-import.
    // As the owner: the gateway's role cannot create functions or triggers (issue 10).
    await ownerQuery(`CREATE FUNCTION fail_on_age_119() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW."ageAtIncident" = 119 THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`);
    await ownerQuery(
      `CREATE TRIGGER fail_on_age_119 BEFORE INSERT ON "OutreachCase" FOR EACH ROW EXECUTE FUNCTION fail_on_age_119()`,
    );
    try {
      const batch = Array.from({ length: 50 }, (_, i) => ({
        incidentDate: daysAgo(6),
        incidentType: 'Vold',
        role: 'offer',
        phone: `5${String(i).padStart(7, '0')}`,
        age: i === 49 ? '119' : '30',
      }));
      await expect(importRows(org, batch)).rejects.toThrow();
    } finally {
      await ownerQuery(`DROP TRIGGER fail_on_age_119 ON "OutreachCase"`);
      await ownerQuery(`DROP FUNCTION fail_on_age_119()`);
    }
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses a file with no rows, naming the field', async () => {
    const worker = await browserFor(org.users.worker);
    const response = await worker.graphql(IMPORT, { input: { fileName: 'tom.csv', rows: [] } });
    expect(errorCodes(response)).toEqual(['VALIDATION']);
    expect(response.body.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ field: 'rows', code: 'NO_ROWS' }),
    ]);
  });
});

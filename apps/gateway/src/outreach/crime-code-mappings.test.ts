import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../database.ts';
import {
  browserFor,
  createOutreachOrg,
  daysAgo,
  errorCodes,
  type OutreachOrg,
} from './outreach-test-fixtures.ts';

const TABLE = `query { crimeCodeTable { canEdit mappings { code incidentType description } } }`;
const SAVE = `mutation Save($input: CrimeCodeMappingInput!) {
  saveCrimeCodeMapping(input: $input) { canEdit mappings { code incidentType description } } }`;
const DELETE = `mutation Delete($code: String!) {
  deleteCrimeCodeMapping(code: $code) { mappings { code incidentType } } }`;
const PREVIEW = `mutation Preview($input: IncidentImportInput!) {
  previewIncidentImport(input: $input) {
    summary { importedCount rejectedCount }
    rejected { rowNumber problems { field code messageDa messageEn } } } }`;
const IMPORT = `mutation Import($input: IncidentImportInput!) {
  importIncidents(input: $input) { batchId summary { importedCount rejectedCount } } }`;

type Table = {
  canEdit: boolean;
  mappings: { code: string; incidentType: string; description: string | null }[];
};

let org: OutreachOrg;

const rowWith = (incidentType: string, phone: string) => ({
  incidentDate: daysAgo(3),
  incidentType,
  role: 'offer',
  name: `Kode ${phone}`,
  phone,
});

async function stored() {
  return prisma().crimeCodeMapping.findMany({
    where: { organizationId: org.organizationId },
    select: { code: true, incidentType: true, description: true },
    orderBy: { code: 'asc' },
  });
}

async function auditOf(action: string) {
  return prisma().auditEvent.findMany({
    where: { organizationId: org.organizationId, entity: 'CrimeCodeMapping', action },
    select: { userId: true, detail: true },
  });
}

beforeAll(async () => {
  org = await createOutreachOrg('gerningskode');
});

describe('the crime-code table', () => {
  it('starts empty: the outreach report names no codes, so nothing is made up', async () => {
    const worker = await browserFor(org.users.worker);
    const response = await worker.graphql(TABLE);
    expect(response.body.errors).toBeUndefined();
    expect((response.body.data as { crimeCodeTable: Table }).crimeCodeTable).toEqual({
      canEdit: false,
      mappings: [],
    });
  });

  it('is kept by the project lead: added and changed, each change audited', async () => {
    const lead = await browserFor(org.users.lead);
    const first = await lead.graphql(SAVE, {
      input: { code: ' 1000 ', incidentType: 'VIOLENCE', description: 'Vold mod person' },
    });
    expect(first.body.errors).toBeUndefined();
    await lead.graphql(SAVE, { input: { code: '0290', incidentType: 'ROBBERY' } });
    const changed = await lead.graphql(SAVE, { input: { code: '1000', incidentType: 'THREATS' } });
    expect((changed.body.data as { saveCrimeCodeMapping: Table }).saveCrimeCodeMapping).toEqual({
      canEdit: true,
      mappings: [
        { code: '0290', incidentType: 'ROBBERY', description: null },
        { code: '1000', incidentType: 'THREATS', description: null },
      ],
    });
    expect(await stored()).toEqual([
      { code: '0290', incidentType: 'ROBBERY', description: null },
      { code: '1000', incidentType: 'THREATS', description: null },
    ]);
    expect((await auditOf('CREATE')).map((e) => e.detail)).toEqual([
      { code: '1000', incidentType: 'VIOLENCE' },
      { code: '0290', incidentType: 'ROBBERY' },
    ]);
    expect(await auditOf('UPDATE')).toEqual([
      {
        userId: org.users.lead.id,
        detail: { code: '1000', incidentType: 'THREATS', previousIncidentType: 'VIOLENCE' },
      },
    ]);
  });

  it('cannot be changed by a worker or an administrator: refused, audited, nothing changed', async () => {
    const before = await stored();
    for (const user of [org.users.worker, org.users.admin]) {
      const browser = await browserFor(user);
      const save = await browser.graphql(SAVE, { input: { code: '1000', incidentType: 'MIXED' } });
      expect(errorCodes(save)).toEqual(['FORBIDDEN']);
      const remove = await browser.graphql(DELETE, { code: '1000' });
      expect(errorCodes(remove)).toEqual(['FORBIDDEN']);
    }
    expect(await stored()).toEqual(before);
    const denied = await prisma().auditEvent.findMany({
      where: {
        organizationId: org.organizationId,
        action: 'DENIED',
        entityId: { in: ['saveCrimeCodeMapping', 'deleteCrimeCodeMapping'] },
      },
      select: { userId: true },
    });
    expect(denied.map((d) => d.userId).sort()).toEqual(
      [org.users.worker.id, org.users.worker.id, org.users.admin.id, org.users.admin.id].sort(),
    );
    // A counsellor does not import, so does not read the table either.
    const counsellor = await browserFor(org.users.counsellor);
    expect(errorCodes(await counsellor.graphql(TABLE))).toEqual(['FORBIDDEN']);
  });

  it('refuses bad input with a field error in Danish and English, storing nothing', async () => {
    const before = await stored();
    const lead = await browserFor(org.users.lead);
    const response = await lead.graphql(SAVE, {
      input: { code: '10-00', incidentType: 'VIOLENCE', description: 'x'.repeat(201) },
    });
    expect(errorCodes(response)).toEqual(['VALIDATION']);
    const fields = response.body.errors?.[0]?.extensions?.fields as {
      field: string;
      code: string;
      message: { da: string; en: string };
    }[];
    expect(fields.map((f) => `${f.field}:${f.code}`)).toEqual([
      'code:INVALID_CRIME_CODE',
      'description:DESCRIPTION_TOO_LONG',
    ]);
    expect(fields[0]!.message.da).toContain('cifre');
    expect(fields[0]!.message.en).toContain('digits');
    expect(await stored()).toEqual(before);
  });

  it("is the organisation's own: another organisation's worker sees none of it", async () => {
    const other = await browserFor(org.users.otherWorker);
    const response = await other.graphql(TABLE);
    expect((response.body.data as { crimeCodeTable: Table }).crimeCodeTable.mappings).toEqual([]);
    const preview = await other.graphql(PREVIEW, {
      input: { fileName: 'anden.csv', rows: [rowWith('1000', '61000001')] },
    });
    const rejected = (
      preview.body.data as { previewIncidentImport: { rejected: { problems: { code: string }[] }[] } }
    ).previewIncidentImport.rejected;
    expect(rejected[0]!.problems.map((p) => p.code)).toEqual(['UNKNOWN_CRIME_CODE']);
  });
});

describe('the import reads numeric cells through the table', () => {
  it('stores a known code as its incident type and rejects an unknown code, naming it', async () => {
    const worker = await browserFor(org.users.worker);
    const rows = [rowWith('1000', '61000011'), rowWith('0290', '61000012'), rowWith('4711', '61000013')];
    const preview = await worker.graphql(PREVIEW, { input: { fileName: 'koder.csv', rows } });
    expect(preview.body.errors).toBeUndefined();
    const report = (
      preview.body.data as {
        previewIncidentImport: {
          summary: { importedCount: number; rejectedCount: number };
          rejected: {
            rowNumber: number;
            problems: { field: string; code: string; messageDa: string; messageEn: string }[];
          }[];
        };
      }
    ).previewIncidentImport;
    expect(report.summary).toEqual({ importedCount: 2, rejectedCount: 1 });
    expect(report.rejected).toEqual([
      {
        rowNumber: 3,
        problems: [
          expect.objectContaining({
            field: 'incidentType',
            code: 'UNKNOWN_CRIME_CODE',
            messageDa: expect.stringContaining('Gerningskoden 4711'),
            messageEn: expect.stringContaining('crime code 4711'),
          }),
        ],
      },
    ]);

    const imported = await worker.graphql(IMPORT, { input: { fileName: 'koder.csv', rows } });
    const batchId = (imported.body.data as { importIncidents: { batchId: string } }).importIncidents.batchId;
    const incidents = await prisma().incident.findMany({
      where: { importBatchId: batchId },
      select: { type: true },
    });
    expect(incidents.map((i) => i.type).sort()).toEqual(['ROBBERY', 'THREATS']);
  });

  it('rejects a code the lead has removed; removing it again changes nothing', async () => {
    const lead = await browserFor(org.users.lead);
    const removed = await lead.graphql(DELETE, { code: '0290' });
    expect((removed.body.data as { deleteCrimeCodeMapping: Table }).deleteCrimeCodeMapping.mappings).toEqual([
      { code: '1000', incidentType: 'THREATS' },
    ]);
    expect((await auditOf('DELETE')).map((e) => e.detail)).toEqual([
      { code: '0290', incidentType: 'ROBBERY' },
    ]);
    const again = await lead.graphql(DELETE, { code: '0290' });
    expect(again.body.errors).toBeUndefined();
    expect(await auditOf('DELETE')).toHaveLength(1);

    const worker = await browserFor(org.users.worker);
    const preview = await worker.graphql(PREVIEW, {
      input: { fileName: 'igen.csv', rows: [rowWith('0290', '61000021')] },
    });
    const rejected = (
      preview.body.data as { previewIncidentImport: { rejected: { problems: { code: string }[] }[] } }
    ).previewIncidentImport.rejected;
    expect(rejected[0]!.problems.map((p) => p.code)).toEqual(['UNKNOWN_CRIME_CODE']);
  });
});

import { describe, expect, it } from 'vitest';
import { committedSchema, renderSchema } from './print-schema.ts';

describe('schema.graphql', () => {
  it('is the schema the code builds (run `npm run generate -w @vi/gateway` when this fails)', () => {
    expect(committedSchema()).toBe(renderSchema());
  });
});

import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.ts';
// Order matters only for readability: shared types first, then capabilities.
import './scalars.ts';
import './enums.ts';
import './root.ts';
import './auth/organization.ts';
import './auth/me.ts';
import './auth/login.ts';
import './auth/account.ts';
import './auth/users.ts';
import './persons/person.ts';
import './persons/outreach-case.ts';
import './outreach/index.ts';
import './outreach-survey/index.ts';
import './courses/index.ts';
// After the outreach case and the intake registration, whose fields it adds.
import './reach/reach-fields.ts';
import './shelter-aftercare/index.ts';
import './hate-crime/index.ts';
import './evaluation/index.ts';
import './i18n/index.ts';

/** The built schema. Printed, sorted, into schema.graphql by scripts/print-schema.ts. */
export const schema = builder.toSchema();

export const sortedSchema = lexicographicSortSchema(schema);

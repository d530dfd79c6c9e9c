import type { Role } from '@vi/db';

/** Who does what in outreach (DOMAIN 1). Admins configure but do not call or counsel. */
export const CALLER_ROLES = ['OUTREACH_WORKER'] as const satisfies readonly Role[];
export const COUNSELLOR_ROLES = ['COUNSELLOR'] as const satisfies readonly Role[];
export const LEAD_ROLES = ['PROJECT_LEAD'] as const satisfies readonly Role[];
export const SETTINGS_EDITOR_ROLES = ['PROJECT_LEAD', 'ADMIN'] as const satisfies readonly Role[];
/** Import of the police list: the outreach workers who screen it, and the lead. */
export const IMPORT_ROLES = ['OUTREACH_WORKER', 'PROJECT_LEAD'] as const satisfies readonly Role[];
export const SETTINGS_READER_ROLES = [
  'OUTREACH_WORKER',
  'COUNSELLOR',
  'PROJECT_LEAD',
  'ADMIN',
] as const satisfies readonly Role[];

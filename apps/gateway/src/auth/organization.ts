import { builder } from '../builder.ts';
import { OrganizationKindEnum, PrivacyStanceEnum } from '../enums.ts';

/**
 * An organisation the user belongs to. Its settings (call windows,
 * retention…) are exposed by the features that use them.
 */
export const OrganizationRef = builder.prismaObject('Organization', {
  authScopes: (organization) => ({ organizationMember: organization.id }),
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    name: t.exposeString('name', { nullable: false }),
    kind: t.expose('kind', { type: OrganizationKindEnum, nullable: false }),
    stance: t.expose('stance', { type: PrivacyStanceEnum, nullable: false }),
  }),
});

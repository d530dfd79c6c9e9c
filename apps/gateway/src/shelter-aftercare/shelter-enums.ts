import {
  CivilSocietyOffer,
  CivilSocietyOutcome,
  CivilSocietyReferralStatus,
  CounsellingArea,
  CounsellingItemStatus,
  StartUpHelpNeedKind,
  StartUpHelpStatus,
  StayPersonRole,
} from '@vi/db';
import { builder } from '../builder.ts';

// The Prisma enums are the domain's stable codes (packages/domain shelter-taxonomies.ts).
export const StayPersonRoleEnum = builder.enumType(StayPersonRole, { name: 'StayPersonRole' });
export const CounsellingAreaEnum = builder.enumType(CounsellingArea, { name: 'CounsellingArea' });
export const CounsellingItemStatusEnum = builder.enumType(CounsellingItemStatus, {
  name: 'CounsellingItemStatus',
});
export const CivilSocietyOfferEnum = builder.enumType(CivilSocietyOffer, { name: 'CivilSocietyOffer' });
export const CivilSocietyReferralStatusEnum = builder.enumType(CivilSocietyReferralStatus, {
  name: 'CivilSocietyReferralStatus',
});
export const CivilSocietyOutcomeEnum = builder.enumType(CivilSocietyOutcome, { name: 'CivilSocietyOutcome' });
export const StartUpHelpNeedKindEnum = builder.enumType(StartUpHelpNeedKind, { name: 'StartUpHelpNeedKind' });
export const StartUpHelpStatusEnum = builder.enumType(StartUpHelpStatus, { name: 'StartUpHelpStatus' });

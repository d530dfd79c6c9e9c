// The outreach capability (issue 3): import of the police list, the call queue and
// claims, the call, referrals to counsellors, the lead's overview, settings.
import './outreach-enums.ts';
import './outreach-settings.ts';
import './crime-code-mappings.ts';
import './incident-import.ts';
import './call-queue.ts';
import './outreach-case.ts';
import './referral.ts';
import './referral-attempts.ts';
import './outreach-overview.ts';

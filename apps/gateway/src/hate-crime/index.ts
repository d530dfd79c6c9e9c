// Hate-crime aftercare (issue 12, DOMAIN 2.3): the case in the sending organisation, the needs
// assessment, referrals to the two tracks at other organisations, the tracks' own work, and the
// lead's capacity and budget view. Rules: packages/domain/src/hate-crime.
import './hate-crime-common.ts';
import './aftercare-case.ts';
import './incident-motive.ts';
import './needs-assessment.ts';
import './referral.ts';
import './legal-task.ts';
import './psychological-support.ts';
import './capacity-budget.ts';

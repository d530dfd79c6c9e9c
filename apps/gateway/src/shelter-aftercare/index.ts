// Aftercare after a shelter stay (DOMAIN 2.4): stays and move-outs, the § 109 checklist,
// psychologist hours, civil-society referrals and start-up help, for the shelter's own staff.
import './shelter-enums.ts';
import './shelter-stay.ts';
import './counselling-item.ts';
import './psychologist-hours.ts';
import './civil-society-referral.ts';
import './start-up-help.ts';
import './stay-child.ts';
import './stay-cancellation.ts';

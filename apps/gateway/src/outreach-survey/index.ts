// The outreach user survey (issue 14): the link issued from a call, the public survey, the lead's follow-ups.
import './call-result-link.ts';
import './public-survey.ts';
import './follow-up-tasks.ts';

// The evaluators' aggregate-only schema. schema.ts imports this one file.
import './aggregate-types.ts';
import './evaluation.ts';
import './outreach-figures.ts';
import './intake-figures.ts';
import './course-figures.ts';
import './recovery-figures.ts';
import './cost-figures.ts';
import './hate-crime-figures.ts';
import './shelter-figures.ts';
import './outreach-survey-figures.ts';
import './cost-inputs.ts';
import './reach-figures.ts';

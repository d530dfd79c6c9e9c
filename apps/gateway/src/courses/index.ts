// The group-course capability (DOMAIN 2.2): intake, risk assessment, waiting
// list, courses, attendance and the participants' own linked questionnaires.
import './course-enums.ts';
import './course-warning.ts';
import './intake.ts';
import './risk-assessment.ts';
import './risk-correction.ts';
import './waiting-list.ts';
import './module-plan.ts';
import './course.ts';
import './enrolment.ts';
import './attendance.ts';
import './form-link.ts';

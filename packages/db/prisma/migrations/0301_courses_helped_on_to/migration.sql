-- Where a participant was helped on to after the course (DOMAIN 2.2 "after the course"),
-- recorded by the group leader with the end form's list of offers (HELPED_ON_TO codes).
ALTER TABLE "Enrolment" ADD COLUMN "helpedOnTo" TEXT[];
ALTER TABLE "Enrolment" ADD COLUMN "helpedOnToOther" TEXT;

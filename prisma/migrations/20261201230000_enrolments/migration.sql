-- Enrolments: one active enrolment per pupil and stage (a cancelled one does not block a new one),
-- waiting-list order, convocation sequence and reminders, and the platform options for fair share.
ALTER TABLE "Site" ADD COLUMN "convocationNote" TEXT,
ADD COLUMN "fairShareSeats" INTEGER,
ADD COLUMN "fairShareDays" INTEGER,
ADD COLUMN "conventionReminderDays" INTEGER NOT NULL DEFAULT 7;
ALTER TABLE "Site" ADD CONSTRAINT "Site_fairShare_check" CHECK (("fairShareSeats" IS NULL OR "fairShareSeats" >= 1) AND ("fairShareDays" IS NULL OR "fairShareDays" >= 0) AND "conventionReminderDays" >= 0);

ALTER TABLE "Pupil" ADD COLUMN "classLabel" TEXT;

ALTER TABLE "Enrolment" ADD COLUMN "attendanceAt" TIMESTAMP(3),
ADD COLUMN "absenceNotifiedAt" TIMESTAMP(3),
ADD COLUMN "reminderSentAt" TIMESTAMP(3),
ADD COLUMN "conventionReminderSentAt" TIMESTAMP(3),
ADD COLUMN "sequence" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "convocationDue" TEXT;

DROP INDEX "Enrolment_stageId_pupilId_key";
CREATE INDEX "Enrolment_stageId_pupilId_idx" ON "Enrolment"("stageId", "pupilId");
CREATE UNIQUE INDEX "Enrolment_active_stage_pupil_key" ON "Enrolment"("stageId", "pupilId") WHERE "status" <> 'CANCELLED';
CREATE INDEX "Enrolment_stageId_status_createdAt_idx" ON "Enrolment"("stageId", "status", "createdAt");
CREATE INDEX "Enrolment_pupilId_idx" ON "Enrolment"("pupilId");
CREATE INDEX "Enrolment_convocationDue_idx" ON "Enrolment"("convocationDue");

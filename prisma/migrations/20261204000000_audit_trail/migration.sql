-- The audit trail, kept as written (issue 14).
-- 1. "actorId" loses its foreign key: an account deleted later (the yearly rollover removes pupils'
--    accounts) leaves its id in the trail, shown as « compte supprimé ». With ON DELETE SET NULL the
--    deletion would have been an UPDATE of the trail, which the trigger below refuses.
-- 2. "ip": the client's address when a request caused the act (null for a background job).
-- 3. Indexes for the journals: by person, and by date over the whole platform (the operator's).
-- 4. A trigger refuses every UPDATE and DELETE of "AuditEntry", whoever sends it (the app has no such
--    path, and neither has a raw query). A deliberate purge goes through the table's owner, who can
--    disable the trigger explicitly (ALTER TABLE ... DISABLE TRIGGER), a visible act.
-- 5. enrolment_usual (migration 20261203000000_enrolment_fast) writes the client's address with its
--    audit line: the same function with one more argument, p_audit_ip, null when not given.
-- The function bodies are escape strings with \x3B for the semicolon, and no semicolon appears in these
-- comments: @prisma/adapter-pg's executeScript (npm run db:migrate on PostgreSQL) splits on every one.

-- DropForeignKey
ALTER TABLE "AuditEntry" DROP CONSTRAINT "AuditEntry_actorId_fkey";

-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "ip" TEXT;

-- CreateIndex
CREATE INDEX "AuditEntry_actorId_at_idx" ON "AuditEntry"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- The trail is append-only.
CREATE FUNCTION "audit_entry_immutable"() RETURNS trigger
LANGUAGE plpgsql AS E'
BEGIN
  RAISE EXCEPTION ''Le journal d’audit ne se modifie pas : % refusé sur "AuditEntry".'', TG_OP
    USING ERRCODE = ''insufficient_privilege''\x3B
END
';

CREATE TRIGGER "AuditEntry_immutable"
  BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION "audit_entry_immutable"();

-- enrolment_usual with the client's address (same body otherwise).
DROP FUNCTION "enrolment_usual"(TEXT, TEXT, DATE, INTEGER, INTEGER, TEXT, TEXT, TEXT, TEXT, INTEGER, TEXT, TIMESTAMP(3), TEXT, TEXT, TEXT, JSONB);

CREATE FUNCTION "enrolment_usual"(
  p_enrolment_id TEXT, p_stage_id TEXT, p_stage_day DATE, p_start_minutes INTEGER, p_end_minutes INTEGER,
  p_pupil_id TEXT, p_establishment_id TEXT, p_enrolled_by TEXT, p_convocation_due TEXT, p_max_reenrolments INTEGER,
  p_audit_id TEXT, p_audit_at TIMESTAMP(3), p_audit_action TEXT, p_audit_site_id TEXT, p_audit_target_type TEXT, p_audit_data JSONB,
  p_audit_ip TEXT DEFAULT NULL)
RETURNS TABLE (new_id TEXT, day_rows JSON)
LANGUAGE plpgsql VOLATILE AS E'
DECLARE
  rows_read JSON\x3B
  refused BOOLEAN\x3B
BEGIN
  PERFORM FROM "Pupil" p WHERE p."id" = p_pupil_id FOR UPDATE\x3B
  IF NOT FOUND THEN
    RETURN QUERY SELECT NULL::text, NULL::json\x3B
    RETURN\x3B
  END IF\x3B
  SELECT json_agg(d),
      count(*) FILTER (WHERE d."stageId" = p_stage_id AND d."status" = ''CANCELLED'') >= p_max_reenrolments
      OR coalesce(bool_or(d."status" <> ''CANCELLED''
        AND (d."stageId" = p_stage_id OR (d."startMinutes" < p_end_minutes AND p_start_minutes < d."endMinutes"))), false)
    INTO rows_read, refused
    FROM "enrolment_pupil_day"(p_pupil_id, p_stage_id, p_stage_day) d\x3B
  IF refused THEN
    RETURN QUERY SELECT NULL::text, rows_read\x3B
    RETURN\x3B
  END IF\x3B
  UPDATE "Stage" s SET "enrolledCount" = s."enrolledCount" + 1
    WHERE s."id" = p_stage_id AND s."status" = ''PUBLISHED'' AND s."enrolledCount" < s."capacity"\x3B
  IF NOT FOUND THEN
    RETURN QUERY SELECT NULL::text, NULL::json\x3B
    RETURN\x3B
  END IF\x3B
  INSERT INTO "Enrolment" ("id", "stageId", "pupilId", "establishmentId", "enrolledById", "status", "convocationDue")
    VALUES (p_enrolment_id, p_stage_id, p_pupil_id, p_establishment_id, p_enrolled_by, ''CONFIRMED'', p_convocation_due)\x3B
  INSERT INTO "AuditEntry" ("id", "at", "actorId", "action", "establishmentId", "siteId", "targetType", "targetId", "data", "ip")
    VALUES (p_audit_id, p_audit_at, p_enrolled_by, p_audit_action, p_establishment_id, p_audit_site_id, p_audit_target_type, p_enrolment_id, p_audit_data, p_audit_ip)\x3B
  RETURN QUERY SELECT p_enrolment_id, NULL::json\x3B
END
';

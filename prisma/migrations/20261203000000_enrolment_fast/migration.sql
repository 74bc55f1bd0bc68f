-- The enrolments of a pupil that bear on a new enrolment in a stage: the pupil's active ones (confirmed
-- or waiting) in a maintained stage that day, and every one in this stage (cancelled ones count against
-- re-enrolment), with what a refusal names (formation, platform). Read by enrolment_usual below right
-- after the pupil's row lock, and by the longer path of lib/enrolments/service.ts under that lock.
-- VOLATILE on purpose, like enrolment_usual: a volatile function takes a fresh snapshot for each of its
-- queries, so it sees an enrolment of the same pupil committed while the caller waited for that lock
-- (a snapshot taken before the wait, as a single SQL statement's is, would not).
-- PL/pgSQL rather than SQL: its query plan is kept by each connection (an SQL function is planned
-- again at every call, several times the cost of running it here).
-- The body is an escape string with \x3B for the semicolon, and no semicolon appears in these comments:
-- @prisma/adapter-pg's executeScript (npm run db:migrate on PostgreSQL) splits a migration on every one.
CREATE FUNCTION "enrolment_pupil_day"(pupil_id TEXT, stage_id TEXT, stage_day DATE)
RETURNS TABLE ("stageId" TEXT, "status" TEXT, "startMinutes" INTEGER, "endMinutes" INTEGER, "formation" TEXT, "site" TEXT)
LANGUAGE plpgsql VOLATILE AS E'
BEGIN
  RETURN QUERY
  SELECT e."stageId", e."status"::text, s."startMinutes", s."endMinutes", f."type" || '' '' || f."name", si."name"
  FROM "Enrolment" e
  JOIN "Stage" s ON s."id" = e."stageId" AND s."date" = stage_day AND s."status" = ''PUBLISHED''
  JOIN "Formation" f ON f."id" = s."formationId"
  JOIN "Site" si ON si."id" = s."siteId"
  WHERE e."pupilId" = pupil_id AND (e."status" IN (''CONFIRMED'', ''WAITING'') OR e."stageId" = stage_id)\x3B
END
';

-- The usual enrolment (lib/enrolments/service.ts, enrolAtOnce), whole, in one call: atomic on its own
-- (a single statement outside any transaction, or inside the caller's), its plans kept by the connection.
-- 1. The pupil's row lock (two enrolments of one pupil queue here). Pupil gone: nothing written, null, null.
-- 2. Their enrolments that day (enrolment_pupil_day, a fresh snapshot after the lock). When one of them
--    refuses this enrolment (the rules of clashIn in service.ts, keep both alike: cancelled in this stage
--    p_max_reenrolments times or more, active in this stage, active at overlapping hours), nothing is
--    written and the rows are returned as JSON for the service to say why.
-- 3. The seat, by the conditional update. No seat (or the stage cancelled meanwhile): nothing written, null, null.
-- 4. The enrolment, confirmed, and its audit line (its contents given by the service). Returns its id.
CREATE FUNCTION "enrolment_usual"(
  p_enrolment_id TEXT, p_stage_id TEXT, p_stage_day DATE, p_start_minutes INTEGER, p_end_minutes INTEGER,
  p_pupil_id TEXT, p_establishment_id TEXT, p_enrolled_by TEXT, p_convocation_due TEXT, p_max_reenrolments INTEGER,
  p_audit_id TEXT, p_audit_at TIMESTAMP(3), p_audit_action TEXT, p_audit_site_id TEXT, p_audit_target_type TEXT, p_audit_data JSONB)
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
  INSERT INTO "AuditEntry" ("id", "at", "actorId", "action", "establishmentId", "siteId", "targetType", "targetId", "data")
    VALUES (p_audit_id, p_audit_at, p_enrolled_by, p_audit_action, p_establishment_id, p_audit_site_id, p_audit_target_type, p_enrolment_id, p_audit_data)\x3B
  RETURN QUERY SELECT p_enrolment_id, NULL::json\x3B
END
';

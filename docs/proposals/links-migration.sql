-- Step 1 is applied (prisma/migrations/20261202010000_conventions): the table holds the convention
-- signature links, with a `recipient` and a `version` column, and one open link per person and signature.
-- PROPOSAL, not a migration: not under prisma/migrations, nothing applies it.
-- One table for every emailed link (lib/core/links.ts). Today the core works over the existing
-- tables through one adapter per purpose (AuthToken for activation / password reset, Invitation for
-- staff and platform invitations); convention signatures have no table at all, so the next area
-- needs one anyway. Step 1 gives them this generic one; step 2 (optional, later) moves the other
-- purposes in, after which lib/core/links.ts keeps a single adapter. See docs/proposals/links.md.

-- ───────────── Step 1: the table (needed for 'convention-signature') ─────────────

CREATE TYPE "LinkPurpose" AS ENUM ('ACTIVATION', 'PASSWORD_RESET', 'STAFF_INVITATION', 'PLATFORM_INVITATION', 'CONVENTION_SIGNATURE');

CREATE TABLE "EmailLink" (
    "id" TEXT NOT NULL,
    "purpose" "LinkPurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,                -- SHA-256 (hex) of the raw token; the raw token is only in the email
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),                 -- superseded or cancelled (account links gain a real « revoked »)
    "userId" TEXT,                            -- ACTIVATION, PASSWORD_RESET
    "invitationId" TEXT,                      -- STAFF_INVITATION, PLATFORM_INVITATION (the Invitation keeps email, role, inviter)
    "conventionId" TEXT,                      -- CONVENTION_SIGNATURE
    "party" "SignatureParty",                 -- CONVENTION_SIGNATURE: which signature the link is for
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailLink_pkey" PRIMARY KEY ("id"),
    -- exactly the subject its purpose needs
    CONSTRAINT "EmailLink_subject_check" CHECK (
        ("purpose" IN ('ACTIVATION', 'PASSWORD_RESET') AND "userId" IS NOT NULL AND "invitationId" IS NULL AND "conventionId" IS NULL AND "party" IS NULL)
     OR ("purpose" IN ('STAFF_INVITATION', 'PLATFORM_INVITATION') AND "invitationId" IS NOT NULL AND "userId" IS NULL AND "conventionId" IS NULL AND "party" IS NULL)
     OR ("purpose" = 'CONVENTION_SIGNATURE' AND "conventionId" IS NOT NULL AND "party" IS NOT NULL AND "userId" IS NULL AND "invitationId" IS NULL)
    ),
    CONSTRAINT "EmailLink_used_or_revoked_check" CHECK ("usedAt" IS NULL OR "revokedAt" IS NULL)
);

CREATE UNIQUE INDEX "EmailLink_tokenHash_key" ON "EmailLink"("tokenHash");
CREATE INDEX "EmailLink_userId_purpose_idx" ON "EmailLink"("userId", "purpose");
CREATE INDEX "EmailLink_invitationId_idx" ON "EmailLink"("invitationId");
CREATE INDEX "EmailLink_conventionId_party_idx" ON "EmailLink"("conventionId", "party");
-- at most one open link per signature (issuing a new one revokes the old one in the same transaction)
CREATE UNIQUE INDEX "EmailLink_open_signature_key" ON "EmailLink"("conventionId", "party") WHERE "purpose" = 'CONVENTION_SIGNATURE' AND "usedAt" IS NULL AND "revokedAt" IS NULL;

ALTER TABLE "EmailLink" ADD CONSTRAINT "EmailLink_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "EmailLink" ADD CONSTRAINT "EmailLink_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "Invitation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "EmailLink" ADD CONSTRAINT "EmailLink_conventionId_fkey" FOREIGN KEY ("conventionId") REFERENCES "Convention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ───────────── Step 2 (optional, later): move today's links in ─────────────
-- Run only with the code switched to the single adapter, in the same release.

-- INSERT INTO "EmailLink" ("id", "purpose", "tokenHash", "expiresAt", "usedAt", "userId", "createdAt")
-- SELECT "id", CASE "kind" WHEN 'ACTIVATION' THEN 'ACTIVATION'::"LinkPurpose" ELSE 'PASSWORD_RESET'::"LinkPurpose" END,
--        "tokenHash", "expiresAt", "usedAt", "userId", "createdAt"
-- FROM "AuthToken";
--
-- INSERT INTO "EmailLink" ("id", "purpose", "tokenHash", "expiresAt", "usedAt", "revokedAt", "invitationId", "createdAt")
-- SELECT 'l' || "id", CASE WHEN "siteId" IS NOT NULL THEN 'PLATFORM_INVITATION'::"LinkPurpose" ELSE 'STAFF_INVITATION'::"LinkPurpose" END,
--        "tokenHash", "expiresAt", "acceptedAt", CASE WHEN "acceptedAt" IS NULL THEN "revokedAt" END, "id", "createdAt"
-- FROM "Invitation";
--
-- Then, once nothing reads them (a later migration):
-- DROP TABLE "AuthToken"; DROP TYPE "TokenKind";
-- ALTER TABLE "Invitation" DROP COLUMN "tokenHash", DROP COLUMN "expiresAt";
--   (Invitation keeps acceptedAt / revokedAt as business facts, or reads them from its link.)

-- Conventions: the statuses of the issue (à compléter, envoyée, partiellement signée, signée, annulée),
-- versions frozen with the exact PDF signed, signatures per version (void when a new version is made),
-- the sealed PDF, paper « Convention reçue », and the signature links (EmailLink, step 1 of
-- docs/proposals/links-migration.sql). Nothing used the old Convention and Signature tables: they are rebuilt.
DROP TABLE "Signature";
DROP TABLE "Convention";
DROP TYPE "ConventionStatus";

CREATE TYPE "ConventionStatus" AS ENUM ('DRAFT', 'READY', 'PARTIAL', 'SIGNED', 'CANCELLED');
CREATE TYPE "LinkPurpose" AS ENUM ('CONVENTION_SIGNATURE');

CREATE TABLE "Convention" (
    "id" TEXT NOT NULL,
    "enrolmentId" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "verifyCode" TEXT NOT NULL,
    "status" "ConventionStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 0,
    "snapshot" JSONB,
    "snapshotHash" TEXT,
    "pdf" BYTEA,
    "pdfSha256" TEXT,
    "sealedPdf" BYTEA,
    "sealedSha256" TEXT,
    "sentAt" TIMESTAMP(3),
    "signedAt" TIMESTAMP(3),
    "receivedAt" TIMESTAMP(3),
    "receivedById" TEXT,
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Convention_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Convention_version_check" CHECK ("version" >= 0 AND ("status" = 'DRAFT' OR "status" = 'CANCELLED' OR "receivedAt" IS NOT NULL OR ("version" >= 1 AND "snapshotHash" IS NOT NULL AND "pdfSha256" IS NOT NULL)))
);

CREATE TABLE "Signature" (
    "id" TEXT NOT NULL,
    "conventionId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "party" "SignatureParty" NOT NULL,
    "signerName" TEXT NOT NULL,
    "signerEmail" TEXT,
    "signedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ip" TEXT,
    "userAgent" TEXT,
    "pdfSha256" TEXT NOT NULL,
    "voidedAt" TIMESTAMP(3),
    "recordedById" TEXT,

    CONSTRAINT "Signature_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "EmailLink" (
    "id" TEXT NOT NULL,
    "purpose" "LinkPurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "siteId" TEXT,
    "conventionId" TEXT,
    "party" "SignatureParty",
    "version" INTEGER,
    "recipient" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailLink_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "EmailLink_subject_check" CHECK ("purpose" <> 'CONVENTION_SIGNATURE' OR ("conventionId" IS NOT NULL AND "party" IS NOT NULL AND "version" IS NOT NULL AND "siteId" IS NOT NULL AND "recipient" IS NOT NULL)),
    CONSTRAINT "EmailLink_used_or_revoked_check" CHECK ("usedAt" IS NULL OR "revokedAt" IS NULL)
);

CREATE UNIQUE INDEX "Convention_enrolmentId_key" ON "Convention"("enrolmentId");
CREATE UNIQUE INDEX "Convention_number_key" ON "Convention"("number");
CREATE UNIQUE INDEX "Convention_verifyCode_key" ON "Convention"("verifyCode");
CREATE UNIQUE INDEX "Convention_sealedSha256_key" ON "Convention"("sealedSha256");
CREATE INDEX "Convention_siteId_status_idx" ON "Convention"("siteId", "status");
CREATE INDEX "Convention_status_idx" ON "Convention"("status");
CREATE UNIQUE INDEX "Signature_conventionId_version_party_key" ON "Signature"("conventionId", "version", "party");
CREATE UNIQUE INDEX "EmailLink_tokenHash_key" ON "EmailLink"("tokenHash");
CREATE INDEX "EmailLink_conventionId_party_idx" ON "EmailLink"("conventionId", "party");
-- one open link per person and signature (a new one revokes the old one in the same transaction)
CREATE UNIQUE INDEX "EmailLink_open_signature_key" ON "EmailLink"("conventionId", "party", "recipient") WHERE "purpose" = 'CONVENTION_SIGNATURE' AND "usedAt" IS NULL AND "revokedAt" IS NULL;

CREATE SEQUENCE "Convention_number_seq";

-- A guardian typed by the pupil (« Ma classe », sign-up) gets no signature link until the collège
-- saves the pupil's guardians: a pupil cannot sign for a parent.
ALTER TABLE "Guardian" ADD COLUMN "enteredByPupil" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "Convention" ADD CONSTRAINT "Convention_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Signature" ADD CONSTRAINT "Signature_conventionId_fkey" FOREIGN KEY ("conventionId") REFERENCES "Convention"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "EmailLink" ADD CONSTRAINT "EmailLink_conventionId_fkey" FOREIGN KEY ("conventionId") REFERENCES "Convention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "OutboxAttachment" (
    "id" TEXT NOT NULL,
    "emailId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "content" BYTEA NOT NULL,

    CONSTRAINT "OutboxAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OutboxAttachment_emailId_position_key" ON "OutboxAttachment"("emailId", "position");

-- AddForeignKey
ALTER TABLE "OutboxAttachment" ADD CONSTRAINT "OutboxAttachment_emailId_fkey" FOREIGN KEY ("emailId") REFERENCES "OutboxEmail"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateIndex
CREATE UNIQUE INDEX "Site_establishmentId_key" ON "Site"("establishmentId");

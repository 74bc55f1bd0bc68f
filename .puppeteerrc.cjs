/** Chromium comes from the system (apt-get install chromium): never download one. */
module.exports = { skipDownload: true };

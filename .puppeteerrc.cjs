// Browsers come from Debian packages; never let puppeteer download its own.
module.exports = { skipDownload: true };

// The build gives cli-table3 this in place of string-width: the same widths
// (src/text/width.ts), without rebuilding an ANSI regular expression on every
// call, which made the table most of a short run's time.
module.exports = require('../text/width.ts').displayWidth;

// The page's build injects this wherever a module names the global `Buffer` (the reader's
// byte search, the workbook libraries' zip code): the browser has none, and the `buffer`
// package is Node's Buffer written for browsers.
export { Buffer } from 'buffer';

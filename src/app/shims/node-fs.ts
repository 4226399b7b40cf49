// node:fs for the page: there is no file system. The CLI module that imports it
// (src/cli/plan-files.ts) uses it only to find the bundled plan beside dist/; the page
// always names its plan folder (src/app/memory-io.ts), so these are never reached, and
// say so if they were.
function absent(): never {
  throw Object.assign(new Error('no file system in the page'), { code: 'ENOENT' });
}
export const existsSync = (): boolean => false;
export const readFileSync = absent;
export const readdirSync = absent;
export default { existsSync, readFileSync, readdirSync };

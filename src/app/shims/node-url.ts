// node:url for the page: only fileURLToPath, for a module URL the page never has a file for.
export function fileURLToPath(url: string | URL): string {
  return new URL(String(url)).pathname;
}
export default { fileURLToPath };

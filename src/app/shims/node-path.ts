// node:path for the page: the POSIX functions the CLI's commands call (resolve, join,
// relative, dirname, basename, extname), over the page's in-memory folder (src/app/memory-io.ts).

function normalizeParts(path: string): string[] {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out;
}

export const sep = '/';

export function isAbsolute(path: string): boolean {
  return path.startsWith('/');
}

export function resolve(...paths: string[]): string {
  let joined = '';
  for (let i = paths.length - 1; i >= 0 && !joined.startsWith('/'); i--) {
    const p = paths[i]!;
    if (p) joined = joined ? `${p}/${joined}` : p;
  }
  return `/${normalizeParts(joined).join('/')}`;
}

export function join(...paths: string[]): string {
  const joined = paths.filter(Boolean).join('/');
  if (!joined) return '.';
  const parts = normalizeParts(joined).join('/');
  return joined.startsWith('/') ? `/${parts}` : parts || '.';
}

export function dirname(path: string): string {
  const parts = normalizeParts(path);
  parts.pop();
  return path.startsWith('/') ? `/${parts.join('/')}` : parts.join('/') || '.';
}

export function basename(path: string, ext?: string): string {
  const base = normalizeParts(path).pop() ?? '';
  return ext && base.endsWith(ext) && base !== ext ? base.slice(0, -ext.length) : base;
}

export function extname(path: string): string {
  const base = basename(path);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot) : '';
}

export function relative(from: string, to: string): string {
  const a = normalizeParts(resolve(from));
  const b = normalizeParts(resolve(to));
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

export default { sep, isAbsolute, resolve, join, dirname, basename, extname, relative };

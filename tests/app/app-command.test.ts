// `plancheck app -o FILE`: the page the build made, written where asked, self-contained.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plancheck, ROOT, tempDir } from '../cli/helpers.js';

const DIST_PAGE = join(ROOT, 'dist', 'plancheck.html');

describe('plancheck app', () => {
  it('writes the page the build made, one self-contained file under 5 MB', () => {
    const dir = tempDir('plancheck-app-cmd-');
    const r = plancheck(['app', '-o', 'plancheck.html'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('plancheck.html');
    const page = readFileSync(join(dir, 'plancheck.html'));
    expect(page.equals(readFileSync(DIST_PAGE))).toBe(true);
    expect(page.length).toBeLessThan(5 * 1024 * 1024);
    const html = page.toString('utf8');
    // Nothing to fetch: no external script, style, font or image, and a policy that forbids any.
    expect(html).not.toMatch(/<(script|link|img|iframe)\b[^>]*\b(src|href)=/iu);
    const css = /<style>([^]*?)<\/style>/u.exec(html)![1]!;
    expect(css).not.toMatch(/@import|@font-face|url\(/iu);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain("connect-src 'none'");
    // The bundled plan is inside.
    expect(html).toContain('泰州市“十四五”儿童发展规划');
  });

  it('refuses an output that is not .html, and a missing -o, with exit 2', () => {
    const dir = tempDir('plancheck-app-cmd-');
    const r = plancheck(['app', '-o', 'page.txt', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Name the offline page with -o, ending in .html (got "page.txt")');
    expect(existsSync(join(dir, 'page.txt'))).toBe(false);
    expect(plancheck(['app'], { cwd: dir }).code).toBe(2);
  });
});

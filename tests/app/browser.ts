// The offline page (dist/plancheck.html) in real headless Chromium, driven by playwright-core
// (which downloads no browser): Debian's chromium at /usr/bin/chromium, with a fresh profile.
// Every page opened here refuses any request that is not to a file:, blob: or data: URL and
// records it, and records every console error: the tests fail on either.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ROOT } from '../cli/helpers.js';

export const CHROMIUM = process.env.PLANCHECK_CHROMIUM ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
export const PAGE_URL = `file://${join(ROOT, 'dist', 'plancheck.html')}`;

if (!HAVE_CHROMIUM) console.warn(`tests/app: SKIPPED, no Chromium at ${CHROMIUM} (apt-get install chromium fonts-noto-cjk; .ci/run installs them)`);

export const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'plancheck-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS, acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface Watched {
  page: Page;
  /** Requests to anything but file:, blob: and data: (all refused). */
  requests: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
}

/** The page, opened with every request outside file:, blob: and data: refused and recorded, and console errors recorded; once its plan is shown. */
export async function openPage(browser: Browser): Promise<Watched> {
  const page = await browser.context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (/^(file|blob|data):/u.test(url)) return route.continue();
    requests.push(url);
    return route.abort();
  });
  // A worker's requests too (the page's worker comes from a blob: URL).
  page.on('request', (r) => {
    if (!/^(file|blob|data):/u.test(r.url()) && !requests.includes(r.url())) requests.push(r.url());
  });
  await page.goto(PAGE_URL);
  await page.waitForSelector('#plan-line:not(:empty)', { timeout: 60_000 });
  return { page, requests, errors };
}

/** Waits until the page's work is done (its progress area hidden again) and every panel is drawn. */
export async function settled(page: Page, timeout = 120_000): Promise<void> {
  // A string, not a function: what vitest's transform adds to a function does not exist in the page.
  try {
    await page.waitForFunction("document.querySelector('#busy').hidden && document.querySelector('[data-command=report]') !== null", null, { timeout });
  } catch (e) {
    const state = await page.evaluate("JSON.stringify({ busy: document.querySelector('#busy').hidden, progress: document.querySelector('#progress-text').textContent, message: document.querySelector('#message').textContent, loaded: document.querySelector('#loaded').textContent })");
    throw new Error(`the page did not settle: ${String(state)}`, { cause: e });
  }
}

/** The CLI command line a panel's run stands for (data-argv). */
export async function argvOf(page: Page, command: string): Promise<string[]> {
  return JSON.parse((await page.getAttribute(`.argv[data-command=${command}]`, 'data-argv'))!) as string[];
}

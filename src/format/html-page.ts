// The shell of plancheck's HTML files (the compliance table and the evaluation report): one
// self-contained page, inline CSS, no script and no request of any kind — a
// Content-Security-Policy forbids them too — printable on A4.
import type { Lang } from '../i18n/index.js';
import { xml as h } from './junit.js';
import { REPORT_CSS } from './report-style.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The page around a body already in HTML; the title is text and is escaped here. */
export function htmlPage(title: string, lang: Lang, body: readonly string[]): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang === 'en' ? 'en' : 'zh-CN'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${h(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

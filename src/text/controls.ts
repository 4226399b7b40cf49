// Control characters from a return (a 备注 holding ESC [2J, an OSC title sequence, a
// vertical tab) must reach no terminal, CI log, Markdown or HTML report as they are: they
// would clear a screen, retitle a window or forge a line. They are shown instead, visibly
// and one column wide: a C0 control or DEL as its Unicode control picture (ESC → ␛,
// U+0001 → ␁, DEL → ␡), a C1 control as the text \x9b. Tab, line feed and carriage
// return stay: every format already has its own rule for them.

const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;
const ANY_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;

export function hasControls(text: string): boolean {
  return ANY_CONTROL.test(text);
}

export function escapeControls(text: string): string {
  if (!ANY_CONTROL.test(text)) return text;
  return text.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return `\\x${code.toString(16)}`;
  });
}

// Control characters from a return (a 备注 holding ESC [2J, an OSC title sequence, a
// vertical tab) must reach no terminal, CI log, Markdown or HTML report as they are: they
// would clear a screen, retitle a window or forge a line. They are shown instead, visibly
// and one column wide: a C0 control or DEL as its Unicode control picture (ESC → ␛,
// U+0001 → ␁, DEL → ␡), a C1 control as the text \x9b. Tab, line feed and carriage
// return stay: every format already has its own rule for them.
//
// The bidirectional controls are treated alike, shown as the text \u202e: an embedding,
// override or isolate (U+202A–202E, U+2066–2069) or a mark (U+200E, U+200F, U+061C) can
// reverse the order a message, a table row or a file name is shown in, so that what a reader
// sees is not what the file says.

const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
const ANY_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

export function hasControls(text: string): boolean {
  return ANY_CONTROL.test(text);
}

export function escapeControls(text: string): string {
  if (!ANY_CONTROL.test(text)) return text;
  return text.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    if (code > 0xff) return `\\u${code.toString(16).padStart(4, '0')}`;
    return `\\x${code.toString(16)}`;
  });
}

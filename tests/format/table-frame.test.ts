// The terminal table draws its frame itself when there is no colour (src/format/table.ts):
// it must be the frame cli-table3 draws, character for character.
import Table from 'cli-table3';
import { describe, expect, it } from 'vitest';
import { colorFrame, loadColor, plainFrame } from '../../src/format/table.js';
import { displayWidth } from '../../src/text/width.js';

const HEADS = [
  ['领域', '指标', '目标', '实际值', '状态', '差距', '说明'],
  ['Area', 'Indicator', 'Target', 'Value', 'Status', 'Gap', 'Detail'],
  ['a', '地区 b', 'x'],
];

function cliTable3(head: string[], widths: number[]): string[] {
  const table = new Table({ head, style: { head: [], border: [] }, colWidths: widths.map((w) => w + 2) });
  table.push(widths.map((w) => 'x'.repeat(w)));
  return table.toString().split('\n');
}

describe('the plain table frame', () => {
  it('is the frame cli-table3 draws without colour', () => {
    for (const head of HEADS) {
      const headWidths = head.map(displayWidth);
      for (const extra of [0, 1, 7, 23]) {
        const widths = headWidths.map((w, i) => w + ((extra * (i + 3)) % 11));
        const [top, header, separator, placeholder, bottom] = cliTable3(head, widths);
        const frame = plainFrame(head, headWidths, widths);
        expect([frame.top, frame.header, frame.separator, frame.bottom]).toEqual([top, header, separator, bottom]);
        expect(frame.edges).toEqual(placeholder!.split(/x+/));
      }
    }
  });

  it('has the same layout as the coloured frame once its colour codes are taken out', async () => {
    await loadColor();
    const head = HEADS[0]!;
    const headWidths = head.map(displayWidth);
    const widths = headWidths.map((w) => w + 3);
    const strip = (s: string) => s.replace(/\u001b\[\d+m/g, '');
    const color = colorFrame(head, widths);
    const plain = plainFrame(head, headWidths, widths);
    expect([color.top, color.header, color.separator, color.bottom].map(strip)).toEqual([plain.top, plain.header, plain.separator, plain.bottom]);
    expect(color.edges.map(strip)).toEqual(plain.edges);
  });
});

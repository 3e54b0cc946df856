import { describe, expect, it } from 'vitest';
import { scanSheetData, type XmlCell } from '../../electron/core/sheets/sheet-xml';

/** A worksheet's XML as Excel and other programs write it: a prefix, a comment, inline and shared text, UTF-8, entities, gaps and rows without their numbers. */
const SHEET = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:cols><x:col min="1" max="2"/></x:cols>',
  '<x:sheetData><!-- typed up from paper -->',
  '<x:row r="2" s="3"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="C2" t="inlineStr"><x:is><x:t>Siobhán &amp; Mária</x:t></x:is></x:c></x:row>',
  "<x:row><x:c t='inlineStr'><x:is><x:r><x:rPr><x:b/></x:rPr><x:t>Ma</x:t></x:r><x:r><x:t xml:space=\"preserve\">ría </x:t></x:r><x:rPh><x:t>まりあ</x:t></x:rPh></x:is></x:c>",
  '<x:c s="1"><x:v>45000</x:v></x:c><x:c r="E3" t="str"><x:f>PROPER("x")</x:f><x:v>López</x:v></x:c><x:c r="F3" s="2"/><x:c r="G3" t="b"><x:v>1</x:v></x:c></x:row>',
  '<x:row r="7"/>',
  '</x:sheetData><x:mergeCells count="0"/></x:worksheet>',
].join('\n');

type Seen = { row: number; style: number; cells: [number, XmlCell][] };

async function scan(bytes: Buffer, chunkSize: number): Promise<Seen[]> {
  async function* chunks() {
    for (let at = 0; at < bytes.length; at += chunkSize) yield bytes.subarray(at, at + chunkSize);
  }
  const rows: Seen[] = [];
  let current: Seen | null = null;
  await scanSheetData(chunks(), {
    row: (row, style) => {
      current = { row, style, cells: [] };
    },
    cell: (column, cell) => current!.cells.push([column, { ...cell }]),
    rowEnd: () => rows.push(current!),
  });
  return rows;
}

describe('reading a worksheet’s XML', () => {
  it('reads each row’s cells as written, however the bytes are cut into chunks', async () => {
    const bytes = Buffer.from(SHEET, 'utf8');
    const expected: Seen[] = [
      {
        row: 2,
        style: 3,
        cells: [
          [0, { style: 0, type: 's', value: '0' }],
          [2, { style: 0, type: 'inlineStr', value: 'Siobhán & Mária' }],
        ],
      },
      {
        row: 3,
        style: 0,
        cells: [
          [0, { style: 0, type: 'inlineStr', value: 'María ' }],
          [1, { style: 1, type: undefined, value: '45000' }],
          [4, { style: 0, type: 'str', value: 'López' }],
          [5, { style: 2, type: undefined, value: null }],
          [6, { style: 0, type: 'b', value: '1' }],
        ],
      },
      { row: 7, style: 0, cells: [] },
    ];
    for (const size of [1, 2, 3, 7, 64, bytes.length]) expect(await scan(bytes, size)).toEqual(expected);
  });

  it('refuses a worksheet cut off before the end of its rows', async () => {
    const bytes = Buffer.from(SHEET.slice(0, SHEET.indexOf('<x:row r="7"')), 'utf8');
    await expect(scan(bytes, 64)).rejects.toThrow(/ends before its rows do/);
  });
});

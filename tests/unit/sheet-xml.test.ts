import { describe, expect, it } from 'vitest';
import { MAX_MARKUP_BYTES, scanSheetData, type XmlCell } from '../../electron/core/sheets/sheet-xml';

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

/** The chunks of bytes, each counted in `read` as the scanner takes it. */
async function* chunksOf(bytes: Buffer, chunkSize: number, read = { chunks: 0 }) {
  for (let at = 0; at < bytes.length; at += chunkSize) {
    read.chunks += 1;
    yield bytes.subarray(at, at + chunkSize);
  }
}

async function scan(bytes: Buffer, chunkSize: number, read = { chunks: 0 }): Promise<Seen[]> {
  const rows: Seen[] = [];
  let current: Seen | null = null;
  await scanSheetData(chunksOf(bytes, chunkSize, read), {
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

  it('reads a large sheet the same in small chunks as whole, long comments, CDATA and text included', async () => {
    const long = 'x'.repeat(MAX_MARKUP_BYTES - 64);
    const rows = Array.from({ length: 3_000 }, (_, index) => {
      const row = index + 1;
      return `<row r="${row}"><c r="A${row}" t="inlineStr"><is><t>Name ${row} &amp; ${'é'.repeat(row % 7)}</t></is></c><c r="B${row}"><v>${row * 1.5}</v></c></row>`;
    });
    // Near-endings inside a comment and a CDATA section, so an end split between chunks is found and a near one is not taken for it.
    rows.splice(10, 0, `<!-- a > b -- c ]] ${long} -->`);
    rows.splice(20, 0, `<row r="10000"><c t="str"><f>A1</f><v><![CDATA[x]]y]>z ${long} & more]]></v></c></row>`);
    const xml = `<worksheet ${'data-long="' + 'y'.repeat(100_000) + '"'}><sheetData>${rows.join('\n')}</sheetData></worksheet>`;
    const bytes = Buffer.from(xml, 'utf8');
    const whole = await scan(bytes, bytes.length);
    expect(whole).toHaveLength(3_001);
    expect(whole[1]!.cells[0]![1].value).toBe('Name 2 & éé');
    const cdata = whole.find((row) => row.row === 10000)?.cells[0]?.[1];
    expect(cdata?.type).toBe('str');
    expect(cdata?.value === `x]]y]>z ${long} & more`).toBe(true);
    for (const size of [997, 16_384, 65_536]) expect(await scan(bytes, size)).toEqual(whole);
  });

  it('passes over a long text between rows without refusing it', async () => {
    const bytes = Buffer.from(`<sheetData>${' '.repeat(4 * MAX_MARKUP_BYTES)}<row r="1"><c><v>1</v></c></row></sheetData>`);
    expect(await scan(bytes, 16_384)).toEqual([{ row: 1, style: 0, cells: [[0, { style: 0, type: undefined, value: '1' }]] }]);
  });

  const damagedSentence = /^This \.xlsx file is damaged: one of its sheets has a tag, comment or cell text longer than 1 MB, or one left open\. Nothing was imported\.$/;
  const filler = 'z'.repeat(2 * MAX_MARKUP_BYTES);

  it.each([
    ['a tag', `<row r="1"><c r="A1" t="${filler}`],
    ['a comment', `<!-- ${filler}`],
    ['a CDATA section', `<row r="1"><c><v><![CDATA[${filler}`],
    ['a processing instruction', `<?fieldbook ${filler}`],
    ['a cell’s text', `<row r="1"><c><v>${filler}`],
    ['a cell’s inline text', `<row r="1"><c t="inlineStr"><is><t>${filler}`],
  ])('refuses %s left open, in a plain sentence', async (_what, body) => {
    const bytes = Buffer.from(`<worksheet><sheetData>${body}</v></c></row></sheetData></worksheet>`);
    for (const size of [16_384, bytes.length]) {
      await expect(scan(bytes, size)).rejects.toMatchObject({ code: 'FILE_DAMAGED', message: expect.stringMatching(damagedSentence) });
    }
  });

  it('refuses a cell of many inline texts that add up to more than the bound', async () => {
    const part = `<t>${'w'.repeat(MAX_MARKUP_BYTES / 4)}</t>`;
    const bytes = Buffer.from(`<sheetData><row r="1"><c t="inlineStr"><is>${part.repeat(5)}</is></c></row></sheetData>`);
    await expect(scan(bytes, 16_384)).rejects.toMatchObject({ code: 'FILE_DAMAGED', message: expect.stringMatching(damagedSentence) });
  });

  it('refuses a short tag, comment or CDATA left open at the end of the sheet as cut short', async () => {
    for (const open of ['<row r="1"', '<!-- typed', '<![CDATA[Ma', '<!-']) {
      const bytes = Buffer.from(`<worksheet><sheetData>${open}`);
      await expect(scan(bytes, 3)).rejects.toMatchObject({ code: 'FILE_DAMAGED', message: expect.stringMatching(/ends before its rows do.* Nothing was imported\.$/) });
    }
  });

  it('refuses 32 MB of a comment left open once it passes the bound, without reading on to the end', async () => {
    const chunkSize = 64 * 1024;
    const bytes = Buffer.from(`<worksheet><sheetData><!-- ${'-'.repeat(32 * 1024 * 1024)}`);
    const read = { chunks: 0 };
    await expect(scan(bytes, chunkSize, read)).rejects.toMatchObject({ code: 'FILE_DAMAGED', message: expect.stringMatching(damagedSentence) });
    // The refusal comes after the first megabyte, not after the 512 chunks of the whole file.
    expect(read.chunks).toBeLessThanOrEqual(MAX_MARKUP_BYTES / chunkSize + 2);
  });
});

import { crc32, deflateRawSync } from 'node:zlib';

/**
 * An .xlsx built by hand, part by part, so a test can put in a sheet's XML
 * whatever a damaged or crafted file could hold (a comment never closed, a
 * tag of megabytes) and have its zip declare the sizes the test says: what
 * no spreadsheet program would write, but a file from anywhere may be.
 */

const WORKBOOK_PARTS: Record<string, string> = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml':
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<sheets><sheet name="People" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
  'xl/sharedStrings.xml': '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
};

/** Rows of inline text as a sheet's XML writes them, for the sheetData of craftedXlsx. */
export function inlineRows(rows: string[][]): string {
  return rows
    .map((cells, index) => `<row r="${index + 1}">${cells.map((text) => `<c t="inlineStr"><is><t>${text}</t></is></c>`).join('')}</row>`)
    .join('');
}

/** A worksheet's XML around what its sheetData holds (which may leave it unclosed). */
export const worksheetXml = (sheetData: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}`;

export interface CraftedXlsxOptions {
  /** The unzipped size the zip declares for a part, instead of its true one. */
  declaredSize?: (partName: string, trueSize: number) => number;
  /** Leaves out the shared strings, as some programs do for a sheet of inline text only. */
  withoutSharedStrings?: boolean;
}

/** A one-sheet .xlsx ("People") whose sheet is the XML given, deflated, with the workbook's other parts as Excel writes them. */
export function craftedXlsx(sheetXml: string | Buffer, options: CraftedXlsxOptions = {}): Buffer {
  const parts: [string, Buffer][] = [
    ...Object.entries(WORKBOOK_PARTS)
      .filter(([name]) => !(options.withoutSharedStrings && name === 'xl/sharedStrings.xml'))
      .map(([name, xml]) => [name, Buffer.from(xml, 'utf8')] as [string, Buffer]),
    ['xl/worksheets/sheet1.xml', Buffer.isBuffer(sheetXml) ? sheetXml : Buffer.from(sheetXml, 'utf8')],
  ];
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const nameBytes = Buffer.from(name, 'utf8');
    const zipped = deflateRawSync(data, { level: 9 });
    const declared = options.declaredSize?.(name, data.length) ?? data.length;
    // The local header and the central directory's entry say the same from the method on, the entry 2 bytes further in.
    const describe = (header: Buffer, methodAt: number) => {
      header.writeUInt16LE(8, methodAt);
      header.writeUInt32LE(crc32(data), methodAt + 6);
      header.writeUInt32LE(zipped.length, methodAt + 10);
      header.writeUInt32LE(declared, methodAt + 14);
      header.writeUInt16LE(nameBytes.length, methodAt + 18);
      return header;
    };
    const local = describe(Buffer.alloc(30), 8);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    const entry = describe(Buffer.alloc(46), 10);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, zipped);
    directory.push(entry, nameBytes);
    offset += local.length + nameBytes.length + zipped.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

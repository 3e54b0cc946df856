// The parts of exceljs's own streaming reader that xlsx-rows.ts reads a worksheet's XML with (exceljs declares no types for them).
declare module 'exceljs/lib/utils/parse-sax.js' {
  const parseSax: (iterable: AsyncIterable<Buffer>) => AsyncIterable<unknown[]>;
  export default parseSax;
}
declare module 'exceljs/lib/utils/utils.js' {
  const utils: { xmlDecode(text: string): string; isDateFmt(format: string | undefined): boolean; excelToDate(value: number, date1904: boolean): Date };
  export default utils;
}

// The parts of exceljs that xlsx-rows.ts and sheet-xml.ts read a worksheet's values with (exceljs declares no types for them).
declare module 'exceljs/lib/utils/utils.js' {
  const utils: { xmlDecode(text: string): string; isDateFmt(format: string | undefined): boolean; excelToDate(value: number, date1904: boolean): Date };
  export default utils;
}

// RFC 4180 CSV: CRLF line ends, a field quoted when it holds a comma, quote or line break, quotes
// doubled. A text field that a spreadsheet would read as a formula (= + - @, or a leading tab or
// carriage return) is prefixed with ' so that it is shown, never evaluated; numbers are written as
// they are (a negative change stays a number).

export type CsvValue = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

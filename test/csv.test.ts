import { describe, expect, it } from 'vitest';
import { BOM, csvCell, csvRow, type CsvCell } from '../lib/csv';

describe('csvCell', () => {
  it.each<[string, CsvCell, string]>([
    ['plain text', 'hello', 'hello'],
    ['empty string', '', ''],
    ['undefined is an empty cell', undefined, ''],
    ['null is an empty cell', null, ''],
    ['integer', 2370, '2370'],
    ['zero', 0, '0'],
    ['fraction', 12.5, '12.5'],
    ['negative number stays a number', -5, '-5'],
    ['NaN is not data', NaN, ''],
    ['Infinity is not data', Infinity, ''],
    ['comma → quoted', 'a,b', '"a,b"'],
    ['quote → quoted and doubled', 'say "hi"', '"say ""hi"""'],
    ['LF → quoted', 'line1\nline2', '"line1\nline2"'],
    ['CRLF → quoted', 'line1\r\nline2', '"line1\r\nline2"'],
    ['unicode passes through', 'café 👍 日本', 'café 👍 日本'],
    // OWASP CSV injection: https://owasp.org/www-community/attacks/CSV_Injection
    ['= formula', '=1+2', "'=1+2"],
    ['+ formula', '+1+2', "'+1+2"],
    ['- formula', '-1+2', "'-1+2"],
    ['- as text (a string "-5" is untrusted)', '-5', "'-5"],
    ['@ formula', '@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['tab start', '\t=1', "'\t=1"],
    ['CR start', '\r=1', '"\'\r=1"'],
    ['LF start', '\n=1', '"\'\n=1"'],
    ['OWASP example with quote and separator', '=1+2";=1+2', '"\'=1+2"";=1+2"'],
    ['DDE payload', "=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['HYPERLINK with comma', '=HYPERLINK("http://evil","x")', '"\'=HYPERLINK(""http://evil"",""x"")"'],
    ['formula char later in the cell is fine', 'a=1', 'a=1'],
    ['a leading apostrophe is left alone', "'quoted", "'quoted"],
  ])('%s', (_name, input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});

describe('csvRow', () => {
  it('joins cells with commas and ends with CRLF', () => {
    expect(csvRow(['x', '1', 2, undefined, null, 'a,b'])).toBe('x,1,2,,,"a,b"\r\n');
  });
  it('an empty row is just CRLF', () => {
    expect(csvRow([])).toBe('\r\n');
  });
  it('exports a BOM for Excel', () => {
    expect(BOM).toBe('\uFEFF');
    expect(BOM.length).toBe(1);
  });
});

import fc from 'fast-check';
import { BOM, csvField, toCsv } from '../../bot/operators/csv';
import { readCsv } from './csv-reader';

describe('CSV for spreadsheets', () => {
  it('quotes only what needs it and doubles quotes', () => {
    expect(csvField('RD-000001')).toBe('RD-000001');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(false)).toBe('false');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+86 138')).toBe("'+86 138");
    expect(csvField('-x')).toBe("'-x");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-5)).toBe('-5');
  });

  it('starts with a BOM and ends every row with CRLF', () => {
    const text = toCsv([{ a: '中文', b: 1 }], [
      { header: 'a', value: (r) => r.a },
      { header: 'b', value: (r) => r.b },
    ]);
    expect(text).toBe(`${BOM}a,b\r\n中文,1\r\n`);
  });

  it('reads back to the same cells, whatever the text', () => {
    const safe = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', '\r', ' ', 'é', '😀') }).filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(fc.array(fc.tuple(safe, safe), { maxLength: 8 }), (rows) => {
        const text = toCsv(rows, [
          { header: 'first', value: (r) => r[0] },
          { header: 'second', value: (r) => r[1] },
        ]);
        const parsed = readCsv(text);
        expect(parsed.bom).toBe(true);
        expect(parsed.rows).toEqual([['first', 'second'], ...rows.map((r) => [r[0], r[1]])]);
      }),
      { numRuns: 300 },
    );
  });
});

// Reads CSV back the way a spreadsheet does (RFC 4180: quoted fields, doubled quotes, CRLF rows, optional BOM).
// Written apart from the exporter so a test of one does not just repeat the other.

export function readCsv(text: string): { bom: boolean; rows: string[][] } {
  const bom = text.charCodeAt(0) === 0xfeff;
  const input = bom ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let inQuotes = false;
  while (i < input.length) {
    const ch = input[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      inQuotes = true;
      i++;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\r' && input[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (ch === '\n' || ch === '\r' || ch === '"') {
      throw new Error(`malformed CSV at ${i}: bare ${JSON.stringify(ch)} outside quotes`);
    } else {
      field += ch;
      i++;
    }
  }
  if (inQuotes) throw new Error('malformed CSV: unterminated quote');
  if (field !== '' || row.length > 0) throw new Error('malformed CSV: last row does not end with CRLF');
  return { bom, rows };
}

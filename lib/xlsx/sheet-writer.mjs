import { Zip, ZipDeflate } from 'fflate';
import { constants, crc32, deflateRawSync } from 'node:zlib';

// A one-sheet .xlsx written as it goes: the sheet's XML is made row by row, deflated at level 1 (the time is in
// compression) and added to fflate's streaming zip. Plain JavaScript: it runs in a worker thread that Node loads
// from the checkout, outside Next's bundle (lib/xlsx/worker.mjs). zlib.crc32 needs Node 20.15 (engines: 20.19).

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const ROWS_PER_CHUNK = 1_000;
// Excel's built-in number formats need no <numFmt>; any other format gets an id from 164 on.
const BUILT_IN_FORMATS = new Map([
  ['0', 1],
  ['0.00', 2],
  ['#,##0', 3],
  ['#,##0.00', 4],
]);

const ENTITIES = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
]);
// XML 1.0 cannot carry most control characters, and a parser turns CR into LF: Excel writes them as _xHHHH_. A
// literal "_x0041_" in the text would be read back as "A", so its underscore is written as _x005F_.
const ESCAPED = /[&<>"\u0000-\u0008\u000b-\u001f\ufffe\uffff]|_(?=x[0-9a-fA-F]{4}_)/g;

function escapeOne(char) {
  return ENTITIES.get(char) ?? `_x${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
}

/** Text for XML content or an attribute value, with Excel's _xHHHH_ escapes for what XML cannot hold. */
export function escapeXml(text) {
  return text.replace(ESCAPED, escapeOne);
}

/** The column's letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index) {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

// The sheet's deflate is Node's zlib (native, ~3× fflate's JavaScript deflate), fed to fflate's zip as a custom
// entry: each chunk is its own raw deflate run ended by a sync flush (byte-aligned, not final), so the runs
// concatenate into one valid stream; the last chunk adds an empty final block (what pigz does between its threads).
const FINAL_EMPTY_BLOCK = new Uint8Array([0x03, 0x00]);

class NativeDeflate {
  constructor(filename) {
    this.filename = filename;
    this.size = 0;
    this.crc = 0;
    this.compression = 8;
  }
  push(chunk, final = false) {
    this.crc = crc32(chunk, this.crc);
    this.size += chunk.length;
    const run = deflateRawSync(chunk, { level: 1, finishFlush: constants.Z_SYNC_FLUSH });
    if (!final) return this.ondata(null, run, false);
    const last = new Uint8Array(run.length + FINAL_EMPTY_BLOCK.length);
    last.set(run);
    last.set(FINAL_EMPTY_BLOCK, run.length);
    this.ondata(null, last, true);
  }
  terminate() {}
}

function stylesXml(formats) {
  const custom = formats.filter((format) => !BUILT_IN_FORMATS.has(format));
  const numFmts = custom.map((format, index) => `<numFmt numFmtId="${164 + index}" formatCode="${escapeXml(format)}"/>`).join('');
  const xfs = formats
    .map((format) => {
      const id = BUILT_IN_FORMATS.get(format) ?? 164 + custom.indexOf(format);
      return `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`;
    })
    .join('');
  return (
    `${XML_HEAD}<styleSheet xmlns="${MAIN}">` +
    (custom.length > 0 ? `<numFmts count="${custom.length}">${numFmts}</numFmts>` : '') +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${formats.length + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${xfs}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

function packageFiles(sheet, lastColumn) {
  const quoted = `'${sheet.name.replace(/'/g, "''")}'`;
  return [
    [
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '</Types>',
    ],
    [
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
        `<Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><bookViews><workbookView/></bookViews>` +
        `<sheets><sheet name="${escapeXml(sheet.name)}" sheetId="1" r:id="rId1"/></sheets>` +
        `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${escapeXml(quoted)}!$A$1:$${lastColumn}$1</definedName></definedNames>` +
        '</workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
        `<Relationship Id="rId1" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/></Relationships>`,
    ],
    ['xl/styles.xml', stylesXml(sheet.columns.map((column) => column.format).filter((format) => format !== undefined))],
  ];
}

/**
 * A writer for one sheet of `sheet.columns` (header, width, optional number format per column) with a frozen,
 * filterable header row. `writeRows` takes rows of cells (string: text, never a formula; number; null: empty);
 * `onBytes` gets the zip's bytes as they are made, each a fresh array (safe to transfer). `end` finishes the file.
 */
export function createSheetWriter(sheet, onBytes) {
  const letters = sheet.columns.map((_, index) => columnName(index));
  let styleId = 0;
  const styles = sheet.columns.map((column) => (column.format === undefined ? '' : ` s="${++styleId}"`));
  let pending = [];
  const zip = new Zip((error, chunk, final) => {
    if (error) throw error;
    pending.push(chunk);
    if (final) flush();
  });
  function flush() {
    if (pending.length === 0) return;
    const size = pending.reduce((sum, chunk) => sum + chunk.length, 0);
    const bytes = new Uint8Array(size);
    let offset = 0;
    for (const chunk of pending) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    pending = [];
    onBytes(bytes);
  }
  const encoder = new TextEncoder();
  for (const [name, text] of packageFiles(sheet, letters.at(-1) ?? 'A')) {
    const file = new ZipDeflate(name, { level: 1 });
    zip.add(file);
    file.push(encoder.encode(text), true);
  }
  const sheetFile = new NativeDeflate('xl/worksheets/sheet1.xml');
  zip.add(sheetFile);
  let rowNumber = 0;
  let utf8 = new Uint8Array(0);

  function rowXml(cells) {
    const r = ++rowNumber;
    let xml = `<row r="${r}">`;
    for (let index = 0; index < cells.length; index++) {
      const value = cells[index];
      if (typeof value === 'number') {
        if (Number.isFinite(value)) xml += `<c r="${letters[index]}${r}"${styles[index]}><v>${value}</v></c>`;
      } else if (typeof value === 'string') {
        const space = value.trim() === value ? '' : ' xml:space="preserve"';
        xml += `<c r="${letters[index]}${r}"${styles[index]} t="inlineStr"><is><t${space}>${escapeXml(value)}</t></is></c>`;
      } else if (value !== null && value !== undefined) {
        throw new TypeError(`row ${r}, column ${letters[index]}: a cell is a string, a number or null, not ${typeof value}`);
      }
    }
    return `${xml}</row>`;
  }

  const widths = sheet.columns.map(
    (column, index) => `<col min="${index + 1}" max="${index + 1}" width="${column.width}" customWidth="1"/>`,
  );
  sheetFile.push(
    encoder.encode(
      `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">` +
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
        '<selection pane="bottomLeft"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
        `<cols>${widths.join('')}</cols><sheetData>${rowXml(sheet.columns.map((column) => column.header))}`,
    ),
  );
  flush();

  return {
    writeRows(rows) {
      for (let start = 0; start < rows.length; start += ROWS_PER_CHUNK) {
        let xml = '';
        for (const cells of rows.slice(start, start + ROWS_PER_CHUNK)) xml += rowXml(cells);
        // One buffer for the UTF-8 of every chunk (at most 3 bytes per UTF-16 unit): the deflate reads it at once.
        if (utf8.length < xml.length * 3) utf8 = new Uint8Array(xml.length * 3);
        sheetFile.push(utf8.subarray(0, encoder.encodeInto(xml, utf8).written));
      }
      flush();
    },
    end() {
      sheetFile.push(encoder.encode(`</sheetData><autoFilter ref="A1:${letters.at(-1) ?? 'A'}1"/></worksheet>`), true);
      zip.end();
      flush();
    },
  };
}

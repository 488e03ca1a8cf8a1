// A small RFC 4180 CSV parser (no dependency): quoted fields may hold commas, quotes ("")
// and line breaks; CRLF and LF both end records; a UTF-8 BOM is ignored. Pure and
// browser-safe, so the import screens can pre-check a file before uploading it.

export type CsvRecord = {
  /** 1-based line where the record starts (for error reports). */ line: number;
  fields: string[];
};

export type CsvParseResult = { records: CsvRecord[]; errors: { line: number; message: string }[] };

export function parseCsv(text: string, delimiter = ","): CsvParseResult {
  const records: CsvRecord[] = [];
  const errors: { line: number; message: string }[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let fields: string[] = [];
  let field = "";
  let recordLine = 1;
  let quoted = false; // inside a quoted field
  let wasQuoted = false; // the current field started with a quote
  let badRecord = false;

  const endField = () => {
    fields.push(field);
    field = "";
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    // A line with nothing on it is skipped (e.g. the final newline), not a record of one "".
    if (!(fields.length === 1 && fields[0] === "" && !badRecord)) {
      if (!badRecord) records.push({ line: recordLine, fields });
    }
    fields = [];
    badRecord = false;
    recordLine = line;
  };

  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        const next = text[i];
        if (next !== undefined && next !== delimiter && next !== "\n" && next !== "\r") {
          errors.push({ line, message: "Unexpected text after a closing quote" });
          badRecord = true;
        }
        continue;
      }
      if (c === "\n") line += 1;
      field += c;
      i += 1;
      continue;
    }
    if (c === '"') {
      if (field === "" && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else {
        errors.push({
          line,
          message: 'A quote inside an unquoted field (wrap the field in quotes and double the quote: "")',
        });
        badRecord = true;
      }
      i += 1;
      continue;
    }
    if (c === delimiter) {
      endField();
      i += 1;
      continue;
    }
    if (c === "\r" || c === "\n") {
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line += 1;
      endRecord();
      continue;
    }
    field += c;
    i += 1;
  }
  if (quoted) {
    errors.push({ line: recordLine, message: "A quoted field is never closed" });
    badRecord = true;
  }
  if (field !== "" || fields.length > 0 || wasQuoted) endRecord();
  return { records, errors };
}

export type CsvTable = {
  headers: string[];
  rows: { line: number; values: Record<string, string> }[];
  errors: { line: number; message: string }[];
};

/** Normalises a header cell: case, spaces and dashes do not matter ("Par level" = "par_level"). */
export function normaliseHeader(h: string): string {
  return h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

/**
 * Parse with a header row. Checks that required columns are present and that every record has
 * as many fields as the header; unknown columns are reported too (likely typos).
 */
export function parseCsvTable(
  text: string,
  opts: { required: readonly string[]; optional?: readonly string[] },
): CsvTable {
  const { records, errors } = parseCsv(text);
  const out: CsvTable = { headers: [], rows: [], errors: [...errors] };
  const [head, ...body] = records;
  if (!head) {
    out.errors.push({ line: 1, message: "The file is empty: expected a header row" });
    return out;
  }
  out.headers = head.fields.map(normaliseHeader);
  const known = new Set([...opts.required, ...(opts.optional ?? [])]);
  const seen = new Set<string>();
  for (const h of out.headers) {
    if (seen.has(h)) out.errors.push({ line: head.line, message: `Column "${h}" appears twice` });
    seen.add(h);
    if (!known.has(h))
      out.errors.push({ line: head.line, message: `Unknown column "${h}" (expected: ${[...known].join(", ")})` });
  }
  const missing = opts.required.filter((r) => !seen.has(r));
  if (missing.length) out.errors.push({ line: head.line, message: `Missing column(s): ${missing.join(", ")}` });
  for (const r of body) {
    if (r.fields.length !== out.headers.length) {
      out.errors.push({ line: r.line, message: `Expected ${out.headers.length} fields, found ${r.fields.length}` });
      continue;
    }
    const values: Record<string, string> = {};
    out.headers.forEach((h, idx) => (values[h] = unguard(r.fields[idx].trim())));
    out.rows.push({ line: r.line, values });
  }
  out.errors.sort((a, b) => a.line - b.line);
  return out;
}

/** Undo the spreadsheet-formula guard that `toCsv` adds (a leading apostrophe). */
function unguard(v: string): string {
  return /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v;
}

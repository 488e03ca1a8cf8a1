import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseCsv, parseCsvTable } from "./parse";
import { csvCell, toCsv } from "./stringify";
import { duplicateKeyErrors, mergeRowErrors, validateRows } from "./validate-rows";
import { listCell, moneyCell, parseMoneyToCents, quantityCell } from "./fields";

describe("parseCsv (RFC 4180)", () => {
  it("splits simple records with LF or CRLF and ignores the final newline", () => {
    expect(parseCsv("a,b\n1,2\n").records.map((r) => r.fields)).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(parseCsv("a,b\r\n1,2\r\n").records.map((r) => r.fields)).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(parseCsv("a,b\r\n1,2").records.map((r) => r.fields)).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("handles quoted commas, doubled quotes and line breaks inside quotes", () => {
    const { records, errors } = parseCsv('name,notes\n"Soup, of the day","He said ""hot""\nreally"\nx,y\n');
    expect(errors).toEqual([]);
    expect(records[1].fields).toEqual(["Soup, of the day", 'He said "hot"\nreally']);
    expect(records[2]).toEqual({ line: 4, fields: ["x", "y"] });
  });

  it("keeps empty fields and skips blank lines", () => {
    expect(parseCsv("a,,c\n\n,,\n").records.map((r) => r.fields)).toEqual([
      ["a", "", "c"],
      ["", "", ""],
    ]);
  });

  it("strips a UTF-8 BOM", () => {
    expect(parseCsv("\uFEFFname\nx").records[0].fields).toEqual(["name"]);
  });

  it("reports an unterminated quote and a stray quote with their lines", () => {
    expect(parseCsv('a\n"open').errors).toEqual([{ line: 2, message: "A quoted field is never closed" }]);
    const stray = parseCsv('a\nab"c\nok');
    expect(stray.errors[0].line).toBe(2);
    expect(stray.records.map((r) => r.fields)).toEqual([["a"], ["ok"]]);
    expect(parseCsv('"a"x,b').errors[0].message).toMatch(/after a closing quote/);
  });
});

describe("parseCsvTable", () => {
  const opts = { required: ["name", "par_level"], optional: ["sku"] } as const;

  it("maps rows to normalised headers and trims cells", () => {
    const t = parseCsvTable("Name, Par Level\n Flour , 10\n", opts);
    expect(t.errors).toEqual([]);
    expect(t.rows).toEqual([{ line: 2, values: { name: "Flour", par_level: "10" } }]);
  });

  it("reports missing, unknown and duplicate columns and ragged rows", () => {
    const t = parseCsvTable("name,colour,colour\nx,1,2\ny,1\n", opts);
    const messages = t.errors.map((e) => `${e.line}:${e.message}`);
    expect(messages).toContain('1:Column "colour" appears twice');
    expect(messages.some((m) => m.startsWith('1:Unknown column "colour"'))).toBe(true);
    expect(messages).toContain("1:Missing column(s): par_level");
    expect(messages).toContain("3:Expected 3 fields, found 2");
  });

  it("reports an empty file", () => {
    expect(parseCsvTable("", opts).errors[0].message).toMatch(/empty/);
  });
});

describe("toCsv / csvCell", () => {
  it("quotes only when needed and round-trips through the parser", () => {
    const rows = [["Soup, hot", 'say "hi"', "line\nbreak", 12, null, " padded "]];
    const csv = toCsv(["a", "b", "c", "d", "e", "f"], rows);
    expect(csv.endsWith("\r\n")).toBe(true);
    const back = parseCsv(csv).records[1].fields;
    expect(back).toEqual(["Soup, hot", 'say "hi"', "line\nbreak", "12", "", " padded "]);
  });

  it("guards spreadsheet formulas but not negative numbers, and the table parser unguards", () => {
    expect(csvCell("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvCell("@cmd")).toBe("'@cmd");
    expect(csvCell("-4.5")).toBe("-4.5");
    expect(csvCell(-4.5)).toBe("-4.5");
    const t = parseCsvTable(toCsv(["name"], [["=1+1"]]), { required: ["name"] });
    expect(t.rows[0].values.name).toBe("=1+1");
  });
});

describe("cell schemas", () => {
  it("parses money into integer cents", () => {
    expect(parseMoneyToCents("12.5")).toBe(1250);
    expect(parseMoneyToCents("$1,299.99")).toBe(129999);
    expect(parseMoneyToCents("0.07")).toBe(7);
    expect(parseMoneyToCents("12,50")).toBeNull();
    expect(parseMoneyToCents("1.999")).toBeNull();
    expect(parseMoneyToCents("-3")).toBeNull();
    expect(moneyCell.safeParse("abc").success).toBe(false);
  });

  it("accepts quantities with up to 3 decimals", () => {
    expect(quantityCell.safeParse("12.125").success).toBe(true);
    expect(quantityCell.safeParse("12.1255").success).toBe(false);
    expect(quantityCell.safeParse("-1").success).toBe(false);
  });

  it("splits semicolon lists", () => {
    expect(listCell.parse(" milk; eggs;;gluten ")).toEqual(["milk", "eggs", "gluten"]);
  });
});

describe("validateRows", () => {
  it("collects every error with line and column, keeping good rows", () => {
    const table = parseCsvTable("name,price\nSoup,4.50\n,abc\nSoup,1\n", { required: ["name", "price"] });
    const schema = z.object({ name: z.string().min(1, "Required"), price: moneyCell });
    const v = validateRows(table, schema);
    expect(v.rows.map((r) => r.data)).toEqual([
      { name: "Soup", price: 450 },
      { name: "Soup", price: 100 },
    ]);
    expect(v.errors).toEqual([
      { line: 3, column: "name", message: "Required" },
      { line: 3, column: "price", message: '"abc" is not an amount like 12.50' },
    ]);
    expect(duplicateKeyErrors(v.rows, (r) => r.name.toLowerCase(), "name")).toEqual([
      { line: 4, column: "name", message: "Duplicate of line 2" },
    ]);
  });
});

describe("mergeRowErrors", () => {
  it("lists each problem once, in line order", () => {
    const local = [
      { line: 3, column: "price", message: "Bad price" },
      { line: 2, column: "name", message: "Required" },
    ];
    const server = [
      { line: 2, column: "name", message: "Required" },
      { line: 3, column: "category", message: "No category" },
      { line: 3, column: "price", message: "Bad price" },
    ];
    expect(mergeRowErrors(local, server)).toEqual([
      { line: 2, column: "name", message: "Required" },
      { line: 3, column: "price", message: "Bad price" },
      { line: 3, column: "category", message: "No category" },
    ]);
  });
});

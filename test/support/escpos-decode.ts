// A small ESC/POS reader for tests: what a thermal printer would print from the bytes (text
// lines, cuts, QR codes, bold and double-size runs), so tests assert on content, not on bytes.
export type DecodedReceipt = {
  lines: string[];
  text: string;
  cuts: number;
  qr: string[];
  /** Text printed while bold was on, and while double width was on (one entry per run). */
  bold: string[];
  double: string[];
  initialized: boolean;
};

export function decodeEscPos(input: Uint8Array | Buffer): DecodedReceipt {
  const b = Buffer.from(input);
  const lines: string[] = [];
  const out: DecodedReceipt = { lines, text: "", cuts: 0, qr: [], bold: [], double: [], initialized: false };
  let line = "";
  let bold = false;
  let double = false;
  let boldRun = "";
  let doubleRun = "";
  const flushRuns = () => {
    if (boldRun.trim()) out.bold.push(boldRun.trim());
    if (doubleRun.trim()) out.double.push(doubleRun.trim());
    boldRun = "";
    doubleRun = "";
  };
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c === 0x1b) {
      const cmd = String.fromCharCode(b[i + 1]);
      if (cmd === "@") out.initialized = true;
      if (cmd === "E") {
        if (bold && !b[i + 2]) flushRuns();
        bold = b[i + 2] !== 0;
      }
      if (cmd === "d") for (let n = 0; n < b[i + 2]; n++) lines.push("");
      i += "tEaM-!dJG3rSV".includes(cmd) ? 3 : 2;
    } else if (c === 0x1c) {
      i += String.fromCharCode(b[i + 1]) === "C" ? 3 : 2;
    } else if (c === 0x1d) {
      const cmd = String.fromCharCode(b[i + 1]);
      if (cmd === "V") {
        out.cuts++;
        i += b[i + 2] >= 65 ? 4 : 3;
      } else if (cmd === "!") {
        const wasDouble = double;
        double = (b[i + 2] & 0xf0) !== 0;
        if (wasDouble && !double) flushRuns();
        i += 3;
      } else if (cmd === "(") {
        const len = b[i + 3] + b[i + 4] * 256;
        const cn = b[i + 5];
        const fn = b[i + 6];
        if (cn === 49 && fn === 80) out.qr.push(b.subarray(i + 8, i + 5 + len).toString("latin1"));
        i += 5 + len;
      } else if (cmd === "L" || cmd === "W") i += 4;
      else i += 3;
    } else if (c === 0x0a) {
      lines.push(line);
      line = "";
      if (bold) boldRun += "\n";
      if (double) doubleRun += "\n";
      i++;
    } else if (c === 0x0d) {
      i++;
    } else {
      const ch = c < 0x80 ? String.fromCharCode(c) : "?";
      line += ch;
      if (bold) boldRun += ch;
      if (double) doubleRun += ch;
      i++;
    }
  }
  if (line) lines.push(line);
  flushRuns();
  out.text = lines.join("\n");
  return out;
}

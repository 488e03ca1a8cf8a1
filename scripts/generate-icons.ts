/**
 * Regenerates the app icons from app/icon.svg: `npx tsx scripts/generate-icons.ts`. The outputs
 * are committed (the build does not run this). sharp comes with Next (image optimisation).
 *
 * - app/favicon.ico: 16, 32 and 48 px PNGs in one ICO (PNG-in-ICO, every browser since IE 11)
 * - app/apple-icon.png: 180 px, opaque (iOS draws no transparency)
 * - public/icons/icon-192.png, icon-512.png: manifest icons ("any")
 * - public/icons/maskable-512.png: full-bleed background, bell inside the 80 % safe zone
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";

const root = path.resolve(import.meta.dirname, "..");
const BACKGROUND = "#111827";

async function png(svg: Buffer, size: number): Promise<Buffer> {
  return sharp(svg, { density: 72 * (size / 64) })
    .resize(size, size)
    .png()
    .toBuffer();
}

/** ICO container holding PNG images: 6-byte header, 16-byte entries, then the PNGs. */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0); // width (0 = 256)
    e.writeUInt8(size >= 256 ? 0 : size, 1); // height
    e.writeUInt8(0, 2); // palette colours
    e.writeUInt8(0, 3); // reserved
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

async function main() {
  const svg = await readFile(path.join(root, "app/icon.svg"));
  // Square corners and a smaller bell: launchers apply their own mask.
  const maskable = Buffer.from(
    svg
      .toString()
      .replace('rx="14"', 'rx="0"')
      .replace('<rect x="29"', '<g transform="translate(32 32) scale(0.7) translate(-32 -32)"><rect x="29"')
      .replace("</svg>", "</g></svg>"),
  );
  const sizes = [16, 32, 48];
  await writeFile(
    path.join(root, "app/favicon.ico"),
    ico(await Promise.all(sizes.map(async (size) => ({ size, data: await png(svg, size) })))),
  );
  const apple = await sharp(svg, { density: 72 * (180 / 64) })
    .resize(180, 180)
    .flatten({ background: BACKGROUND })
    .png()
    .toBuffer();
  await writeFile(path.join(root, "app/apple-icon.png"), apple);
  await writeFile(path.join(root, "public/icons/icon-192.png"), await png(svg, 192));
  await writeFile(path.join(root, "public/icons/icon-512.png"), await png(svg, 512));
  await writeFile(path.join(root, "public/icons/maskable-512.png"), await png(maskable, 512));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

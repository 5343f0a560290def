// Write a brotli (.br) and a gzip (.gz) copy of each file given, for hosts that serve
// precompressed files (see the README's hosting notes). Node's zlib has brotli; Python's
// standard library does not. The files are compressed side by side on libuv's thread pool.
//
// Usage: node precompress.mjs <brotli quality 1–11> <file> [<file> ...]
import fs from "node:fs/promises";
import { promisify } from "node:util";
import zlib from "node:zlib";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const [quality, ...files] = process.argv.slice(2);

await Promise.all(files.map(async (file) => {
  const bytes = await fs.readFile(file);
  const params = {
    [zlib.constants.BROTLI_PARAM_QUALITY]: Number(quality),
    [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
  };
  await fs.writeFile(`${file}.br`, await brotli(bytes, { params }));
  await fs.writeFile(`${file}.gz`, await gzip(bytes, { level: 9 }));
}));

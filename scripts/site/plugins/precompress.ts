/**
 * Writes a Brotli copy (`<file>.br`) beside each script and stylesheet of the client build, for
 * hosts that serve precompressed files: nginx's `brotli_static`, Caddy's `precompressed`, and
 * `npm start` (scripts/site/serve.ts). At Brotli's highest quality, which takes most of a second for
 * the entry: too slow to compress per request, cheap once at build time. The entry comes out 14 %
 * smaller than gzip makes it, some 15 kB that a slow phone link downloads before a search deep
 * link can show its results. Hosts that compress by themselves ignore the copies.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants } from 'node:zlib'
import type { Plugin, ResolvedConfig } from 'vite'

const compress = promisify(brotliCompress)

/** The built files that get a copy: what `assets/` holds of code and style. */
export const PRECOMPRESSED = /\.(js|css)$/

/** The copy of `bytes` a server sends for `Content-Encoding: br`. */
export function brotli(bytes: Buffer): Promise<Buffer> {
  return compress(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  })
}

export function precompressPlugin(): Plugin {
  let config: ResolvedConfig
  return {
    name: 'newsreader:precompress',
    apply: 'build',
    configResolved(c) {
      config = c
    },
    // After the other plugins' writeBundle, which write the boot script and the compile hints;
    // not at all when the build failed.
    writeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        if (config.build.ssr) return
        const assets = join(resolve(config.root, config.build.outDir), 'assets')
        const files = (await readdir(assets)).filter((name) => PRECOMPRESSED.test(name))
        await Promise.all(
          files.map(async (name) => {
            const path = join(assets, name)
            await writeFile(`${path}.br`, await brotli(await readFile(path)))
          }),
        )
      },
    },
  }
}

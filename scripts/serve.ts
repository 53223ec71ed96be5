/**
 * Serves the production build the way a static host configured per the README does: files as they
 * are, hashed assets and versioned data cached forever, and every other path that is not a file
 * answered with index.html so the app can route it (the SPA fallback). Missing data files and
 * assets stay 404s, so the app can tell a stale build from a page.
 *
 *   tsx scripts/serve.ts [--dir dist] [--port 4173] [--host 127.0.0.1]
 */
import { createReadStream, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    port: { type: 'string', default: process.env.PORT ?? '4173' },
    host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
  },
})
const root = resolve(values.dir)
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/')

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
}

function fileAt(path: string): string | null {
  const full = normalize(join(root, path))
  if (full !== root && !full.startsWith(root + sep)) return null
  try {
    const stat = statSync(full)
    if (stat.isFile()) return full
    if (stat.isDirectory()) return fileAt(join(path, 'index.html'))
  } catch {
    // Not there.
  }
  return null
}

try {
  statSync(join(root, 'index.html'))
} catch {
  console.error(`serve: ${root} has no index.html: run \`npm run build\` first`)
  process.exit(1)
}

const server = createServer((req, res) => {
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
  } catch {
    pathname = '/'
  }
  const inBase = pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : null
  let file = inBase === null ? null : fileAt(inBase)
  let status = 200
  if (file === null) {
    // Only page URLs fall back to the app; a missing file with an extension is a real 404.
    const isPage = inBase !== null && extname(inBase) === '' && !inBase.startsWith('/data/')
    file = fileAt(isPage ? '/index.html' : '/404.html')
    status = isPage ? 200 : 404
  }
  if (file === null) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
    return
  }
  const immutable = /\/(assets|data)\//.test(file.slice(root.length))
  res.writeHead(status, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  createReadStream(file).pipe(res)
})

server.listen(Number(values.port), values.host, () => {
  console.log(`Serving ${root} at http://${values.host}:${values.port}${base}`)
})

/**
 * Serves the production build the way a static host configured per the README does: files as they
 * are (`/articles/<id>/<slug>` from its prerendered `.html`), hashed assets and versioned data
 * cached forever, and every other page path answered with shell.html so the app can route it (the
 * SPA fallback). Missing data files and assets stay 404s, so the app can tell a stale build.
 *
 *   tsx scripts/site/serve.ts [--dir dist] [--port 4173] [--host 127.0.0.1]
 */
import { createReadStream, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { parseArgs } from 'node:util'
import { createGzip } from 'node:zlib'
import { CSP_HEADER } from './plugins/csp.ts'

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
    return statSync(full).isFile() ? full : null
  } catch {
    return null
  }
}

/** The file for a URL path the way hosts look it up: as is, with .html, or a folder's index. */
function lookUp(path: string): string | null {
  const clean = path.replace(/\/+$/, '')
  return fileAt(path) ?? fileAt(`${clean}.html`) ?? fileAt(`${clean}/index.html`)
}

try {
  statSync(join(root, 'index.html'))
} catch {
  console.error(`serve: ${root} has no index.html: run \`npm run build\` first`)
  process.exit(1)
}

/**
 * The path as the request wrote it, still encoded: not through new URL() for the usual
 * origin-form ("/a/b?c"), which would read a leading "//" as a host.
 */
function requestPath(target: string): string {
  if (!target.startsWith('/')) {
    // The absolute form a proxy sends ("http://host/a/b").
    try {
      return new URL(target).pathname
    } catch {
      return '/'
    }
  }
  return target.split(/[?#]/)[0] || '/'
}

const server = createServer((req, res) => {
  const raw = requestPath(req.url ?? '/')
  let pathname: string
  try {
    pathname = decodeURIComponent(raw)
  } catch {
    // Malformed percent-encoding names no file: looked up as written, it is an unknown page (the
    // app shows it as not found) or a missing asset, never the home page.
    pathname = raw
  }
  const inBase = pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : null
  let file = inBase === null ? null : lookUp(inBase)
  let status = 200
  if (file === null) {
    // Page URLs without a prerendered page get the bare app, which routes them (the SPA
    // fallback); a missing data file or script stays a 404, so the app can tell.
    const isPage = inBase !== null && extname(inBase) === '' && !/^\/(data|assets)\//.test(inBase)
    file = fileAt(isPage ? '/shell.html' : '/404.html')
    status = isPage ? 200 : 404
  }
  if (file === null) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
    return
  }
  const immutable = /\/(assets|data)\//.test(file.slice(root.length))
  const type = TYPES[extname(file)] ?? 'application/octet-stream'
  // Text is sent compressed, as every real static host does: the build's Brotli copy where there
  // is one (scripts/site/plugins/precompress.ts), else gzip made on the fly.
  const accepted = String(req.headers['accept-encoding'] ?? '')
  const brotliCopy = /\bbr\b/.test(accepted) ? fileAt(`${file.slice(root.length)}.br`) : null
  const gzip =
    brotliCopy === null &&
    /^(text|application\/(json|xml|manifest))|svg/.test(type) &&
    /\bgzip\b/.test(accepted)
  const encoding = brotliCopy !== null ? 'br' : gzip ? 'gzip' : null
  res.writeHead(status, {
    'Content-Type': type,
    ...(encoding !== null ? { 'Content-Encoding': encoding } : {}),
    Vary: 'Accept-Encoding',
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': CSP_HEADER,
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  const stream = createReadStream(brotliCopy ?? file)
  if (gzip) stream.pipe(createGzip()).pipe(res)
  else stream.pipe(res)
})

server.listen(Number(values.port), values.host, () => {
  console.log(`Serving ${root} at http://${values.host}:${values.port}${base}`)
})

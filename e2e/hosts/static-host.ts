/**
 * A static file server that answers the way a kind of static host does, for e2e/hosts.spec.ts:
 *
 * - `github-pages`: the file as it is, `/x` from `x.html`, `/x/` from `x/index.html` (and `/x` to
 *   `/x/` with a 301 when only the folder exists); anything else the site's `404.html`, status 404.
 *   Cloudflare Pages answers the same way for a site with a `404.html` and no rules.
 * - `netlify`: the same lookup (pretty URLs), then the site's `_redirects` rules, in order: a rule
 *   applies when no file answers the path, or always when forced (`200!`, `301!`); 200 rewrites,
 *   301/302 redirect, 404 answers the target with 404. Nothing applies: `404.html`, 404.
 * - `spa-rewrite`: the file, or a folder's `index.html`, else `/index.html` with 200, whatever was
 *   asked (nginx `try_files $uri $uri/ /index.html`, Firebase and Vercel rewrites of `**`).
 *
 * The site is served under `base` ("/" or "/news/"); paths outside it are a bare 404.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'

export type HostMode = 'github-pages' | 'netlify' | 'spa-rewrite'

export type RunningHost = { origin: string; close: () => Promise<void> }

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
}

type Answer =
  | { file: string; status: number }
  | { redirect: string; status: number }
  | { status: 404; file: null }

type Rule = { from: string; to: string; status: number; force: boolean }

/** Netlify's `_redirects`: `from to [status][!]` a line, `#` comments, `*` and `:splat`. */
export function parseRedirects(text: string): Rule[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [from = '', to = '', code = '301'] = line.split(/\s+/)
      return { from, to, status: Number(code.replace('!', '')), force: code.endsWith('!') }
    })
}

/** The rule's target for `path`, or null when the rule does not match it. */
function matchRule(rule: Rule, path: string): string | null {
  if (rule.from.endsWith('/*')) {
    const prefix = rule.from.slice(0, -1)
    if (!path.startsWith(prefix) && path !== prefix.slice(0, -1)) return null
    return rule.to.replace(':splat', path.slice(prefix.length))
  }
  return path === rule.from || path === `${rule.from}/` ? rule.to : null
}

export function startStaticHost(options: {
  root: string
  mode: HostMode
  base?: string
}): Promise<RunningHost> {
  const root = resolve(options.root)
  const base = options.base ?? '/'
  const rules =
    options.mode === 'netlify'
      ? parseRedirects(readFileSync(join(root, '_redirects'), 'utf8')).map((rule) => ({
          // A site under a sub-path ships its rules for the root: they apply below the base.
          ...rule,
          from: `${base.slice(0, -1)}${rule.from}`,
          to: rule.to.startsWith('/') ? `${base.slice(0, -1)}${rule.to}` : rule.to,
        }))
      : []

  const fileAt = (path: string): string | null => {
    const full = normalize(join(root, path))
    if (full !== root && !full.startsWith(root + sep)) return null
    try {
      return statSync(full).isFile() ? full : null
    } catch {
      return null
    }
  }
  const isFolder = (path: string): boolean => {
    try {
      return statSync(normalize(join(root, path))).isDirectory()
    } catch {
      return false
    }
  }

  /** The pretty-URL lookup of GitHub Pages, Netlify and Cloudflare Pages. */
  const pretty = (path: string, urlPath: string): Answer | null => {
    if (path.endsWith('/')) {
      const index = fileAt(`${path}index.html`)
      return index === null ? null : { file: index, status: 200 }
    }
    const file = fileAt(path) ?? fileAt(`${path}.html`)
    if (file !== null) return { file, status: 200 }
    if (isFolder(path) && fileAt(`${path}/index.html`) !== null) {
      return { redirect: `${urlPath}/`, status: 301 }
    }
    return null
  }

  const notFound = (): Answer => {
    const page = fileAt('/404.html')
    return page === null ? { status: 404, file: null } : { file: page, status: 404 }
  }

  const answer = (urlPath: string): Answer => {
    if (!urlPath.startsWith(base)) return { status: 404, file: null }
    const path = `/${urlPath.slice(base.length)}`
    if (options.mode === 'spa-rewrite') {
      const file =
        fileAt(path) ?? (path.endsWith('/') || isFolder(path) ? fileAt(`${path}/index.html`) : null)
      return { file: file ?? fileAt('/index.html') ?? '', status: 200 }
    }
    const found = pretty(path, urlPath)
    if (options.mode === 'github-pages') return found ?? notFound()
    for (const rule of rules) {
      const target = matchRule(rule, urlPath)
      if (target === null) continue
      if (found !== null && !rule.force) return found
      if (rule.status === 301 || rule.status === 302) {
        return { redirect: target, status: rule.status }
      }
      const file = fileAt(`/${target.slice(base.length)}`)
      return file === null ? notFound() : { file, status: rule.status }
    }
    return found ?? notFound()
  }

  const server: Server = createServer((req, res) => {
    let urlPath: string
    try {
      urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname)
    } catch {
      urlPath = '/'
    }
    const result = answer(urlPath)
    if ('redirect' in result) {
      res.writeHead(result.status, { Location: result.redirect }).end()
      return
    }
    if (result.file === null) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
      return
    }
    res.writeHead(result.status, {
      'Content-Type': TYPES[extname(result.file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    })
    if (req.method === 'HEAD') res.end()
    else createReadStream(result.file).pipe(res)
  })

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      if (address === null || typeof address === 'string') {
        reject(new Error('static host: no TCP port'))
        return
      }
      resolvePromise({
        origin: `http://127.0.0.1:${address.port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections()
            server.close(() => done())
          }),
      })
    })
  })
}

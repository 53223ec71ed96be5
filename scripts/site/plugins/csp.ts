/**
 * Puts a strict Content Security Policy into the built HTML: scripts and styles from the site
 * itself only, no inline or eval'd script. (The dev server injects inline scripts, so it stays
 * out of dev.) Prerendered data rides in <script type="application/json">, which CSP does not
 * block because it never runs.
 */
import type { Plugin } from 'vite'

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ')

/** The same policy as an HTTP header, where frame-ancestors (ignored in a meta tag) also works. */
export const CSP_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`

/** Netlify's _headers (Cloudflare Pages reads it too): the policy, and caching per folder. */
function netlifyHeaders(): string {
  const immutable = 'Cache-Control: public, max-age=31536000, immutable'
  return [
    '/*',
    `  Content-Security-Policy: ${CSP_HEADER}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '/assets/*',
    `  ${immutable}`,
    '/data/*',
    `  ${immutable}`,
    // The service worker: browsers look for a new one on every visit, it must never be stale.
    '/sw.js',
    '  Cache-Control: no-cache',
    '',
  ].join('\n')
}

export function cspPlugin(): Plugin {
  return {
    name: 'newsreader:csp',
    apply: 'build',
    generateBundle() {
      if (this.environment.config.build.ssr) return
      this.emitFile({ type: 'asset', fileName: '_headers', source: netlifyHeaders() })
    },
    transformIndexHtml() {
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ]
    },
  }
}

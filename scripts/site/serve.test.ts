// @vitest-environment node
/**
 * scripts/site/serve.ts against hostile request paths: malformed percent-encoding, NUL, traversal out
 * of the folder, huge and odd paths. It answers each (a page path with the app, a missing file
 * with a 404), never serves a file outside its folder, and keeps running.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { freePort } from '../bench/lighthouse/site.ts'

const root = mkdtempSync(join(tmpdir(), 'serve-test-'))
const site = join(root, 'site')
let server: ChildProcess
let port = 0

beforeAll(async () => {
  mkdirSync(join(site, 'data/v1'), { recursive: true })
  mkdirSync(join(site, 'assets'), { recursive: true })
  writeFileSync(join(site, 'index.html'), 'HOME PAGE')
  writeFileSync(join(site, 'shell.html'), 'APP SHELL')
  writeFileSync(join(site, '404.html'), 'NOT FOUND PAGE')
  writeFileSync(join(site, 'data/v1/manifest.json'), '{"total":1}')
  writeFileSync(join(site, 'assets/app-abc.js'), 'console.log(1)')
  // The build's Brotli copy of a script (scripts/site/plugins/precompress.ts).
  writeFileSync(join(site, 'assets/app-abc.js.br'), brotliCompressSync('console.log(1)'))
  // A file beside the site, which no request may reach.
  writeFileSync(join(root, 'secret.txt'), 'SECRET')
  port = await freePort()
  server = spawn(
    process.execPath,
    [
      'node_modules/tsx/dist/cli.mjs',
      'scripts/site/serve.ts',
      '--dir',
      site,
      '--port',
      String(port),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  await new Promise<void>((resolve, reject) => {
    server.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Serving')) resolve()
    })
    server.once('exit', (code) => reject(new Error(`serve.ts exited with ${code}`)))
  })
}, 30_000)

afterAll(() => {
  server.kill()
  rmSync(root, { recursive: true, force: true })
})

/** A raw GET: the path goes on the wire as written (no client-side normalising). */
function get(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

/** A GET that accepts `encodings`: the status, the encoding used and the raw bytes. */
function getEncoded(path: string, encodings: string) {
  return new Promise<{ type: string; encoding: string; bytes: Buffer }>((resolve, reject) => {
    const headers = { 'Accept-Encoding': encodings }
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({
          type: String(res.headers['content-type']),
          encoding: String(res.headers['content-encoding'] ?? 'identity'),
          bytes: Buffer.concat(chunks),
        }),
      )
    })
    req.on('error', reject)
    req.end()
  })
}

test("a script goes as the build's Brotli copy to a browser that takes it, else gzipped", async () => {
  const br = await getEncoded('/assets/app-abc.js', 'gzip, deflate, br, zstd')
  expect(br.type).toBe('text/javascript; charset=utf-8')
  expect(br.encoding).toBe('br')
  expect(brotliDecompressSync(br.bytes).toString()).toBe('console.log(1)')
  const gzip = await getEncoded('/assets/app-abc.js', 'gzip')
  expect(gzip.encoding).toBe('gzip')
  expect(gunzipSync(gzip.bytes).toString()).toBe('console.log(1)')
  // A page without a copy is gzipped for a Brotli browser too.
  expect((await getEncoded('/', 'br, gzip')).encoding).toBe('gzip')
})

test('files are served as they are, unknown pages get the app, missing data a 404', async () => {
  expect(await get('/')).toEqual({ status: 200, body: 'HOME PAGE' })
  expect(await get('/data/v1/manifest.json')).toEqual({ status: 200, body: '{"total":1}' })
  expect(await get('/articles/0000000000000000')).toEqual({ status: 200, body: 'APP SHELL' })
  expect(await get('/data/v0/manifest.json')).toEqual({ status: 404, body: 'NOT FOUND PAGE' })
})

test.each([
  ['/articles/%E0%A4%A', 200, 'APP SHELL'],
  ['/%', 200, 'APP SHELL'],
  ['/%E0%A4%A', 200, 'APP SHELL'],
  ['/data/v1/%E0%A4%A.json', 404, 'NOT FOUND PAGE'],
  ['/assets/%ZZ.js', 404, 'NOT FOUND PAGE'],
])(
  'malformed percent-encoding %s is an unknown path, not the home page',
  async (path, status, body) => {
    expect(await get(path)).toEqual({ status, body })
  },
)

test.each([
  '/../secret.txt',
  '/..%2fsecret.txt',
  '/%2e%2e/secret.txt',
  '/%2e%2e%2fsecret.txt',
  '/data/../../secret.txt',
  '/articles/..%2f..%2f..%2fsecret.txt',
  '//../secret.txt',
  '/..\\secret.txt',
  '/..%5csecret.txt',
])('traversal %s never leaves the folder', async (path) => {
  const response = await get(path)
  expect(response.body).not.toContain('SECRET')
  expect([200, 404]).toContain(response.status)
})

test.each([
  '/%00',
  '/articles/e2e0000000000058%00',
  '/data/v1/manifest.json%00',
  `/${'a'.repeat(10_000)}`,
  `/data/${'a'.repeat(10_000)}.json`,
  '//articles/x',
  '/articles//x',
  '/sources/x.',
  'http://127.0.0.1/data/v1/manifest.json',
])('%s gets an answer', async (path) => {
  const response = await get(path)
  expect([200, 404]).toContain(response.status)
  expect(response.body).not.toContain('SECRET')
})

test('after all of them the server still answers', async () => {
  expect(await get('/')).toEqual({ status: 200, body: 'HOME PAGE' })
  expect(server.exitCode).toBeNull()
})

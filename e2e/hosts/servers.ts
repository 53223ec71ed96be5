/**
 * The real servers of e2e/hosts.spec.ts, each started on a free port and stopped by its process
 * id: `vite preview`, and nginx and Caddy serving the configurations in docs/deploy/ (when they are
 * installed), and the site built under a sub-path, for the sub-path host.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fixtureBuild, ROOT } from '../fixture-build'
import type { RunningHost } from './static-host'

export { ROOT }

const DEPLOY_DOCS = join(ROOT, 'docs/deploy')
/** Where docs/deploy/ expects the built site: the spec puts the real folder there instead. */
const DOCUMENTED_ROOT = '/var/www/newsreader'

/** A TCP port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => {
        if (address === null || typeof address === 'string') reject(new Error('no TCP port'))
        else resolvePort(address.port)
      })
    })
  })
}

/** Whether `command` runs here (a Debian package the test command may not have installed). */
export function installed(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0
}

/** Waits until `url` answers at all, or the process exits, or `ms` pass. */
async function waitForServer(url: string, child: ChildProcess, log: () => string, ms = 90_000) {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`${url}: the server exited (${child.exitCode}):\n${log()}`)
    }
    try {
      await fetch(url, { redirect: 'manual' })
      return
    } catch {
      await new Promise((wake) => setTimeout(wake, 200))
    }
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s:\n${log()}`)
}

/** Starts `command`, waits for `origin` to answer, and stops it by its process id when closed. */
async function startProcess(
  command: string,
  args: string[],
  origin: string,
  env: NodeJS.ProcessEnv = {},
): Promise<RunningHost> {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000)
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const close = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        done()
        return
      }
      child.once('exit', () => done())
      child.kill('SIGTERM')
    })
  try {
    await waitForServer(`${origin}/`, child, () => output)
  } catch (error) {
    await close()
    throw error
  }
  return { origin, close }
}

/** `vite preview`, the real one, over the built folder `dist`. */
export async function startVitePreview(dist: string, base = '/'): Promise<RunningHost> {
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js')
  return startProcess(
    process.execPath,
    [
      vite,
      'preview',
      '--outDir',
      dist,
      '--port',
      String(port),
      '--strictPort',
      '--host',
      '127.0.0.1',
    ],
    origin,
    { BASE_PATH: base, CORPUS_DIR: 'e2e/fixtures/corpus' },
  )
}

/** A scratch folder for a server's config, logs and temporary files. */
function scratch(name: string): string {
  return mkdtempSync(join(tmpdir(), `newsreader-${name}-`))
}

/** docs/deploy/nginx.conf, served by nginx over `dist`: the README's configuration, as written. */
export async function startNginx(dist: string): Promise<RunningHost> {
  const port = await freePort()
  const dir = scratch('nginx')
  const site = readFileSync(join(DEPLOY_DOCS, 'nginx.conf'), 'utf8')
    .replaceAll(DOCUMENTED_ROOT, resolve(ROOT, dist))
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
  writeFileSync(join(dir, 'site.conf'), site)
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `${kind}_temp_path ${join(dir, kind)};`)
    .join('\n  ')
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events {}
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  ${temp}
  include ${join(dir, 'site.conf')};
}
`,
  )
  const host = await startProcess(
    'nginx',
    ['-p', dir, '-c', join(dir, 'nginx.conf')],
    `http://127.0.0.1:${port}`,
  )
  return {
    origin: host.origin,
    close: async () => {
      await host.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** docs/deploy/Caddyfile, served by Caddy over `dist`. */
export async function startCaddy(dist: string): Promise<RunningHost> {
  const port = await freePort()
  const dir = scratch('caddy')
  const site = readFileSync(join(DEPLOY_DOCS, 'Caddyfile'), 'utf8')
    .replaceAll(DOCUMENTED_ROOT, resolve(ROOT, dist))
    .replace(/^:80 \{/m, `http://127.0.0.1:${port} {`)
  // No admin endpoint, no automatic HTTPS: a test server on a loopback port.
  writeFileSync(join(dir, 'Caddyfile'), `{\n\tadmin off\n\tauto_https off\n}\n\n${site}`)
  const host = await startProcess(
    'caddy',
    ['run', '--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile'],
    `http://127.0.0.1:${port}`,
    { HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
  )
  return {
    origin: host.origin,
    close: async () => {
      await host.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** The fixture site built under `base` (e.g. "/news/"), once for a given source. */
export function subPathBuild(base: string): Promise<string> {
  return fixtureBuild({
    name: 'subpath',
    corpus: 'e2e/fixtures/corpus',
    basePath: base,
    siteUrl: `http://127.0.0.1${base.replace(/\/$/, '')}`,
  })
}

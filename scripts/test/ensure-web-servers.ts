/**
 * tsx scripts/test/ensure-web-servers.ts: makes nginx and Caddy available for the host matrix
 * (e2e/hosts.spec.ts serves the README's configurations, docs/deploy/, with the real servers).
 * As root on Debian it installs the packages nginx-light and caddy without starting their
 * services; elsewhere it says what to install. Never fails the run: without a server, the spec
 * skips that host and says why.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, rmSync, writeFileSync } from 'node:fs'

const APT_GET = '/usr/bin/apt-get'
const POLICY = '/usr/sbin/policy-rc.d'
const SERVERS = [
  { command: 'nginx', pkg: 'nginx-light' },
  { command: 'caddy', pkg: 'caddy' },
]

const has = (command: string) =>
  spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0

function run(args: string[]): boolean {
  console.log(`ensure-web-servers: apt-get ${args.join(' ')}`)
  const result = spawnSync(APT_GET, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  return result.status === 0
}

const missing = SERVERS.filter((s) => !has(s.command))
if (missing.length === 0) {
  console.log('ensure-web-servers: nginx and caddy are there for e2e/hosts.spec.ts')
  process.exit(0)
}
const packages = missing.map((s) => s.pkg)
if (process.getuid?.() !== 0 || !existsSync(APT_GET)) {
  console.warn(
    `ensure-web-servers: ${missing.map((s) => s.command).join(' and ')} missing: e2e/hosts.spec.ts skips those hosts (install with \`sudo apt-get install -y ${packages.join(' ')}\`)`,
  )
  process.exit(0)
}
// Install without starting the packages' services: a policy that refuses every start, for the
// length of the install only (kept if the machine has one of its own).
const ownPolicy = !existsSync(POLICY)
if (ownPolicy) writeFileSync(POLICY, '#!/bin/sh\nexit 101\n', { mode: 0o755 })
try {
  const ok = run(['update', '-qq']) && run(['install', '-y', '-qq', ...packages])
  if (!ok) console.warn('ensure-web-servers: apt-get failed; e2e/hosts.spec.ts skips those hosts')
} finally {
  if (ownPolicy) rmSync(POLICY, { force: true })
}

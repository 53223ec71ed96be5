// @vitest-environment node
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'

const root = mkdtempSync(join(tmpdir(), 'corpus-build-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

const corpus = join(root, 'corpus')
const outDir = join(root, 'dist')

function build(env: Record<string, string> = {}) {
  return spawnSync(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'build',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { encoding: 'utf8', env: { ...process.env, CORPUS_DIR: corpus, ...env } },
  )
}

test('the build stops on corpus errors, listing them all, unless told to skip the broken files', () => {
  spawnSync('mkdir', ['-p', corpus])
  writeFileSync(
    join(corpus, '001_00000000000000a1.txt'),
    'A fine story about testing.\n\nThe Daily\n',
  )
  writeFileSync(join(corpus, '002_00000000000000a2.txt'), '---\ndate: 2024-13-45\n---\nBody.\n')
  writeFileSync(join(corpus, 'notes.txt'), 'not an article name\n')
  // Only http and https are ever linked: a javascript: (or data:) url is an error, however spelled.
  writeFileSync(
    join(corpus, '003_00000000000000a3.txt'),
    '---\nurl: " JavaScript:alert(document.domain)"\n---\nA story with a hostile link.\n',
  )
  writeFileSync(
    join(corpus, '004_00000000000000a4.txt'),
    '---\nurl: "data:text/html,<script>alert(1)</script>"\n---\nAnother hostile link.\n',
  )

  const failed = build()
  expect(failed.status).not.toBe(0)
  const output = failed.stdout + failed.stderr
  expect(output).toContain('002_00000000000000a2.txt:2: error: "date" is not an ISO 8601 date')
  expect(output).toContain('notes.txt:1: error: file name does not match')
  expect(output).toContain(
    '003_00000000000000a3.txt:2: error: "url" must be an http or https URL: "JavaScript:alert(document.domain)"',
  )
  expect(output).toContain('004_00000000000000a4.txt:2: error: "url" must be an http or https URL')
  expect(output).toContain('CORPUS_ALLOW_ERRORS=1')

  const allowed = build({ CORPUS_ALLOW_ERRORS: '1' })
  expect(allowed.status).toBe(0)
  expect(allowed.stdout + allowed.stderr).toContain('skipping 4 broken files')
  const versions = readdirSync(join(outDir, 'data'))
  expect(versions).toHaveLength(1)
  const data = join(outDir, 'data', versions[0] ?? '')
  const manifest: unknown = JSON.parse(readFileSync(join(data, 'manifest.json'), 'utf8'))
  expect(manifest).toMatchObject({ total: 1, sources: [{ name: 'The Daily', count: 1 }] })
  expect(existsSync(join(data, 'articles/00/00000000000000a1.json'))).toBe(true)
  // The versioned data name is in the app's code, so a page always asks for its own build's data.
  const assets = readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js'))
  const code = assets.map((f) => readFileSync(join(outDir, 'assets', f), 'utf8')).join('\n')
  expect(code).toContain(versions[0])
  expect(existsSync(join(outDir, '404.html'))).toBe(true)
  // The unhashed file an open tab asks for the deployed version (src/lib/deployment.ts).
  const deployed: unknown = JSON.parse(readFileSync(join(outDir, 'version.json'), 'utf8'))
  expect(deployed).toEqual({ version: versions[0] })
}, 60_000)

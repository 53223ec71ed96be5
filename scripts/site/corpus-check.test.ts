// @vitest-environment node
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'

const dir = mkdtempSync(join(tmpdir(), 'corpus-check-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function write(name: string, content: string | Buffer) {
  writeFileSync(join(dir, name), content)
}

function check(folder: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/site/corpus-check.ts', folder], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  })
}

test('corpus:check names every broken file with its line and reason, and exits 1', () => {
  write('001_0000000000000001.txt', 'A good story begins here.\n\nThe Daily\n')
  write('002_0000000000000002.txt', 'Another good story.\n\nThe Daily\n')
  write('bad-name.txt', 'Some text.\n')
  write('003_0000000000000001.txt', 'Same id as the first.\n\nThe Daily\n')
  write('004_0000000000000004.txt', Buffer.from([0x41, 0x0a, 0x0a, 0xff, 0xfe]))
  write('005_0000000000000005.txt', 'text\0more')
  write('006_0000000000000006.txt', '  \n\n ')
  write('007_0000000000000007.txt', '---\ntitle: x\nno end\n')
  write('008_0000000000000008.txt', '---\ntitle: [unclosed\n---\nBody.\n')
  write('009_0000000000000009.txt', '---\ndate: someday\n---\nBody.\n')
  write('010_000000000000000a.txt', '---\nurl: javascript:alert(1)\n---\nBody.\n')
  write('011_000000000000000b.txt', '---\ntags: just-one\n---\nBody.\n')
  write('012_000000000000000c.txt', 'x'.repeat(5000))
  write('013_000000000000000d.txt', '---\ntitle: Only a title\n---\n\n')

  const result = check(dir, { CORPUS_MAX_BYTES: '4096' })
  expect(result.status).toBe(1)
  const out = result.stdout
  expect(out).toContain('2 articles from 14 files')
  expect(out).toContain('12 errors in 12 files')
  expect(out).toContain('bad-name.txt:1: error: file name does not match')
  expect(out).toContain('003_0000000000000001.txt:1: error: duplicate id 0000000000000001')
  expect(out).toContain('004_0000000000000004.txt:3: error: not UTF-8')
  expect(out).toContain('005_0000000000000005.txt:1: error: binary file')
  expect(out).toContain('006_0000000000000006.txt:1: error: file is empty')
  expect(out).toContain(
    '007_0000000000000007.txt:1: error: front matter opened with --- is never closed',
  )
  expect(out).toContain('008_0000000000000008.txt:2: error: front matter is not valid YAML')
  expect(out).toContain('009_0000000000000009.txt:2: error: "date" is not an ISO 8601 date')
  expect(out).toContain('010_000000000000000a.txt:2: error: "url" must be an http or https URL')
  expect(out).toContain('011_000000000000000b.txt:2: error: "tags" must be a list of strings')
  expect(out).toContain(
    '012_000000000000000c.txt:1: error: file is 5000 bytes, over the limit of 4096',
  )
  expect(out).toContain('013_000000000000000d.txt:4: error: body has no text')
})

test('corpus:check passes on the shipped corpus', () => {
  const result = check('corpus')
  expect(result.stderr).toBe('')
  expect(result.stdout).toMatch(/^corpus .*: 1 articles from 1 files/)
  expect(result.stdout).toContain('0 warnings, 0 errors')
  expect(result.status).toBe(0)
})

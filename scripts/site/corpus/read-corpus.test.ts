// @vitest-environment node
import * as fs from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it, vi } from 'vitest'
import { readCorpus } from './read-corpus.ts'

// readFileSync is wrapped so tests can see which files were read, and make some unreadable.
const unreadable = vi.hoisted(() => new Set<string>())
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof fs>()
  const readFileSync = (path: fs.PathOrFileDescriptor) => {
    if (typeof path === 'string' && unreadable.has(path)) {
      throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), {
        code: 'EACCES',
      })
    }
    return actual.readFileSync(path)
  }
  return { ...actual, readFileSync: vi.fn(readFileSync) }
})

const readFileSync = vi.mocked(fs.readFileSync)
const folders: string[] = []

afterEach(() => {
  readFileSync.mockClear()
  unreadable.clear()
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true })
})

function tempFolder(): string {
  const folder = fs.mkdtempSync(join(tmpdir(), 'read-corpus-'))
  folders.push(folder)
  return folder
}

function story(title: string): string {
  return `${title} was agreed on Monday.\n\nThe vote was close.\n\nDaily Post\n`
}

function write(folder: string, name: string, content: string | Uint8Array) {
  fs.writeFileSync(join(folder, name), content)
}

function errorFiles(diagnostics: readonly { severity: string; file: string }[]): string[] {
  return [...new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file))].sort()
}

it('reports every broken file in one run and still reads the valid ones', () => {
  const dir = tempFolder()
  write(dir, '001_0000000000000001.txt', story('The budget'))
  write(dir, '002_0000000000000002.txt', Buffer.from([0x41, 0x2e, 0x0a, 0xff, 0x0a]))
  write(dir, '003_0000000000000003.txt', 'Text with a\0NUL byte.\n')
  write(dir, '004_0000000000000004.txt', '---\ntitle: Never closed\n\nBody.\n')
  write(dir, '005_0000000000000005.txt', story('The new bridge'))
  write(dir, '006_0000000000000006.txt', 'x'.repeat(600))
  write(dir, '007_0000000000000007.txt', story('The hidden report'))
  write(dir, '008_0000000000000008.txt', '---\nsource: Daily Post\ndate: yesterday\n---\nBody.\n')
  write(dir, 'bad-name.txt', story('The misnamed file'))
  write(dir, '009_0000000000000009.txt', story('The last story'))

  unreadable.add(join(dir, '007_0000000000000007.txt'))

  const { articles, diagnostics, fileCount } = readCorpus(dir, { maxBytes: 500 })

  expect(fileCount).toBe(10)
  expect(articles.map((a) => a.id)).toEqual([
    '0000000000000001',
    '0000000000000005',
    '0000000000000009',
  ])
  expect(errorFiles(diagnostics)).toEqual([
    '002_0000000000000002.txt',
    '003_0000000000000003.txt',
    '004_0000000000000004.txt',
    '006_0000000000000006.txt',
    '007_0000000000000007.txt',
    '008_0000000000000008.txt',
    'bad-name.txt',
  ])
  const errors = diagnostics.filter((d) => d.severity === 'error')
  expect(errors).toHaveLength(7)
  const errorOf = (file: string) => errors.find((d) => d.file === file)
  expect(errorOf('002_0000000000000002.txt')).toMatchObject({ line: 2 })
  expect(errorOf('002_0000000000000002.txt')?.message).toMatch(/not UTF-8/)
  expect(errorOf('003_0000000000000003.txt')?.message).toMatch(/NUL/)
  expect(errorOf('004_0000000000000004.txt')?.message).toMatch(/never closed/)
  expect(errorOf('006_0000000000000006.txt')?.message).toMatch(/600 bytes, over the limit of 500/)
  expect(errorOf('007_0000000000000007.txt')?.message).toBe(
    'cannot read the file: permission denied',
  )
  expect(errorOf('008_0000000000000008.txt')).toMatchObject({ line: 3 })
  expect(errorOf('bad-name.txt')?.message).toMatch(/file name/)
})

it('rejects the second of two files with the same id, naming the first', () => {
  const dir = tempFolder()
  write(dir, '001_00000000000000aa.txt', story('The first'))
  write(dir, '002_00000000000000aa.txt', story('The second'))
  write(dir, '003_00000000000000bb.txt', story('The third'))

  const { articles, diagnostics, fileCount } = readCorpus(dir)

  expect(fileCount).toBe(3)
  expect(articles.map((a) => a.file)).toEqual([
    '001_00000000000000aa.txt',
    '003_00000000000000bb.txt',
  ])
  expect(diagnostics).toEqual([
    {
      severity: 'error',
      file: '002_00000000000000aa.txt',
      line: 1,
      message: 'duplicate id 00000000000000aa: 001_00000000000000aa.txt has the same id',
    },
  ])
})

it('does not follow a symbolic link', () => {
  const dir = tempFolder()
  const outside = tempFolder()
  write(outside, 'secret.txt', story('The secret'))
  write(dir, '001_0000000000000001.txt', story('The budget'))
  fs.symlinkSync(join(outside, 'secret.txt'), join(dir, '002_0000000000000002.txt'))
  fs.symlinkSync(join(outside, 'missing.txt'), join(dir, '003_0000000000000003.txt'))

  const { articles, diagnostics, fileCount } = readCorpus(dir)

  expect(fileCount).toBe(3)
  expect(articles.map((a) => a.id)).toEqual(['0000000000000001'])
  expect(errorFiles(diagnostics)).toEqual(['002_0000000000000002.txt', '003_0000000000000003.txt'])
  for (const d of diagnostics) expect(d.message).toMatch(/symbolic link, not followed/)
  const readPaths = readFileSync.mock.calls.map(([path]) => path)
  expect(readPaths).toEqual([join(dir, '001_0000000000000001.txt')])
})

it('warns about files that are not .txt and folders, and reads nothing from them', () => {
  const dir = tempFolder()
  write(dir, '001_0000000000000001.txt', story('The budget'))
  write(dir, 'README.md', '# Notes\n')
  write(dir, '002_0000000000000002.TXT', story('The shouting file'))
  fs.mkdirSync(join(dir, '003_0000000000000003.txt'))
  write(dir, '.hidden.txt', 'not an article\0')

  const { articles, diagnostics, fileCount } = readCorpus(dir)

  expect(fileCount).toBe(1)
  expect(articles.map((a) => a.id)).toEqual(['0000000000000001'])
  expect(diagnostics).toEqual([
    {
      severity: 'warning',
      file: '002_0000000000000002.TXT',
      line: 1,
      message: 'not a .txt file, ignored',
    },
    {
      severity: 'warning',
      file: '003_0000000000000003.txt',
      line: 1,
      message: expect.stringMatching(/^folder ignored/),
    },
    { severity: 'warning', file: 'README.md', line: 1, message: 'not a .txt file, ignored' },
  ])
})

it('rejects a file over the size limit without reading it', () => {
  const dir = tempFolder()
  write(dir, '001_0000000000000001.txt', story('The budget'))
  write(dir, '002_0000000000000002.txt', story('A story far too long for the limit').repeat(10))

  const { articles, diagnostics } = readCorpus(dir, { maxBytes: 200 })

  expect(articles.map((a) => a.id)).toEqual(['0000000000000001'])
  expect(diagnostics).toEqual([
    {
      severity: 'error',
      file: '002_0000000000000002.txt',
      line: 1,
      message: expect.stringMatching(/^file is \d+ bytes, over the limit of 200 bytes$/),
    },
  ])
  const readPaths = readFileSync.mock.calls.map(([path]) => path)
  expect(readPaths).toEqual([join(dir, '001_0000000000000001.txt')])
})

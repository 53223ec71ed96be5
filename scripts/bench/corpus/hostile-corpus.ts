/**
 * A corpus of hostile files beside valid ones, written at run time (nothing big is committed):
 * for the hostile-corpus test (scripts/bench/corpus/hostile-corpus.test.ts) and its benchmark
 * (npm run bench:hostile). Each hostile file would be a valid article if the guard against it
 * were missing (the oversize file is article text, the symlink and the unreadable file point at
 * or hold a valid article), so a test that sees it rejected sees the guard work.
 */
import { execFileSync } from 'node:child_process'
import {
  chmodSync,
  closeSync,
  mkdirSync,
  openSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_MAX_BYTES } from '../../../src/lib/corpus/parse-article.ts'

export type HostileKind =
  | 'oversize'
  | 'million-lines'
  | 'deep-lists'
  | 'deep-mappings'
  | 'billion-laughs'
  | 'symlink-outside'
  | 'unreadable'
  | 'fifo'

export type HostileCorpus = {
  /** The corpus folder. */
  dir: string
  /** File names of the valid articles, and their ids. */
  valid: { file: string; id: string }[]
  /** The file name of each hostile case written. */
  hostile: Partial<Record<HostileKind, string>>
  /** Cases that could not be made on this machine, with the reason. */
  missing: Partial<Record<HostileKind, string>>
}

export type HostileOptions = {
  /** Leave out the file unreadable by permissions (pointless when the reader runs as root). */
  unreadable?: boolean
  /** Size of the oversize file; 50 MB by default. */
  oversizeBytes?: number
}

const MB = 1024 * 1024
/** Levels of nesting in the deep YAML cases. */
export const DEEP_LEVELS = 10_000
/** Lines of the million-lines case: one character and a line break each, under the size limit. */
export const MILLION = 1_000_000

function story(title: string): string {
  return [
    '---',
    `title: "${title}"`,
    'date: 2024-03-01',
    'source: Daily Post',
    '---',
    `${title}: the council agreed on Monday after a long debate.`,
    '',
    'The vote was close, and the mayor said the work would start in the spring.',
    '',
  ].join('\n')
}

function name(sequence: number): { file: string; id: string } {
  const id = sequence.toString(16).padStart(16, '0')
  return { file: `${String(sequence).padStart(3, '0')}_${id}.txt`, id }
}

/** Article text, written a megabyte at a time so the writer never holds the whole file. */
function writeLargeArticle(path: string, bytes: number): void {
  const paragraph = 'The council met again on Monday and the debate went on for hours.\n\n'
  const chunk = Buffer.from(paragraph.repeat(Math.ceil(MB / paragraph.length))).subarray(0, MB)
  const fd = openSync(path, 'w')
  try {
    writeSync(fd, story('The longest meeting'))
    for (let written = 0; written < bytes; written += chunk.length) {
      writeSync(fd, chunk, 0, Math.min(chunk.length, bytes - written))
    }
  } finally {
    closeSync(fd)
  }
}

/** YAML anchors nine times the one before, ten deep: 9^10 strings once every alias is expanded. */
function billionLaughs(): string {
  const names = 'abcdefghij'.split('')
  return names
    .map((anchor, i) => {
      const items = i === 0 ? Array(9).fill('"lol"') : Array(9).fill(`*${names[i - 1]}`)
      return `${anchor}: &${anchor} [${items.join(', ')}]`
    })
    .join('\n')
}

function withFrontMatter(yaml: string): string {
  return `---\ntitle: Hostile\n${yaml}\n---\nThe council agreed on Monday.\n\nDaily Post\n`
}

/**
 * Writes the corpus into `<root>/corpus/`, with the symlink's target in `<root>/outside/`.
 * Files are world-readable and folders world-traversable, so another user can read the corpus.
 */
export function writeHostileCorpus(root: string, options: HostileOptions = {}): HostileCorpus {
  const dir = join(root, 'corpus')
  const outside = join(root, 'outside')
  mkdirSync(dir, { recursive: true, mode: 0o755 })
  mkdirSync(outside, { recursive: true, mode: 0o755 })
  chmodSync(root, 0o755)
  const corpus: HostileCorpus = { dir, valid: [], hostile: {}, missing: {} }
  const write = (sequence: number, content: string) => {
    const { file } = name(sequence)
    writeFileSync(join(dir, file), content, { mode: 0o644 })
    return file
  }
  const valid = (sequence: number, title: string) => {
    write(sequence, story(title))
    corpus.valid.push(name(sequence))
  }

  valid(1, 'The new bridge')

  const oversize = name(10).file
  writeLargeArticle(join(dir, oversize), options.oversizeBytes ?? 50 * MB)
  corpus.hostile.oversize = oversize

  const lines = 'a\n'.repeat(MILLION)
  if (Buffer.byteLength(lines) >= DEFAULT_MAX_BYTES) throw new Error('the size limit changed')
  corpus.hostile['million-lines'] = write(11, lines)

  corpus.hostile['deep-lists'] = write(
    12,
    withFrontMatter(`deep: ${'['.repeat(DEEP_LEVELS)}${']'.repeat(DEEP_LEVELS)}`),
  )
  corpus.hostile['deep-mappings'] = write(
    13,
    withFrontMatter(`deep: ${'{a: '.repeat(DEEP_LEVELS)}1${'}'.repeat(DEEP_LEVELS)}`),
  )
  corpus.hostile['billion-laughs'] = write(14, withFrontMatter(billionLaughs()))

  valid(20, 'The old library')

  // A valid article outside the folder: following the link would compile it.
  writeFileSync(join(outside, 'secret.txt'), story('The secret report'), { mode: 0o644 })
  const link = name(30).file
  symlinkSync(join('..', 'outside', 'secret.txt'), join(dir, link))
  corpus.hostile['symlink-outside'] = link

  if (options.unreadable !== false) {
    const unreadable = write(31, story('The locked file'))
    chmodSync(join(dir, unreadable), 0o000)
    corpus.hostile.unreadable = unreadable
  }

  // A FIFO that nobody writes to: opening it to read would block the reader for ever.
  const fifo = name(32).file
  try {
    execFileSync('mkfifo', ['-m', '644', join(dir, fifo)], { stdio: 'pipe' })
    corpus.hostile.fifo = fifo
  } catch (cause) {
    corpus.missing.fifo = `mkfifo failed: ${cause instanceof Error ? cause.message : String(cause)}`
  }

  valid(40, 'The last train')
  return corpus
}

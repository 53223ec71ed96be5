// @vitest-environment node
/**
 * A corpus of one article, built as `npm run build` builds it: with nothing to relate it to, its
 * data file has no related list and its page no "Related stories" section (not an empty heading).
 */
import { buildTestSite } from './build-site.test-data.ts'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { load } from 'cheerio'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { dataPaths } from '../../../src/lib/corpus/compiled.ts'

const ID = '00000000000000b1'
const root = mkdtempSync(join(tmpdir(), 'related-build-'))
const corpusDir = join(root, 'corpus')
const outDir = join(root, 'dist')

beforeAll(() => {
  mkdirSync(corpusDir, { recursive: true })
  writeFileSync(
    join(corpusDir, `001_${ID}.txt`),
    [
      '---',
      'title: "The only story: a volcano erupts on Vulcania island"',
      'date: 2025-03-02',
      'source: Lone Wire',
      '---',
      'The volcano on Vulcania island erupted on Monday, and lava reached the coast.',
      '',
      'The island airport closed because of the ash, and the villages were evacuated.',
      '',
    ].join('\n'),
  )
  buildTestSite({ corpusDir, outDir })
}, 120_000)

afterAll(() => rmSync(root, { recursive: true, force: true }))

test('the lone article has no related list in its data file and no section on its page', () => {
  const versions = readdirSync(join(outDir, 'data'))
  expect(versions).toHaveLength(1)
  const data: unknown = JSON.parse(
    readFileSync(join(outDir, 'data', versions[0] ?? '', dataPaths.article(ID)), 'utf8'),
  )
  expect(data).toMatchObject({ id: ID, paragraphs: expect.any(Array) })
  expect(data).not.toHaveProperty('related')

  const pages = readdirSync(join(outDir, 'articles', ID))
  expect(pages).toHaveLength(1)
  const $ = load(readFileSync(join(outDir, 'articles', ID, pages[0] ?? ''), 'utf8'))
  expect($('main h1').text()).toBe('The only story: a volcano erupts on Vulcania island')
  expect($('main').text()).not.toContain('Related stories')
  expect($('main h2')).toHaveLength(0)
})

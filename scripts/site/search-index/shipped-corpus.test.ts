// @vitest-environment node
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { createSearchEngine } from '../../../src/lib/search/search-engine.ts'
import { readCorpus } from '../corpus/read-corpus.ts'
import { memorySite } from './memory-site.ts'

const SAMPLE = 'c79c02568b4c9959'

it('finds the shipped sample article first for misspelled Azerbijan and Hajiev', async () => {
  const { articles } = readCorpus(fileURLToPath(new URL('../../../corpus', import.meta.url)))
  const engine = createSearchEngine(memorySite(articles).load)
  const options = { source: null, sort: 'relevance' as const, limit: 10 }
  const typos: Array<[string, string]> = [
    ['Azerbijan', 'azerbaijan'],
    ['Hajiev', 'hajiyev'],
  ]
  for (const [query, corrected] of typos) {
    const result = await engine.search(query, options)
    expect(result.hits[0]?.id).toBe(SAMPLE)
    expect(result.correctedQuery).toBe(corrected)
  }
  const exact = await engine.search("azerbaijan's territorial integrity", options)
  expect(exact.hits[0]?.id).toBe(SAMPLE)
  expect(exact.correctedQuery).toBeNull()
})

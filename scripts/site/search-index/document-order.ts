import type { Article } from '../../../src/lib/corpus/types.ts'
import type { RootHeader } from '../../../src/lib/search/index-format.ts'
import { sourceSlugs } from '../corpus/emit-corpus.ts'

/**
 * How the index numbers documents: source by source (sources in name order, articles without a
 * source last), newest first within each, so that a source is a range of numbers.
 */
export type DocumentOrder = {
  /** For each document number, the article's place in the newest-first list it was given. */
  rankOf: Int32Array
  sources: RootHeader['sources']
  unsourced: RootHeader['unsourced']
  /** Source name -> its slug in the site's URLs. */
  slugs: Map<string, string>
}

/** The document numbers of `articles`, which come newest first. */
export function documentOrder(articles: readonly Article[]): DocumentOrder {
  const slugs = sourceSlugs(articles)
  const names = [...slugs.keys()]
  const groupOf = new Map(names.map((name, i) => [name, i]))
  const groups: number[][] = names.map(() => [])
  const unsourced: number[] = []
  articles.forEach((a, rank) => {
    const g = a.source === null ? undefined : groupOf.get(a.source)
    ;(g === undefined ? unsourced : (groups[g] ?? unsourced)).push(rank)
  })
  const rankOf = new Int32Array(articles.length)
  const sources: RootHeader['sources'] = []
  let next = 0
  names.forEach((name, i) => {
    const members = groups[i] ?? []
    sources.push({ name, slug: slugs.get(name) ?? '', start: next, count: members.length })
    for (const rank of members) rankOf[next++] = rank
  })
  const unsourcedRange = { start: next, count: unsourced.length }
  for (const rank of unsourced) rankOf[next++] = rank
  return { rankOf, sources, unsourced: unsourcedRange, slugs }
}

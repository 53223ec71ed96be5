/**
 * Known-item queries: a query and the one article it should find first, of a kind (`title`,
 * `body`, `typo`). Made from a corpus with a seed (the search benchmarks and the Node harness), or
 * read from a file like ../shared/corpora/wikinews-queries.json.
 */
import { readFileSync } from 'node:fs'
import type { Article } from '../../../src/lib/corpus/types.ts'
import { terms as termsOf } from '../../../src/lib/search/normalize.ts'
import { seededRandom } from '../../../src/lib/seeded-random.ts'

export type KnownItemQuery = { q: string; id: string; kind: string }

export const isKnownItemQuery = (v: unknown): v is KnownItemQuery =>
  typeof v === 'object' &&
  v !== null &&
  'q' in v &&
  typeof v.q === 'string' &&
  'id' in v &&
  typeof v.id === 'string' &&
  'kind' in v &&
  typeof v.kind === 'string'

/** Function words the query maker skips (the engine itself has no stop list). */
const FUNCTION_WORDS = new Set(
  'the a an and or of to in on at by for with from as is was were are be been has have had it its this that these those which who not but he she they we you his her their our s t'.split(
    ' ',
  ),
)

const usable = (t: string) => t.length >= 3 && !/\d/.test(t) && !FUNCTION_WORDS.has(t)

/**
 * Known-item queries like the development set's: `title` (3 words of a title no other title has
 * together), `body` (3 consecutive body words found side by side in no other article) and `typo`
 * (a title query with one word of 6+ letters altered by one keystroke).
 */
export function makeQueries(articles: readonly Article[], perKind: number, seed: number) {
  const random = seededRandom(seed).next
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)]
  const titleTerms = articles.map((a) => new Set(termsOf(a.title).filter(usable)))
  const titleDocs = new Map<string, number[]>()
  titleTerms.forEach((set, d) => {
    for (const t of set) {
      const docs = titleDocs.get(t)
      if (docs === undefined) titleDocs.set(t, [d])
      else docs.push(d)
    }
  })
  const uniqueTitleTriple = (d: number): string[] | null => {
    const words = [...(titleTerms[d] ?? [])]
    if (words.length < 3) return null
    for (let attempt = 0; attempt < 30; attempt++) {
      const chosen = new Set<string>()
      while (chosen.size < 3) chosen.add(pick(words) ?? '')
      const [a, b, c] = [...chosen]
      const others = (titleDocs.get(a ?? '') ?? []).filter(
        (o) => o !== d && titleTerms[o]?.has(b ?? '') && titleTerms[o]?.has(c ?? ''),
      )
      if (others.length === 0) return [...chosen]
    }
    return null
  }
  const out: KnownItemQuery[] = []
  const tried = new Set<number>()
  const nextDoc = () => {
    for (let i = 0; i < 1000; i++) {
      const d = Math.floor(random() * articles.length)
      if (!tried.has(d)) {
        tried.add(d)
        return d
      }
    }
    return -1
  }
  for (const kind of ['title', 'typo'] as const) {
    let made = 0
    for (let guard = 0; made < perKind && guard < perKind * 20; guard++) {
      const d = nextDoc()
      const triple = d < 0 ? null : uniqueTitleTriple(d)
      const article = articles[d]
      if (!triple || !article) continue
      if (kind === 'typo') {
        const long = triple.filter((t) => t.length >= 6 && /^[a-z]+$/.test(t))
        const word = pick(long)
        if (!word) continue
        const at = Math.floor(random() * word.length)
        const letter = 'abcdefghijklmnopqrstuvwxyz'.charAt(Math.floor(random() * 26))
        const op = Math.floor(random() * 4)
        let typo =
          op === 0
            ? word.slice(0, at) + letter + word.slice(at + 1)
            : op === 1
              ? word.slice(0, at) + word.slice(at + 1)
              : op === 2
                ? word.slice(0, at) + letter + word.slice(at)
                : word.slice(0, at) + word.charAt(at + 1) + word.charAt(at) + word.slice(at + 2)
        if (typo === word) typo = word.slice(1)
        triple[triple.indexOf(word)] = typo
      }
      out.push({ q: triple.join(' '), id: article.id, kind })
      made++
    }
  }
  // Body phrases: candidates first, then one pass over the corpus to keep the unique ones.
  const candidates: Array<{ d: number; phrase: string }> = []
  for (let guard = 0; candidates.length < perKind * 3 && guard < perKind * 30; guard++) {
    const d = nextDoc()
    const article = articles[d]
    if (!article) continue
    const paragraph = pick(article.paragraphs)
    const words = termsOf(paragraph ?? '')
    for (let attempt = 0; attempt < 10; attempt++) {
      const at = Math.floor(random() * Math.max(0, words.length - 2))
      const three = words.slice(at, at + 3)
      if (three.length === 3 && three.every(usable)) {
        candidates.push({ d, phrase: three.join(' ') })
        break
      }
    }
  }
  const seen = new Map<string, number>()
  const wanted = new Set(candidates.map((c) => c.phrase))
  articles.forEach((a) => {
    const found = new Set<string>()
    for (const p of [a.title, ...a.paragraphs]) {
      const words = termsOf(p)
      for (let i = 0; i + 2 < words.length; i++) {
        const phrase = `${words[i]} ${words[i + 1]} ${words[i + 2]}`
        if (wanted.has(phrase)) found.add(phrase)
      }
    }
    for (const phrase of found) seen.set(phrase, (seen.get(phrase) ?? 0) + 1)
  })
  let bodies = 0
  for (const c of candidates) {
    const article = articles[c.d]
    if (bodies >= perKind || !article || seen.get(c.phrase) !== 1) continue
    out.push({ q: c.phrase, id: article.id, kind: 'body' })
    bodies++
  }
  return out
}

/** The queries file: a JSON array of { q, id, kind }; an error names the file and the entry. */
export function readQueries(file: string): KnownItemQuery[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
  } catch (cause) {
    throw new Error(`${file}: not valid JSON (${cause instanceof Error ? cause.message : cause})`)
  }
  if (!Array.isArray(parsed)) throw new Error(`${file}: expected a JSON array of queries`)
  parsed.forEach((entry: unknown, i) => {
    if (!isKnownItemQuery(entry)) {
      throw new Error(`${file}: entry ${i} is not { "q": string, "id": string, "kind": string }`)
    }
    if (entry.q.trim() === '') throw new Error(`${file}: entry ${i} has an empty query`)
  })
  if (parsed.length === 0) throw new Error(`${file}: no queries`)
  return parsed.filter(isKnownItemQuery)
}

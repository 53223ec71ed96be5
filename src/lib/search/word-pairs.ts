/**
 * Word pairs: the documents where two adjacent query words stand side by side, in the query's
 * order (word-pair shards, index-format.ts). A quoted phrase requires its pairs; other pairs add
 * to the score (scoring.ts).
 */
import { idf } from './index-format.ts'
import type { IndexStore, LoadedRoot } from './index-store.ts'
import type { QueryState } from './query-state.ts'
import type { ParsedQuery } from './query.ts'
import type { PairList } from './scoring.ts'
import { searchedForms } from './slots.ts'

/** Forms of a word (itself, corrections) whose pairs with its neighbours are looked up, at most. */
const PAIR_FORMS = 2
/** Weight of two query words found side by side, in the query's order, times the pair's idf. */
const PAIR_WEIGHT = 1

export type WordPairs = {
  /** For each position of the query (word w and w + 1), the pairs found there. */
  pairs: PairList[][]
  /** The documents of each pair of a quoted phrase: a match must be in all of them. */
  required: Int32Array[]
  /** A quoted phrase has a pair the corpus lacks: nothing matches. */
  phraseMissing: boolean
}

/**
 * Starts loading the shards of the query's word pairs as typed, alongside the words' own shards
 * (not needed before, but no later). A failure is left to the lookup that needs the shard.
 */
export function prefetchPairs(store: IndexStore, root: LoadedRoot, parsed: ParsedQuery): void {
  parsed.words.forEach((word, w) => {
    const next = parsed.words[w + 1]
    if (next) store.lookupPair(root, word.term, next.term).catch(() => {})
  })
}

/** The pairs of each position of the query: of its phrases' words as typed, else of their forms. */
export async function pairLists(state: QueryState): Promise<WordPairs> {
  const { store, root, parsed, slots, slotOfWord } = state
  const jobs: Array<Promise<{ position: number; pair: PairList | null; phrase: boolean }>> = []
  for (let w = 0; w + 1 < parsed.words.length; w++) {
    const a = parsed.words[w]
    const b = parsed.words[w + 1]
    const sa = slots[slotOfWord[w] ?? -1]
    const sb = slots[slotOfWord[w + 1] ?? -1]
    if (!a || !b || !sa || !sb) continue
    const phrase = a.phrase !== null && a.phrase >= 0 && a.phrase === b.phrase
    const lefts = phrase ? [a.term] : searchedForms(sa).slice(0, PAIR_FORMS)
    const rights = phrase ? [b.term] : searchedForms(sb).slice(0, PAIR_FORMS)
    for (const left of lefts) {
      for (const right of rights) {
        jobs.push(
          store.lookupPair(root, left, right).then((found) => ({
            position: w,
            phrase,
            pair: found
              ? { docs: found.docs, bonus: PAIR_WEIGHT * idf(root.docs, found.df) }
              : null,
          })),
        )
      }
    }
  }
  const results = await Promise.all(jobs)
  const byPosition = new Map<number, PairList[]>()
  const required: Int32Array[] = []
  let phraseMissing = false
  for (const { position, pair, phrase } of results) {
    if (phrase) {
      if (pair) required.push(pair.docs)
      else phraseMissing = true
    }
    if (!pair) continue
    const list = byPosition.get(position) ?? []
    list.push(pair)
    byPosition.set(position, list)
  }
  return { pairs: [...byPosition.values()], required, phraseMissing }
}

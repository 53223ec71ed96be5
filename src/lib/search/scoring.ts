/**
 * Scoring the documents a query matches: the intersection of its words' lists (every word is
 * required), each document scored by its words' scores (BM25, stored quantised in the postings:
 * see slots.ts), its words together in its title, and its words side by side in the query's
 * order. Runs over typed arrays, with no allocation per document.
 */
import { gallop } from './gallop.ts'
import type { SlotList } from './slots.ts'

/** Weight of the query's words found in the title, times their idf and the share found there squared. */
const TITLE_COVER_WEIGHT = 4
/** Weight of the query's words side by side in its order, times their idf and the share squared. */
const PHRASE_COVER_WEIGHT = 4

/** The documents of a word pair (two query words side by side), and what finding it adds. */
export type PairList = { docs: Int32Array; bonus: number }

/** The whole query as a phrase: its word positions (words - 1) and what it is worth. */
export type PhraseWeight = { positions: number; weight: number }

export type Matches = {
  docs: Int32Array
  scores: Float64Array
  /** choice[slot][i]: the alternative of slot that matched docs[i]. */
  choices: Uint8Array[]
}

export function noMatches(): Matches {
  return { docs: new Int32Array(0), scores: new Float64Array(0), choices: [] }
}

/**
 * Documents in every slot list and every required list, scored: slot scores plus pair bonuses.
 * `pairs` holds, for each position of the query, the pairs that may stand there.
 */
export function intersect(
  lists: readonly SlotList[],
  required: readonly Int32Array[],
  pairs: ReadonlyArray<readonly PairList[]>,
  phrase: PhraseWeight = { positions: 0, weight: 0 },
): Matches {
  const order = lists
    .map((_, i) => i)
    .sort((a, b) => {
      return (lists[a]?.docs.length ?? 0) - (lists[b]?.docs.length ?? 0)
    })
  const firstIndex = order[0]
  const first = firstIndex === undefined ? undefined : lists[firstIndex]
  if (!first) return noMatches()
  const pos = lists.map(() => 0)
  const reqPos = required.map(() => 0)
  const room = first.docs.length
  const found = new Int32Array(room)
  const out = new Float64Array(room)
  const picks = lists.map(() => new Uint8Array(room))
  let n = 0
  outer: for (let i = 0; i < first.docs.length; i++) {
    const doc = first.docs[i] ?? 0
    for (let r = 0; r < required.length; r++) {
      const list = required[r]
      if (!list) continue
      const p = gallop(list, reqPos[r] ?? 0, doc)
      reqPos[r] = p
      if (list[p] !== doc) continue outer
    }
    let score = 0
    let titleWords = 0
    let titleIdf = 0
    for (const s of order) {
      const list = lists[s]
      if (!list) continue
      const p = s === firstIndex ? i : gallop(list.docs, pos[s] ?? 0, doc)
      pos[s] = p
      if (list.docs[p] !== doc) continue outer
      score += list.scores[p] ?? 0
      const t = list.title[p] ?? 0
      if (t > 0) {
        titleWords++
        titleIdf += t
      }
    }
    // The query's words together in the title: a short field, so they stand close together.
    const cover = titleWords / lists.length
    score += TITLE_COVER_WEIGHT * cover * cover * titleIdf
    for (let s = 0; s < lists.length; s++) {
      const pick = picks[s]
      if (pick) pick[n] = lists[s]?.choice[pos[s] ?? 0] ?? 0
    }
    found[n] = doc
    out[n] = score
    n++
  }
  const docs = found.subarray(0, n)
  addSideBySide(docs, out, pairs, phrase)
  return {
    docs,
    scores: out.subarray(0, n),
    choices: picks.map((p) => p.subarray(0, n)),
  }
}

/**
 * Adds to `scores[i]` what the query's words side by side in its order are worth in `docs[i]`:
 * the best pair bonus at each position, and the share of positions with a pair, squared (the
 * whole query as a phrase counts most).
 */
function addSideBySide(
  docs: Int32Array,
  scores: Float64Array,
  pairs: ReadonlyArray<readonly PairList[]>,
  phrase: PhraseWeight,
): void {
  const together = new Float64Array(docs.length)
  for (const position of pairs) {
    const best = new Float64Array(docs.length)
    for (const pair of position) {
      let p = 0
      for (let i = 0; i < docs.length; i++) {
        p = gallop(pair.docs, p, docs[i] ?? 0)
        if (p >= pair.docs.length) break
        if (pair.docs[p] === docs[i] && pair.bonus > (best[i] ?? 0)) best[i] = pair.bonus
      }
    }
    for (let i = 0; i < docs.length; i++) {
      scores[i] = (scores[i] ?? 0) + (best[i] ?? 0)
      if ((best[i] ?? 0) > 0) together[i] = (together[i] ?? 0) + 1
    }
  }
  if (phrase.positions > 0) {
    for (let i = 0; i < docs.length; i++) {
      const share = (together[i] ?? 0) / phrase.positions
      scores[i] = (scores[i] ?? 0) + PHRASE_COVER_WEIGHT * share * share * phrase.weight
    }
  }
}

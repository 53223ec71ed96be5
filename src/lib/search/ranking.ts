/**
 * The order of the results: matches that need no correction first, then by score (or by date when
 * sorting by newest), ties broken by recency; the first few then checked against their text for
 * the whole query as a phrase.
 */
import type { LoadedDoc } from './index-store.ts'
import { tokensOf } from './excerpt.ts'
import { tokenize } from './normalize.ts'
import type { QueryState } from './query-state.ts'
import type { Matches } from './scoring.ts'
import type { Slot } from './slots.ts'
import { searchedForms } from './slots.ts'
import { topK } from './top-k.ts'

/** Added to the sort key of matches that need no correction, so they come first. */
const TYPED_FIRST = 1e9
/** Results checked against their text for the whole query as a phrase (3 words or more). */
const RERANK_WINDOW = 10

/** The matches from..to-1 (a source's range, or all of them) and which need no correction. */
export type MatchRange = { matches: Matches; typed: Uint8Array; from: number; to: number }

/** 1 for documents every word matched as typed (or completed): before any matched by a correction. */
export function typedMask(slots: readonly Slot[], matches: Matches): Uint8Array {
  const n = matches.docs.length
  const typed = new Uint8Array(n).fill(1)
  slots.forEach((slot, s) => {
    if (!slot.alternatives.some((a) => a.kind === 'fuzzy')) return
    const choice = matches.choices[s]
    for (let i = 0; i < n; i++) {
      if (slot.alternatives[choice?.[i] ?? 0]?.kind === 'fuzzy') typed[i] = 0
    }
  })
  return typed
}

/**
 * Results checked for the phrase: only results that are shown (their files are loaded anyway), at
 * most the first RERANK_WINDOW, so that asking for more results never reorders the first ones.
 */
export function rerankCount(relevance: boolean, words: number, limit: number): number {
  return relevance && words >= 3 ? Math.min(limit, RERANK_WINDOW) : 0
}

/**
 * The best `k` of the range, best first, as indices from `range.from`: one number per match to
 * order by (higher first; by `ranks`, each document's place newest first, when given, else by
 * score), ties broken by `recency` (the root's: 0 newest).
 */
export function bestMatches(
  recency: Float32Array,
  range: MatchRange,
  ranks: Int32Array | null,
  k: number,
): number[] {
  const { matches, typed, from, to } = range
  const total = to - from
  const keys = new Float64Array(total)
  for (let i = 0; i < total; i++) {
    const first = (typed[from + i] ?? 0) * TYPED_FIRST
    keys[i] = ranks
      ? first - (ranks[matches.docs[from + i] ?? 0] ?? 0)
      : first + (matches.scores[from + i] ?? 0)
  }
  return topK(keys, k, (a, b) => {
    const da = matches.docs[from + a] ?? 0
    const db = matches.docs[from + b] ?? 0
    const ra = recency[da] ?? 0
    const rb = recency[db] ?? 0
    return ra !== rb ? ra < rb : da < db
  })
}

/**
 * The best few, checked against their text: the whole query as a phrase, in its order, comes
 * first (word pairs alone cannot tell "a b c" from "a b ... b c"). Reorders the first `rerank`
 * of `order` and `loaded` (their documents, in the same order) in place.
 */
export function rerankByPhrase(
  state: QueryState,
  range: MatchRange,
  order: number[],
  loaded: LoadedDoc[],
  rerank: number,
): void {
  const { parsed, slots, slotOfWord, completable } = state
  const forms = parsed.words.map((_, w) => {
    const slot = slots[slotOfWord[w] ?? 0]
    return new Set(slot ? searchedForms(slot) : undefined)
  })
  const prefix = completable ? completable.term : null
  const window = order.slice(0, rerank).map((i, k) => ({
    i,
    doc: loaded[k],
    typed: range.typed[range.from + i] ?? 0,
    phrase: loaded[k] ? hasPhrase(loaded[k], forms, prefix) : false,
  }))
  window.sort((a, b) => b.typed - a.typed || Number(b.phrase) - Number(a.phrase))
  window.forEach((entry, k) => {
    order[k] = entry.i
    if (entry.doc) loaded[k] = entry.doc
  })
}

/**
 * True when the text has the query's words one after the other, in its order (each word in any
 * of its searched forms; the last may be a prefix).
 */
export function hasPhrase(
  { meta, paragraphs }: LoadedDoc,
  forms: ReadonlyArray<ReadonlySet<string>>,
  prefix: string | null,
): boolean {
  const n = forms.length
  const matches = (term: string, w: number) =>
    forms[w]?.has(term) === true || (w === n - 1 && prefix !== null && term.startsWith(prefix))
  const texts = [
    [tokenize(meta.title)],
    paragraphs ? tokensOf(paragraphs) : [tokenize(meta.excerpt)],
  ]
  for (const tokens of texts.flat()) {
    for (let i = 0; i + n <= tokens.length; i++) {
      let w = 0
      while (w < n && matches(tokens[i + w]?.term ?? '', w)) w++
      if (w === n) return true
    }
  }
  return false
}

/**
 * Typo corrections: the vocabulary words near a query word (typo shards, index-format.ts; the edit
 * distance in typo.ts), which words of a query to correct, and the query rewritten with the
 * corrections used.
 */
import { throwIfAborted } from './abort.ts'
import { TYPO_MIN_LENGTH, typoGroupKeys } from './index-format.ts'
import type { TypoEntry } from './index-reader.ts'
import type { IndexStore, LoadedRoot } from './index-store.ts'
import type { QueryState } from './query-state.ts'
import type { Slot } from './slots.ts'
import { distanceFrom, maxTypoDistance } from './typo.ts'

/** Weights of corrections at edit distance 1 and 2. */
const FUZZY_WEIGHT = [1, 0.7, 0.5] as const
/** Corrections tried per word, and words corrected per query, at most. */
const CORRECTIONS_PER_WORD = 5
const CORRECTED_WORDS = 3
/**
 * A query of one word found in at most RARE_DF articles may be a typo: its corrections at least
 * RARE_FACTOR times as frequent are searched too.
 */
const RARE_DF = 2
export const RARE_FACTOR = 20

/** True for a word worth correcting: long enough, letters only. */
export function correctable(term: string): boolean {
  return Array.from(term).length >= TYPO_MIN_LENGTH && /^\p{L}+$/u.test(term)
}

/** Vocabulary words within edit distance of `term`, nearest then most frequent first. */
export async function typoCorrections(
  store: IndexStore,
  root: LoadedRoot,
  term: string,
): Promise<Array<TypoEntry & { distance: number }>> {
  if (!correctable(term) || root.typoShards === 0) return []
  const keys = typoGroupKeys(term)
  const groups = await Promise.all(keys.map((key) => store.typoGroup(root, key)))
  const max = maxTypoDistance(Array.from(term).length)
  const distanceTo = distanceFrom(term, max)
  const seen = new Map<string, { entry: TypoEntry; distance: number }>()
  for (const entry of groups.flat()) {
    if (entry.term === term || seen.has(entry.term)) continue
    const distance = distanceTo(entry.term)
    if (distance <= max) seen.set(entry.term, { entry, distance })
  }
  return [...seen.values()]
    .sort((a, b) => a.distance - b.distance || b.entry.df - a.entry.df)
    .slice(0, CORRECTIONS_PER_WORD)
    .map(({ entry, distance }) => ({ ...entry, distance }))
}

/**
 * The words to correct when the query matches nothing: the words the corpus lacks; when every
 * word is known but they never meet, the rarest ones. Null when the query is not one to correct
 * (a quoted or uncorrectable word among them, or too many).
 */
export function missingWords(slots: readonly Slot[]): Slot[] | null {
  const missing = slots.filter((s) => s.alternatives.length === 0)
  const targets =
    missing.length > 0
      ? missing
      : [...slots]
          .filter((s) => !s.quoted && correctable(s.term))
          .sort((a, b) => a.df - b.df)
          .slice(0, CORRECTED_WORDS)
  const fixable = targets.every((s) => !s.quoted && correctable(s.term))
  return fixable && targets.length > 0 && targets.length <= CORRECTED_WORDS ? targets : null
}

/**
 * A lone word found in very few articles may itself be a typo: its much more frequent neighbours
 * are searched too (RARE_FACTOR). With more words, their meeting in an article already says the
 * rare word was meant. Null when there is no such word.
 */
export function rareWords(slots: readonly Slot[]): Slot[] | null {
  const rare = slots.filter(
    (s) => slots.length === 1 && !s.quoted && correctable(s.term) && s.df > 0 && s.df <= RARE_DF,
  )
  return rare.length > 0 && rare.length <= CORRECTED_WORDS ? rare : null
}

/**
 * Adds the corrections of `targets` to their slots (those as frequent as `factor` times the word,
 * at least); true when any was found in the corpus.
 */
export async function addCorrections(
  state: QueryState,
  targets: readonly Slot[],
  factor: number,
): Promise<boolean> {
  const { store, root, signal } = state
  const candidates = await Promise.all(
    targets.map(async (slot) =>
      (await typoCorrections(store, root, slot.term)).filter((c) => c.df >= factor * slot.df),
    ),
  )
  throwIfAborted(signal)
  const postings = await Promise.all(
    candidates.map((list) => Promise.all(list.map((c) => store.lookupTerm(root, c.term)))),
  )
  throwIfAborted(signal)
  let added = false
  targets.forEach((slot, t) => {
    candidates[t]?.forEach((c, k) => {
      const hit = postings[t]?.[k]
      if (!hit) return
      added = true
      slot.alternatives.push({
        term: c.term,
        kind: 'fuzzy',
        weight: FUZZY_WEIGHT[c.distance] ?? 0.5,
        postings: hit.postings,
      })
    })
  })
  return added
}

/**
 * The query as given with each word replaced by the term searched for it (`chosen`, by slot), or
 * null when none differs. Terms are composed for display (NFC): Korean terms are held as jamo.
 */
export function correctedQueryText(
  state: Pick<QueryState, 'query' | 'parsed' | 'slotOfWord'>,
  chosen: readonly string[],
): string | null {
  const { query, parsed, slotOfWord } = state
  const edits = parsed.words
    .map((word, w) => ({ word, term: chosen[slotOfWord[w] ?? 0] ?? word.term }))
    .filter(({ word, term }) => term !== word.term)
  if (edits.length === 0) return null
  let correctedQuery = query
  for (const { word, term } of edits.reverse()) {
    correctedQuery =
      correctedQuery.slice(0, word.start) + term.normalize('NFC') + correctedQuery.slice(word.end)
  }
  return correctedQuery
}

/**
 * Matching a query against the index: its words' postings (and the last word's completions),
 * their intersection scored with the word pairs, and, when the words as typed find nothing or a
 * lone word is rare, the same again with typo corrections.
 */
import { throwIfAborted } from './abort.ts'
import { RARE_FACTOR, addCorrections, missingWords, rareWords } from './corrections.ts'
import type { QueryState } from './query-state.ts'
import { intersect, noMatches, type Matches } from './scoring.ts'
import { completion, mergeSlot, phraseWeight, weighGuesses } from './slots.ts'
import { pairLists } from './word-pairs.ts'

type Outcome = { matches: Matches; phraseMissing: boolean }

/** The query's matches, and whether corrections were searched for a query that found nothing. */
export type QueryMatches = { matches: Matches; corrected: boolean }

/** Looks up each slot's word, and the completions of the last word; adds them to the slots. */
export async function lookupWords(state: QueryState): Promise<void> {
  const { store, root, slots, completable, signal } = state
  const [found, expansions] = await Promise.all([
    Promise.all(slots.map((slot) => store.lookupTerm(root, slot.term))),
    completable ? store.completions(root, completable.term) : Promise.resolve([]),
  ])
  throwIfAborted(signal)
  slots.forEach((slot, s) => {
    const hit = found[s]
    if (hit) {
      slot.df = hit.df
      slot.alternatives.push({
        term: slot.term,
        kind: 'exact',
        weight: 1,
        postings: hit.postings,
      })
    }
  })
  if (completable) {
    completable.alternatives.push(...expansions.map((e) => completion(e.term, e.postings)))
  }
}

/** The documents every slot matches, scored; null when a slot has nothing to match. */
async function matchSlots(state: QueryState): Promise<Outcome | null> {
  const { root, parsed, slots } = state
  if (slots.some((s) => s.alternatives.length === 0)) return null
  weighGuesses(slots)
  const { pairs, required, phraseMissing } = await pairLists(state)
  if (phraseMissing) return { matches: noMatches(), phraseMissing }
  const lists = slots.map((slot) => mergeSlot(slot, root))
  const phrase = { positions: parsed.words.length - 1, weight: phraseWeight(slots, root) }
  return { matches: intersect(lists, required, pairs, phrase), phraseMissing }
}

/**
 * Matches the query; then, unless `correct` is false, corrects it when the words as typed find
 * nothing, or searches a rare lone word's frequent neighbours too.
 */
export async function matchQuery(state: QueryState, correct: boolean): Promise<QueryMatches> {
  const { store, root, slots, signal } = state
  let outcome = await matchSlots(state)
  throwIfAborted(signal)
  let corrected = false
  if (correct && (!outcome || (outcome.matches.docs.length === 0 && !outcome.phraseMissing))) {
    const targets = missingWords(slots)
    if (targets) {
      await addCorrections(state, targets, 0)
      corrected = true
      outcome = await matchSlots(state)
      throwIfAborted(signal)
    }
  } else if (correct && outcome && outcome.matches.docs.length > 0) {
    // The rare word's results come after every exact one (ranking.ts).
    const rare = rareWords(slots)
    if (rare) {
      // Those few articles come first whatever the corrections find: their files load while
      // the corrections' do, not after them (the cache hands them to the results).
      for (const doc of outcome.matches.docs) store.loadDoc(root, doc).catch(() => {})
      if (await addCorrections(state, rare, RARE_FACTOR)) {
        outcome = await matchSlots(state)
        throwIfAborted(signal)
      }
    }
  }
  return { matches: outcome?.matches ?? noMatches(), corrected }
}

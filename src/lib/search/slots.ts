/**
 * A query's slots: one per distinct word, each with the terms it may match (alternatives: the word
 * as typed, completions of the last word, corrections of typos), and the merge of those
 * alternatives' postings into one list of scored documents for scoring.ts.
 */
import { idf } from './index-format.ts'
import type { Postings, Root } from './index-reader.ts'
import { gallop } from './gallop.ts'
import type { ParsedQuery } from './query.ts'

/** A last word shorter than this is not completed (`'s`, a first letter typed). */
const PREFIX_MIN_LENGTH = 2
/** Weight of a completion of the last word against the word itself. */
const PREFIX_WEIGHT = 0.5

export type Alternative = {
  term: string
  kind: 'exact' | 'prefix' | 'fuzzy'
  weight: number
  postings: Postings
}

export type Slot = {
  term: string
  /** The index of its first word. */
  word: number
  quoted: boolean
  /** Document frequency of the exact term (0: not in the corpus). */
  df: number
  alternatives: Alternative[]
}

/**
 * A slot's documents, merged over its alternatives: the best score, which alternative gave it, and
 * that alternative's idf when the word is in the document's title (else 0).
 */
export type SlotList = {
  docs: Int32Array
  scores: Float64Array
  choice: Uint8Array
  title: Float64Array
}

export type QuerySlots = {
  /** One slot per distinct word, in the order of their first words. */
  slots: Slot[]
  /** slotOfWord[w]: the slot of the query's word w. */
  slotOfWord: number[]
  /** The last word's slot when it is completed too (not quoted, long enough), else null. */
  completable: Slot | null
}

/** One slot per distinct word; a word quoted anywhere makes its slot quoted. */
export function planSlots(parsed: ParsedQuery): QuerySlots {
  const slots: Slot[] = []
  const slotOfTerm = new Map<string, number>()
  const slotOfWord: number[] = []
  parsed.words.forEach((word, w) => {
    const quoted = word.phrase !== null
    let s = slotOfTerm.get(word.term)
    if (s === undefined) {
      s = slots.length
      slotOfTerm.set(word.term, s)
      slots.push({ term: word.term, word: w, quoted, df: 0, alternatives: [] })
    } else if (quoted) {
      const slot = slots[s]
      if (slot) slot.quoted = true
    }
    slotOfWord.push(s)
  })
  const lastWord = parsed.words[parsed.words.length - 1]
  const prefixSlot =
    parsed.prefix && lastWord ? (slots[slotOfTerm.get(lastWord.term) ?? -1] ?? null) : null
  const completable =
    prefixSlot !== null &&
    !prefixSlot.quoted &&
    Array.from(prefixSlot.term).length >= PREFIX_MIN_LENGTH
      ? prefixSlot
      : null
  return { slots, slotOfWord, completable }
}

/** A completion of the last word, as an alternative of its slot. */
export function completion(term: string, postings: Postings): Alternative {
  return { term, kind: 'prefix', weight: PREFIX_WEIGHT, postings }
}

/**
 * A word with no exact match is only guesses (completions, corrections): its best guess weighs as
 * much as a word found as typed, so that it does not lose to the other words. Scales the weights
 * in place.
 */
export function weighGuesses(slots: readonly Slot[]): void {
  for (const slot of slots) {
    if (slot.alternatives.some((a) => a.kind === 'exact')) continue
    const top = Math.max(...slot.alternatives.map((a) => a.weight))
    for (const alt of slot.alternatives) alt.weight /= top
  }
}

/** The idf of every word (its first alternative): what the whole query as a phrase is worth. */
export function phraseWeight(slots: readonly Slot[], root: Root): number {
  return slots.reduce((sum, slot) => {
    const first = slot.alternatives[0]
    return sum + (first ? idf(root.docs, first.postings.docs.length) * first.weight : 0)
  }, 0)
}

/** The forms of a slot whose pairs with its neighbours are looked up: not its completions. */
export function searchedForms(slot: Slot): string[] {
  return slot.alternatives.filter((a) => a.kind !== 'prefix').map((a) => a.term)
}

/** Slot lists of words alone in their slot, by their postings (and weight). */
const singleLists = new WeakMap<Postings, { weight: number; list: SlotList }>()

/**
 * Merges the alternatives of a slot into one list sorted by document, keeping the best score: a
 * posting's stored score times the root's scoreStep (its BM25 score) times the alternative's
 * weight.
 */
export function mergeSlot(slot: Slot, root: Root): SlotList {
  const step = root.scoreStep
  const alts = slot.alternatives
  const idfs = alts.map((a) => idf(root.docs, a.postings.docs.length) * a.weight)
  const only = alts[0]
  if (alts.length === 1 && only) {
    // A word alone in its slot (the usual case): its list is kept with its postings.
    const cached = singleLists.get(only.postings)
    if (cached && cached.weight === only.weight) return cached.list
    const { docs, scores, inTitle } = only.postings
    const out = new Float64Array(docs.length)
    const title = new Float64Array(docs.length)
    const factor = only.weight * step
    const weight = idfs[0] ?? 0
    for (let i = 0; i < docs.length; i++) {
      out[i] = (scores[i] ?? 0) * factor
      if (inTitle[i]) title[i] = weight
    }
    const list = { docs, scores: out, choice: new Uint8Array(docs.length), title }
    singleLists.set(only.postings, { weight: only.weight, list })
    return list
  }
  return mergeAlternatives(alts, idfs, root, step)
}

/**
 * Several alternatives: best score per document over a dense scratch array. A document the word
 * itself (or a completion) matches never counts as matched by a correction.
 */
function mergeAlternatives(
  alts: readonly Alternative[],
  idfs: readonly number[],
  root: Root,
  step: number,
): SlotList {
  const best = new Float64Array(root.docs)
  const which = new Uint8Array(root.docs)
  const typed = new Uint8Array(root.docs)
  const seen: number[] = []
  for (const fuzzy of [false, true]) {
    alts.forEach((alt, k) => {
      if ((alt.kind === 'fuzzy') !== fuzzy) return
      const { docs, scores } = alt.postings
      const factor = step * alt.weight
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i] ?? 0
        if (fuzzy && typed[doc]) continue
        if (!fuzzy) typed[doc] = 1
        const score = (scores[i] ?? 0) * factor
        const before = best[doc] ?? 0
        if (before === 0) seen.push(doc)
        if (score > before) {
          best[doc] = score
          which[doc] = k
        }
      }
    })
  }
  const docs = Int32Array.from(seen).sort()
  const scores = new Float64Array(docs.length)
  const choice = new Uint8Array(docs.length)
  const title = new Float64Array(docs.length)
  const positions = alts.map(() => 0)
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i] ?? 0
    const k = which[doc] ?? 0
    scores[i] = best[doc] ?? 0
    choice[i] = k
    const alt = alts[k]
    if (alt) {
      const p = gallop(alt.postings.docs, positions[k] ?? 0, doc)
      positions[k] = p
      if (alt.postings.inTitle[p]) title[i] = idfs[k] ?? 0
    }
  }
  return { docs, scores, choice, title }
}

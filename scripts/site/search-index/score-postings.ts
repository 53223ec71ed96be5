/**
 * The score step of the index build: each posting's score, BM25 per field (title and body, with
 * their own length normalisation) summed with the title weighted, times the term's idf, quantised
 * to SCORE_STEP. The postings are grouped by term once, so that each term's list is encoded as
 * the term shards store it (index-format.ts, `t`).
 */
import { BM25, ByteWriter, SCORE_STEP, idf } from '../../../src/lib/search/index-format.ts'
import { bodyCount, titleCount, type CollectedWords } from './collect-words.ts'

/** BM25's saturation of one field: 0 when the term is not in it. */
export function fieldScore(tf: number, length: number, average: number, b: number): number {
  return tf === 0 ? 0 : tf / (tf + BM25.k1 * (1 - b + (b * length) / average))
}

type FieldLengths = { title: number; body: number; avgTitle: number; avgBody: number }

/**
 * A posting's stored value: its score in SCORE_STEPs (at least 1), times two, plus one when the
 * term is in the title.
 */
export function storedScore(weight: number, counts: number, lengths: FieldLengths): number {
  const title = titleCount(counts)
  const score =
    BM25.titleWeight * fieldScore(title, lengths.title, lengths.avgTitle, BM25.titleB) +
    fieldScore(bodyCount(counts), lengths.body, lengths.avgBody, BM25.bodyB)
  const quantised = Math.max(1, Math.round((weight * score) / SCORE_STEP))
  return quantised * 2 + (title > 0 ? 1 : 0)
}

/** The average length of a field over the documents, at least 1. */
function averageLength(lengths: Int32Array, docs: number): number {
  let sum = 0
  for (let d = 0; d < docs; d++) sum += lengths[d] ?? 0
  return Math.max(1, sum / Math.max(1, docs))
}

/**
 * The collected postings grouped by term, with each term's document frequency. Reads `postTerm`
 * only while it is built: the caller can release that list as soon as it returns.
 */
export class ScoredPostings {
  /** Document frequency of each term id. */
  readonly df: Int32Array
  private readonly words: CollectedWords
  private readonly docs: number
  private readonly avgTitle: number
  private readonly avgBody: number
  /** The postings of term t are byTerm[termStart[t]..termStart[t + 1]], in document order. */
  private readonly termStart: Int32Array
  private readonly byTerm: Int32Array

  constructor(words: CollectedWords, docs: number) {
    this.words = words
    this.docs = docs
    this.avgTitle = averageLength(words.titleLength, docs)
    this.avgBody = averageLength(words.bodyLength, docs)
    const { postTerm } = words
    const terms = words.terms.length
    const df = new Int32Array(terms)
    for (let p = 0; p < postTerm.length; p++) {
      const t = postTerm.data[p] ?? 0
      df[t] = (df[t] ?? 0) + 1
    }
    const termStart = new Int32Array(terms + 1)
    for (let t = 0; t < terms; t++) termStart[t + 1] = (termStart[t] ?? 0) + (df[t] ?? 0)
    const fill = termStart.slice(0, terms)
    const byTerm = new Int32Array(postTerm.length)
    for (let p = 0; p < postTerm.length; p++) {
      const t = postTerm.data[p] ?? 0
      const at = fill[t] ?? 0
      fill[t] = at + 1
      byTerm[at] = p
    }
    this.df = df
    this.termStart = termStart
    this.byTerm = byTerm
  }

  /** Term t's postings: df × varint document gap, then df × varint stored score. */
  encode(t: number): Uint8Array {
    const { postDoc, postTf, titleLength, bodyLength } = this.words
    const w = new ByteWriter()
    const from = this.termStart[t] ?? 0
    const to = this.termStart[t + 1] ?? 0
    let prevDoc = -1
    for (let i = from; i < to; i++) {
      const doc = postDoc.data[this.byTerm[i] ?? 0] ?? 0
      w.varint(doc - prevDoc - 1)
      prevDoc = doc
    }
    const weight = idf(this.docs, this.df[t] ?? 0)
    const lengths = { title: 0, body: 0, avgTitle: this.avgTitle, avgBody: this.avgBody }
    for (let i = from; i < to; i++) {
      const p = this.byTerm[i] ?? 0
      const doc = postDoc.data[p] ?? 0
      lengths.title = titleLength[doc] ?? 0
      lengths.body = bodyLength[doc] ?? 0
      w.varint(storedScore(weight, postTf.data[p] ?? 0, lengths))
    }
    return w.finish()
  }
}

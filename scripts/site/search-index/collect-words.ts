/**
 * The collect step of the index build: one pass over the words of every article (title, then each
 * paragraph), with integer ids and typed arrays so that 100,000 articles fit in a minute and well
 * under a gigabyte. It gathers the postings (term, document, title and body counts), the distinct
 * adjacent word pairs of each document, and each document's field lengths.
 */
import type { Article } from '../../../src/lib/corpus/types.ts'
import { hashString, pairFingerprint, pairShardKey } from '../../../src/lib/search/index-format.ts'
import { scanWords } from '../../../src/lib/search/normalize.ts'
import { IntList } from './int-list.ts'
import { TermInterner } from './term-interner.ts'

export type CollectedWords = {
  /** The term of each term id. */
  terms: string[]
  /** One posting per term and document, in document order: term id, document, packed counts. */
  postTerm: IntList
  postDoc: IntList
  /** The title count << TITLE_TF_SHIFT | the body count, each clamped (see packCounts). */
  postTf: IntList
  /** One entry per distinct adjacent pair of words of a document: shard key, fingerprint, document. */
  pairKey: IntList
  pairFp: IntList
  pairDoc: IntList
  /** Per document: words in the title, words in the body, characters of the body. */
  titleLength: Int32Array
  bodyLength: Int32Array
  bodyChars: Int32Array
}

/** Where a posting's title count starts in its packed counts. */
export const TITLE_TF_SHIFT = 20
const BODY_TF_MASK = 0xfffff
const TITLE_TF_MAX = 1023

/** A term's title and body counts in one int (title counts past 1023, body past 2^20-1, clamp). */
export function packCounts(title: number, body: number): number {
  return (Math.min(title, TITLE_TF_MAX) << TITLE_TF_SHIFT) | Math.min(body, BODY_TF_MASK)
}

export const titleCount = (packed: number): number => packed >>> TITLE_TF_SHIFT
export const bodyCount = (packed: number): number => packed & BODY_TF_MASK

/** A document's word pair as left id * PAIR_SCALE + right id: term ids stay below 2^26. */
const PAIR_SCALE = 2 ** 26

/** Collects the words of the articles, document by document in the index's order. */
export function collectWords(articles: readonly Article[], rankOf: Int32Array): CollectedWords {
  const collector = new WordCollector(articles.length)
  for (let doc = 0; doc < articles.length; doc++) {
    const article = articles[rankOf[doc] ?? 0]
    if (article) collector.addDocument(doc, article)
  }
  return collector.collected
}

class WordCollector {
  readonly collected: CollectedWords
  private readonly interner = new TermInterner()
  /** The two pair hashes of each term id (hashString). */
  private readonly hash0 = new IntList()
  private readonly hash1 = new IntList()
  /** The counts of each term in the current document, and the terms counted so far. */
  private tfTitle = new Int32Array(1024)
  private tfBody = new Int32Array(1024)
  private readonly touched: number[] = []
  /** The word pairs of the current document, sorted at its end to drop repeats. */
  private docPairs = new Float64Array(4096)
  private pairsInDoc = 0
  /** The field being scanned, its previous word's id and the words counted in it. */
  private text = ''
  private inTitle = true
  private prev = -1
  private length = 0

  constructor(docs: number) {
    this.collected = {
      terms: this.interner.terms,
      postTerm: new IntList(1 << 16),
      postDoc: new IntList(1 << 16),
      postTf: new IntList(1 << 16),
      pairKey: new IntList(1 << 16),
      pairFp: new IntList(1 << 16),
      pairDoc: new IntList(1 << 16),
      titleLength: new Int32Array(docs),
      bodyLength: new Int32Array(docs),
      bodyChars: new Int32Array(docs),
    }
  }

  addDocument(doc: number, article: Article): void {
    const { titleLength, bodyLength, bodyChars } = this.collected
    this.length = 0
    this.scan(article.title, true)
    titleLength[doc] = this.length
    this.length = 0
    let chars = 0
    for (const paragraph of article.paragraphs) {
      chars += paragraph.length
      this.scan(paragraph, false)
    }
    bodyLength[doc] = this.length
    bodyChars[doc] = chars
    this.flushPostings(doc)
    this.flushPairs(doc)
  }

  /** Counts the words of one field; word pairs do not cross from one field to the next. */
  private scan(text: string, inTitle: boolean): void {
    this.prev = -1
    this.inTitle = inTitle
    this.text = text
    scanWords(text, this.onWord)
  }

  private readonly onWord = (start: number, end: number, ascii: boolean): void => {
    const id = this.interner.idOf(this.text, start, end, ascii, this.onNewTerm)
    if (id < 0) return
    const t = this.tfTitle[id] ?? 0
    const b = this.tfBody[id] ?? 0
    if (t === 0 && b === 0) this.touched.push(id)
    if (this.inTitle) this.tfTitle[id] = t + 1
    else this.tfBody[id] = b + 1
    this.length++
    if (this.prev >= 0) {
      if (this.pairsInDoc === this.docPairs.length) {
        const grown = new Float64Array(this.docPairs.length * 2)
        grown.set(this.docPairs)
        this.docPairs = grown
      }
      this.docPairs[this.pairsInDoc++] = this.prev * PAIR_SCALE + id
    }
    this.prev = id
  }

  /** Called with each new term's id: its pair hashes, and room in the per-document counts. */
  private readonly onNewTerm = (id: number, term: string): void => {
    const [h0, h1] = hashString(term)
    this.hash0.push(h0 | 0)
    this.hash1.push(h1 | 0)
    if (id >= this.tfTitle.length) {
      const t = new Int32Array(this.tfTitle.length * 2)
      t.set(this.tfTitle)
      this.tfTitle = t
      const b = new Int32Array(this.tfBody.length * 2)
      b.set(this.tfBody)
      this.tfBody = b
    }
  }

  /** One posting per term of the document, its counts reset for the next. */
  private flushPostings(doc: number): void {
    const { postTerm, postDoc, postTf } = this.collected
    for (const id of this.touched) {
      postTerm.push(id)
      postDoc.push(doc)
      postTf.push(packCounts(this.tfTitle[id] ?? 0, this.tfBody[id] ?? 0))
      this.tfTitle[id] = 0
      this.tfBody[id] = 0
    }
    this.touched.length = 0
  }

  /** Each distinct word pair of the document, as its shard key and fingerprint. */
  private flushPairs(doc: number): void {
    const { pairKey, pairFp, pairDoc } = this.collected
    const hash0 = this.hash0.data
    const hash1 = this.hash1.data
    const keys = this.docPairs.subarray(0, this.pairsInDoc).sort()
    let last = -1
    for (const key of keys) {
      if (key === last) continue
      last = key
      const left = Math.floor(key / PAIR_SCALE)
      const right = key - left * PAIR_SCALE
      pairKey.push(pairShardKey(hash0[left] ?? 0, hash0[right] ?? 0) | 0)
      pairFp.push(pairFingerprint(hash1[left] ?? 0, hash1[right] ?? 0))
      pairDoc.push(doc)
    }
    this.pairsInDoc = 0
  }
}

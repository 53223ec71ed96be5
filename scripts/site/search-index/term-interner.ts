import { MAX_TERM_LENGTH, termAt } from '../../../src/lib/search/normalize.ts'

/**
 * Term ids by term, looked up straight from the text: an all-ASCII word is hashed and compared in
 * place (lower-cased as it is read), so the tens of millions of words of a large corpus cost no
 * string each. Other words are normalised first (normalize.ts) and looked up by their term.
 */
export class TermInterner {
  /** The term of each id, in the order they were first met. */
  readonly terms: string[] = []
  private hashes = new Int32Array(1024)
  private table = new Int32Array(2048).fill(-1)

  private add(term: string, hash: number, slot: number): number {
    const id = this.terms.length
    this.terms.push(term)
    if (id >= this.hashes.length) {
      const grown = new Int32Array(this.hashes.length * 2)
      grown.set(this.hashes)
      this.hashes = grown
    }
    this.hashes[id] = hash
    this.table[slot] = id
    if (this.terms.length * 2 > this.table.length) {
      // Grow and re-insert by the stored hashes.
      const table = new Int32Array(this.table.length * 2).fill(-1)
      const mask = table.length - 1
      this.terms.forEach((_, i) => {
        let at = (this.hashes[i] ?? 0) & mask
        while ((table[at] ?? -1) >= 0) at = (at + 1) & mask
        table[at] = i
      })
      this.table = table
    }
    return id
  }

  /** The id of the term of the word text[start, end), -1 for a word with no term. */
  idOf(
    text: string,
    start: number,
    end: number,
    ascii: boolean,
    onNew: (id: number, term: string) => void,
  ): number {
    const term = ascii ? null : termAt(text, start, end, false)
    if (term === '') return -1
    const from = term === null ? start : 0
    const source = term ?? text
    const n = term === null ? Math.min(end - start, MAX_TERM_LENGTH) : term.length
    // FNV-1a of the lower-cased code units (a term from normalizeTerm is lower-case already).
    let hash = 0x811c9dc5
    for (let k = 0; k < n; k++) {
      const c = source.charCodeAt(from + k)
      hash = Math.imul(hash ^ (c >= 0x41 && c <= 0x5a ? c + 32 : c), 0x01000193)
    }
    const mask = this.table.length - 1
    let slot = hash & mask
    for (;;) {
      const id = this.table[slot] ?? -1
      if (id < 0) break
      if (this.hashes[id] === hash) {
        const candidate = this.terms[id] ?? ''
        if (candidate.length === n) {
          let k = 0
          while (k < n) {
            const c = source.charCodeAt(from + k)
            if (candidate.charCodeAt(k) !== (c >= 0x41 && c <= 0x5a ? c + 32 : c)) break
            k++
          }
          if (k === n) return id
        }
      }
      slot = (slot + 1) & mask
    }
    const created = term ?? termAt(text, start, end, true)
    const id = this.add(created, hash, slot)
    onNew(id, created)
    return id
  }
}

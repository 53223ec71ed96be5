import { tokenize, type Token } from './normalize.ts'

export type Highlight = readonly [start: number, end: number]

/** Matches a term: one of `terms`, or any word starting with `prefix`. */
export type TermMatcher = {
  /** The group a matching term counts for (the query word it stands for), or -1. */
  group(term: string): number
}

export function termMatcher(
  groups: ReadonlyMap<string, number>,
  prefix: string | null,
): TermMatcher {
  return {
    group(term) {
      const g = groups.get(term)
      if (g !== undefined) return g
      return prefix !== null && prefix !== '' && term.startsWith(prefix) ? -2 : -1
    },
  }
}

/**
 * The ranges of `text` to highlight: every word whose term is one of `terms`, or starts with
 * `prefixTerm`. Offsets index `text` as given, so the caller can slice it into text and marks
 * (no HTML is built here).
 */
export function highlightRanges(
  text: string,
  terms: readonly string[],
  prefixTerm: string | null,
): Highlight[] {
  const wanted = new Set(terms)
  const out: Highlight[] = []
  for (const token of tokenize(text)) {
    if (wanted.has(token.term) || (prefixTerm && token.term.startsWith(prefixTerm))) {
      out.push([token.start, token.end])
    }
  }
  return out
}

/** Characters of an excerpt, about. */
export const EXCERPT_LENGTH = 200
/** Context kept before the first match of a passage. */
const LEAD_IN = 50

export type Excerpt = { excerpt: string; highlights: Highlight[] }

const tokenCache = new WeakMap<readonly string[], Token[][]>()

/** The words of each paragraph, computed once per article. */
export function tokensOf(paragraphs: readonly string[]): Token[][] {
  let cached = tokenCache.get(paragraphs)
  if (!cached) {
    cached = paragraphs.map((p) => tokenize(p))
    tokenCache.set(paragraphs, cached)
  }
  return cached
}

/** Cuts `text` to about `length` characters from `from`, at word boundaries, with '…' marks. */
function cutAt(text: string, from: number, length: number): { start: number; end: number } {
  let start = Math.max(0, from)
  if (start > 0) {
    // Back to the start of a word.
    while (start > 0 && !/\s/.test(text.charAt(start - 1))) start--
  }
  let end = Math.min(text.length, start + length)
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end)
    if (space > start + length / 2) end = space
  }
  // Trim trailing punctuation-free spaces.
  while (end > start && /\s/.test(text.charAt(end - 1))) end--
  return { start, end }
}

function assemble(text: string, start: number, end: number, ranges: readonly Highlight[]): Excerpt {
  const head = start > 0 ? '…' : ''
  const tail = end < text.length ? '…' : ''
  const shift = head.length - start
  const highlights: Highlight[] = []
  for (const [s, e] of ranges) {
    if (s >= start && e <= end) highlights.push([s + shift, e + shift])
  }
  return { excerpt: `${head}${text.slice(start, end)}${tail}`, highlights }
}

/**
 * A passage of about EXCERPT_LENGTH characters around the best match in the paragraphs: the
 * window holding the most distinct query words, then the most words next to each other in the
 * query's order. Falls back to the start of the first paragraph when nothing matches.
 */
export function bestExcerpt(
  paragraphs: readonly string[],
  matcher: TermMatcher,
  lead: string,
): Excerpt {
  const all = tokensOf(paragraphs)
  let best: { score: number; paragraph: number; from: number } | null = null
  all.forEach((tokens, p) => {
    const hits: Array<{ token: Token; group: number }> = []
    for (const token of tokens) {
      const group = matcher.group(token.term)
      if (group !== -1) hits.push({ token, group })
    }
    for (let i = 0; i < hits.length; i++) {
      const first = hits[i]
      if (!first) continue
      const limit = first.token.start + EXCERPT_LENGTH - LEAD_IN
      const groups = new Set<number>()
      let adjacent = 0
      let count = 0
      for (let j = i; j < hits.length; j++) {
        const hit = hits[j]
        if (!hit || hit.token.end > limit) break
        groups.add(hit.group)
        count++
        const before = hits[j - 1]
        if (j > i && before && hit.group >= 0 && hit.group === before.group + 1) {
          // Next to each other in the text: nothing but spaces or punctuation between.
          if (
            !/[\p{L}\p{N}]/u.test((paragraphs[p] ?? '').slice(before.token.end, hit.token.start))
          ) {
            adjacent++
          }
        }
      }
      const score = groups.size * 100 + adjacent * 10 + Math.min(count, 9)
      if (!best || score > best.score) best = { score, paragraph: p, from: first.token.start }
    }
  })
  if (!best) {
    const text = paragraphs[0] ?? lead
    const { start, end } = cutAt(text, 0, EXCERPT_LENGTH)
    return assemble(text, start, end, rangesOf(all[0] ?? tokenize(text), matcher))
  }
  const { paragraph, from } = best
  const text = paragraphs[paragraph] ?? ''
  const start = from <= LEAD_IN * 2 ? 0 : from - LEAD_IN
  const cut = cutAt(text, start, EXCERPT_LENGTH)
  return assemble(text, cut.start, cut.end, rangesOf(all[paragraph] ?? [], matcher))
}

function rangesOf(tokens: readonly Token[], matcher: TermMatcher): Highlight[] {
  return tokens.filter((t) => matcher.group(t.term) !== -1).map((t) => [t.start, t.end] as const)
}

/**
 * npm run bench:related [-- --corpus DIR --labels FILE --leave-out ID,... --russian DIR --bytes]
 *
 * How good the related stories are (issue 20), against topic labels the algorithm never sees:
 * precision@5 is the share of the related stories shown that share a label with their story, and
 * coverage the share of stories that get any. Measured for the build's selection
 * (scripts/site/corpus/related.ts) and, in the same run on the same stories, for the anchor it must
 * beat: TF-IDF cosine over title and body with an English stop word list and sublinear term
 * frequency (the 5 nearest by cosine, ties to the smaller id). Only stories with labels take part.
 *
 * The labels file is `{"<id>": ["<topic>", ...]}` (../shared/corpora/wikinews-topics.json by
 * default; `fa7b0bbf9ddaa7a1` there is a test page, left out). With --russian (default
 * ../shared/corpora/ntrex, skipped when missing), a check with no labels: the Russian stories of
 * NTREX alone, whose related stories should be found as well (coverage) and should be the
 * translations of those of the English originals (agreement). With --bytes, also what the lists
 * add to each article page (related-bytes.ts: two builds of the corpus, a minute or two).
 */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { relatedStories } from '../site/corpus/related.ts'
import { withinRelatedBudget } from '../site/corpus/emit-corpus.ts'
import { readCorpus } from '../site/corpus/read-corpus.ts'
import type { Article } from '../../src/lib/corpus/types.ts'
import { terms } from '../../src/lib/search/normalize.ts'
import { relatedBytes } from './related-bytes.ts'
import { isRecord, logger, markdownTable, readOptions, secondsSince } from './common.ts'

const log = logger('bench:related')

const USAGE = `
npm run bench:related [-- --corpus DIR --labels FILE --leave-out ID,... --russian DIR --bytes]

  --corpus DIR       the labelled corpus (default ../shared/corpora/wikinews)
  --labels FILE      {"<id>": ["<topic>", ...]} (default ../shared/corpora/wikinews-topics.json)
  --leave-out IDS    stories to leave out, comma-separated (default fa7b0bbf9ddaa7a1, a test page)
  --russian DIR      NTREX in the corpus format, for the Russian check (default ../shared/corpora/ntrex)
  --bytes            also build the corpus with and without related stories and report the bytes
                     they add to each article page (budget 1 kB gzip)
`

const LIMIT = 5

/** The anchor's English stop words (the build's selection uses none). */
const ENGLISH_STOP_WORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does doing down during each few for from further had
  has have having he her here hers herself him himself his how i if in into is it its itself just
  me more most my myself no nor not now of off on once only or other our ours ourselves out over
  own same she should so some such than that the their theirs them themselves then there these they
  this those through to too under until up very was we were what when where which while who whom
  why will with would you your yours yourself yourselves s t d ll m o re ve y said says say one two
  new may might must shall us get got also however although upon since without within whether`
    .split(/\s+/)
    .filter(Boolean),
)

type Score = { precision: number; coverage: number; shown: number; seconds: number }

function readLabels(file: string): Map<string, string[]> {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'))
  if (!isRecord(parsed)) throw new Error(`${file}: expected an object of id: [topics]`)
  const labels = new Map<string, string[]>()
  for (const [id, topics] of Object.entries(parsed)) {
    if (!Array.isArray(topics) || !topics.every((t) => typeof t === 'string')) {
      throw new Error(`${file}: the topics of ${id} are not a list of strings`)
    }
    labels.set(id, topics)
  }
  return labels
}

/**
 * The anchor: TF-IDF (smoothed idf, 1 + ln tf, unit length) over title and body without English
 * stop words; each story's 5 nearest by cosine, through an inverted index.
 */
export function tfidfBaseline(stories: readonly Article[]): number[][] {
  const vectors = stories.map((story) => {
    const counts = new Map<string, number>()
    const words = [story.title, ...story.paragraphs].flatMap((text) => terms(text))
    for (const term of words) {
      if (!ENGLISH_STOP_WORDS.has(term)) counts.set(term, (counts.get(term) ?? 0) + 1)
    }
    return counts
  })
  const df = new Map<string, number>()
  for (const counts of vectors)
    for (const term of counts.keys()) df.set(term, (df.get(term) ?? 0) + 1)
  const n = stories.length
  const postings = new Map<string, { doc: number; weight: number }[]>()
  const weighted = vectors.map((counts, doc) => {
    const entries = [...counts].map(([term, count]) => {
      const idf = Math.log((1 + n) / (1 + (df.get(term) ?? 0))) + 1
      return { term, weight: (1 + Math.log(count)) * idf }
    })
    const norm = Math.hypot(...entries.map((e) => e.weight)) || 1
    for (const e of entries) {
      e.weight /= norm
      const list = postings.get(e.term) ?? []
      list.push({ doc, weight: e.weight })
      postings.set(e.term, list)
    }
    return entries
  })
  return weighted.map((entries, doc) => {
    const scores = new Map<number, number>()
    for (const { term, weight } of entries) {
      for (const p of postings.get(term) ?? []) {
        if (p.doc !== doc) scores.set(p.doc, (scores.get(p.doc) ?? 0) + weight * p.weight)
      }
    }
    const id = (i: number) => stories[i]?.id ?? ''
    return [...scores]
      .filter(([, score]) => score > 0)
      .sort(([a, x], [b, y]) => y - x || (id(a) < id(b) ? -1 : 1))
      .slice(0, LIMIT)
      .map(([other]) => other)
  })
}

function score(
  stories: readonly Article[],
  labels: Map<string, string[]>,
  choose: () => number[][],
): Score {
  const started = performance.now()
  const lists = choose()
  const seconds = secondsSince(started)
  let hits = 0
  let shown = 0
  let covered = 0
  lists.forEach((list, i) => {
    const own = new Set(labels.get(stories[i]?.id ?? '') ?? [])
    if (list.length > 0) covered++
    for (const j of list) {
      shown++
      if ((labels.get(stories[j]?.id ?? '') ?? []).some((topic) => own.has(topic))) hits++
    }
  })
  return {
    precision: shown === 0 ? 0 : hits / shown,
    coverage: covered / Math.max(1, stories.length),
    shown: shown / Math.max(1, stories.length),
    seconds,
  }
}

/** Russian stories alone: their coverage, and how many of their picks the English originals share. */
function russianCheck(dir: string): string[] {
  const all = readCorpus(dir).articles.sort((a, b) => a.sequence - b.sequence)
  const en = all.filter((a) => a.language === 'en-US')
  const ru = all.filter((a) => a.language === 'ru')
  if (ru.length === 0 || ru.length !== en.length) {
    return [`- Russian check skipped: ${ru.length} Russian and ${en.length} English stories`]
  }
  const inRussian = relatedStories(ru)
  const inEnglish = relatedStories(en)
  let shared = 0
  let shown = 0
  inRussian.forEach((list, i) => {
    const english = new Set(inEnglish[i] ?? [])
    shown += list.length
    shared += list.filter((j) => english.has(j)).length
  })
  const covered = inRussian.filter((list) => list.length > 0).length
  const coveredEn = inEnglish.filter((list) => list.length > 0).length
  const example = ru.findIndex((_, i) => (inRussian[i]?.length ?? 0) > 0)
  return [
    `- Russian (${ru.length} stories of NTREX, related among themselves): coverage ${pct(covered / ru.length)} (English originals: ${pct(coveredEn / en.length)}), ${(shown / ru.length).toFixed(2)} shown per story; ${pct(shared / Math.max(1, shown))} of the Russian picks are translations of the English original's picks.`,
    ...(example >= 0
      ? [
          `- e.g. «${ru[example]?.title}» → ${(inRussian[example] ?? [])
            .slice(0, 2)
            .map((j) => `«${ru[j]?.title}»`)
            .join(', ')}`,
        ]
      : []),
  ]
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`

function main(): void {
  const { values } = readOptions({
    usage: USAGE,
    options: {
      corpus: { type: 'string', default: '../shared/corpora/wikinews' },
      labels: { type: 'string', default: '../shared/corpora/wikinews-topics.json' },
      'leave-out': { type: 'string', default: 'fa7b0bbf9ddaa7a1' },
      russian: { type: 'string', default: '../shared/corpora/ntrex' },
      bytes: { type: 'boolean', default: false },
    },
  })
  const labels = readLabels(resolve(values.labels))
  const leaveOut = new Set(values['leave-out'].split(',').map((id) => id.trim()))
  const read = readCorpus(resolve(values.corpus))
  const stories = read.articles.filter((a) => labels.has(a.id) && !leaveOut.has(a.id))
  log(`${stories.length} labelled stories of ${read.articles.length} in ${values.corpus}`)

  // As the build shows them: the selection, then the page's byte budget.
  const ours = score(stories, labels, () =>
    relatedStories(stories).map((picks) => withinRelatedBudget(picks, stories)),
  )
  const anchor = score(stories, labels, () => tfidfBaseline(stories))
  const row = (name: string, s: Score) => [
    name,
    s.precision.toFixed(3),
    pct(s.coverage),
    s.shown.toFixed(2),
    `${s.seconds.toFixed(2)} s`,
  ]
  const russian = existsSync(resolve(values.russian))
    ? russianCheck(resolve(values.russian))
    : [`- Russian check skipped: ${values.russian} not found`]
  console.log(
    [
      '## Related stories',
      '',
      `${stories.length} stories of ${values.corpus} with topic labels from ${values.labels}; a related story is a hit when it shares a topic with its story.`,
      '',
      markdownTable(
        ['method', 'precision@5', 'coverage', 'shown per story', 'time'],
        [
          row('this build (related.ts, no stop list)', ours),
          row('TF-IDF cosine, English stop words, sublinear tf', anchor),
        ],
        ['left', 'right', 'right', 'right', 'right'],
      ),
      '',
      `Precision@5 ${ours.precision >= anchor.precision ? 'beats' : 'DOES NOT beat'} the anchor by ${(ours.precision - anchor.precision).toFixed(3)}.`,
      ...russian,
      ...(values.bytes ? relatedBytes(resolve(values.corpus)) : []),
    ].join('\n'),
  )
}

main()

/**
 * One compile in a fresh process, for the corpus benchmarks and the hostile-corpus test:
 * `node --import tsx scripts/bench/corpus/compile-child.ts <corpusDir> <outDir> [--diagnostics]`.
 * Prints one JSON line: seconds, articles, files, bytes, error and warning counts, peak RSS;
 * with --diagnostics also every diagnostic and the ids of the compiled articles.
 */
import { compileCorpus } from '../../site/corpus/compile-corpus.ts'
import { corpusConfig } from '../../site/corpus/config.ts'
import { errorsOf } from '../../site/corpus/report.ts'
import { readOptions } from '../common.ts'

const USAGE = 'usage: compile-child.ts <corpusDir> <outDir> [--diagnostics]'

const { values, positionals } = readOptions({
  usage: USAGE,
  allowPositionals: true,
  options: { diagnostics: { type: 'boolean', default: false } },
})
const [corpusDir, outDir] = positionals
if (!corpusDir || !outDir) {
  console.error(USAGE)
  process.exit(2)
}
const { read, summary, seconds } = compileCorpus(corpusConfig({ CORPUS_DIR: corpusDir }), outDir)
const errors = errorsOf(read).length
console.log(
  JSON.stringify({
    seconds,
    articles: read.articles.length,
    files: summary.files,
    bytes: summary.bytes,
    version: summary.version,
    errors,
    warnings: read.diagnostics.length - errors,
    maxRssKb: process.resourceUsage().maxRSS,
    ...(values.diagnostics
      ? { diagnostics: read.diagnostics, ids: read.articles.map((article) => article.id) }
      : {}),
  }),
)

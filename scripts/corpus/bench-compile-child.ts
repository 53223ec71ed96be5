/**
 * One compile for the corpus benchmark, run in a fresh process by scripts/bench-corpus.ts:
 * `node --import tsx scripts/corpus/bench-compile-child.ts <corpusDir> <outDir>`.
 * Prints one JSON line: seconds, articles, files, bytes, diagnostics and the process's peak RSS.
 */
import { compileCorpus } from './compile-corpus.ts'
import { corpusConfig } from './config.ts'
import { errorsOf } from './report.ts'

const [corpusDir, outDir] = process.argv.slice(2)
if (!corpusDir || !outDir) {
  console.error('usage: bench-compile-child.ts <corpusDir> <outDir>')
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
  }),
)

/**
 * npm run corpus:check [-- <dir>]: validates the corpus and prints a summary with every problem.
 * Exits 1 when any file has an error.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { corpusConfig } from './corpus/config.ts'
import { progressReporter } from './corpus/progress.ts'
import { readCorpus } from './corpus/read-corpus.ts'
import { corpusReport, errorsOf } from './corpus/report.ts'

const config = corpusConfig()
const dir = process.argv[2] ? resolve(process.argv[2]) : config.dir
if (!existsSync(dir)) {
  console.error(`corpus:check: no such folder: ${dir}`)
  process.exit(1)
}
const started = performance.now()
const progress = progressReporter('checking')
const read = readCorpus(dir, { maxBytes: config.maxBytes, onProgress: progress.onProgress })
progress.finish()
console.log(corpusReport(read, dir, (performance.now() - started) / 1000))
process.exit(errorsOf(read).length > 0 ? 1 : 0)

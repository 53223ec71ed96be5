/**
 * tsx scripts/bench/lighthouse/run-one.ts <url> <report.json>: one Lighthouse run, its result written
 * as JSON. The benchmark starts a process per run (see runLighthouseIsolated).
 */
import { writeFileSync } from 'node:fs'
import { runLighthouse } from './run-lighthouse.ts'

const [url, report] = process.argv.slice(2)
if (url === undefined || report === undefined) {
  throw new Error('usage: tsx scripts/bench/lighthouse/run-one.ts <url> <report.json>')
}
writeFileSync(report, JSON.stringify(await runLighthouse(url)))

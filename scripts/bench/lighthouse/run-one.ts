/**
 * tsx scripts/bench/lighthouse/run-one.ts <url> <report.json>: one Lighthouse run, its result written
 * as JSON. The benchmark starts a process per run (see runLighthouseIsolated).
 */
import { writeFileSync } from 'node:fs'
import { readOptions } from '../common.ts'
import { runLighthouse } from './run-lighthouse.ts'

const USAGE = 'usage: tsx scripts/bench/lighthouse/run-one.ts <url> <report.json>'

const [url, report] = readOptions({ usage: USAGE, options: {}, allowPositionals: true }).positionals
if (url === undefined || report === undefined) throw new Error(USAGE)
writeFileSync(report, JSON.stringify(await runLighthouse(url)))

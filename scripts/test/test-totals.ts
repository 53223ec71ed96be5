/**
 * Prints the totals of the last `npm test`, unit and end-to-end together, as one line
 * `N passed, N failed`, from the JSON reports that Vitest and Playwright write under reports/.
 * A step that failed before its tests ran (type check, lint, build) counts as one failure, so a
 * red run never reads as all passed. Usage: tsx scripts/test/test-totals.ts [exit status of npm test]
 */
import { existsSync, readFileSync } from 'node:fs'

type Totals = { passed: number; failed: number; note: string }

function readJson(path: string): Record<string, unknown> | null {
  if (!existsSync(path)) return null
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'))
    return isRecord(value) ? value : null
  } catch {
    return null
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

const num = (value: unknown) => (typeof value === 'number' ? value : 0)

function unitTotals(): Totals {
  const report = readJson('reports/unit.json')
  if (!report) return { passed: 0, failed: 0, note: 'unit: no report' }
  const passed = num(report.numPassedTests)
  const failed = num(report.numFailedTests)
  return { passed, failed, note: `unit: ${passed} passed, ${failed} failed` }
}

function e2eTotals(): Totals {
  const report = readJson('reports/e2e.json')
  const stats = report?.stats
  if (typeof stats !== 'object' || stats === null)
    return { passed: 0, failed: 0, note: 'e2e: no report' }
  const s = stats as Record<string, unknown>
  const passed = num(s.expected) + num(s.flaky)
  const failed = num(s.unexpected)
  return {
    passed,
    failed,
    note: `e2e: ${passed} passed, ${failed} failed, ${num(s.skipped)} skipped`,
  }
}

const status = Number(process.argv[2] ?? 0)
const unit = unitTotals()
const e2e = e2eTotals()
const passed = unit.passed + e2e.passed
let failed = unit.failed + e2e.failed
console.log(`${unit.note}; ${e2e.note}`)
if (status !== 0 && failed === 0) {
  console.log(
    'npm test failed outside the test runners (type check, lint or build): counted as 1 failed',
  )
  failed = 1
}
console.log(`${passed} passed, ${failed} failed`)

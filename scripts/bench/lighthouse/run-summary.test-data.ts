/** One Lighthouse run's summary for the unit tests, all targets met unless `overrides` say not. */
import type { RunSummary } from './summarize.ts'

export function runSummary(
  performance: number,
  lcpMs: number,
  overrides: Partial<RunSummary> = {},
): RunSummary {
  return {
    scores: { performance, accessibility: 100, 'best-practices': 100, seo: 100 },
    lcpMs,
    tbtMs: 10,
    cls: 0,
    fcpMs: lcpMs,
    benchmarkIndex: 1500,
    lcpElement: null,
    lcpRequests: [],
    failing: [],
    warnings: [],
    lighthouseVersion: '12.8.2',
    chromeVersion: '140.0.0.0',
    ...overrides,
  }
}

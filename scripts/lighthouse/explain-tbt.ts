/**
 * tsx scripts/lighthouse/explain-tbt.ts <url> [runs]: where a page's Total Blocking Time comes
 * from. Runs Lighthouse as the benchmark does and prints, for each run, the tasks of Lighthouse's
 * pessimistic simulation that count towards it: their simulated start, their blocking time, when
 * each was observed (ms after the page's first task) and what it spent its time on. Lighthouse's
 * TBT is the mean of that estimate and the optimistic one.
 *
 * Lighthouse does not measure TBT: it replays the page's observed tasks, four times as long, on a
 * simulated phone, and counts what falls between its simulated first paint and interactive time.
 * A task can therefore count in one run and not in the next, from where the simulation puts it;
 * this shows which.
 */
import { LanternFirstContentfulPaint } from 'lighthouse/core/computed/metrics/lantern-first-contentful-paint.js'
import { LanternInteractive } from 'lighthouse/core/computed/metrics/lantern-interactive.js'
import { LanternTotalBlockingTime } from 'lighthouse/core/computed/metrics/lantern-total-blocking-time.js'
import * as Lantern from 'lighthouse/core/lib/lantern/lantern.js'
import { runLighthouseWithArtifacts } from './run-lighthouse.ts'

/** A task of the simulation: its simulated times, when it was observed, and its events. */
export type SimulatedTask = {
  start: number
  end: number
  observedAt: number
  events: readonly { name: string; ms: number; url?: string }[]
}

/**
 * The tasks that count towards the blocking time between `fcp` and `interactive` (simulated
 * ms), each with its share, by Lighthouse's own rule: the part of a task after the first paint,
 * less 50 ms. In simulated order.
 */
export function blockingTasks(
  tasks: readonly SimulatedTask[],
  fcp: number,
  interactive: number,
): { task: SimulatedTask; blocking: number }[] {
  return [...tasks]
    .sort((a, b) => a.start - b.start)
    .map((task) => ({
      task,
      blocking: Lantern.Metrics.TBTUtils.calculateSumOfBlockingTime(
        [{ start: task.start, end: task.end, duration: task.end - task.start }],
        fcp,
        interactive,
      ),
    }))
    .filter(({ blocking }) => blocking > 0)
}

/** What a task spent its time on: its longest kinds of event, a script's file name beside it. */
export function taskLabel(task: SimulatedTask, top = 4): string {
  const totals = new Map<string, number>()
  for (const event of task.events) {
    const key = event.url ? `${event.name}:${event.url.replace(/^.*\//, '')}` : event.name
    totals.set(key, (totals.get(key) ?? 0) + event.ms)
  }
  return [...totals]
    .filter(([, ms]) => ms >= 1)
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, ms]) => `${key} ${ms.toFixed(0)}`)
    .join(', ')
}

type TraceEvent = { name: string; dur?: number; args?: { data?: { url?: string } } }
type CpuNode = { type: 'cpu'; startTime: number; childEvents: TraceEvent[] }
type Estimate = {
  timeInMs: number
  nodeTimings: Map<{ type: string }, { startTime: number; endTime: number }>
}
type LanternResult = { optimisticEstimate: Estimate; pessimisticEstimate: Estimate }

async function explain(url: string): Promise<void> {
  const { artifacts, lhr } = await runLighthouseWithArtifacts(url, ['performance'])
  const data = {
    trace: artifacts.Trace,
    devtoolsLog: artifacts.DevtoolsLog,
    gatherContext: artifacts.GatherContext,
    settings: lhr.configSettings,
    URL: artifacts.URL,
    SourceMaps: artifacts.SourceMaps,
    simulator: null,
  }
  const context = { computedCache: new Map() }
  // Lighthouse's computed metrics, given what its run gathered (their types are its internals').
  const request = (metric: { request: (data: never, context: never) => Promise<unknown> }) =>
    metric.request(data as never, context as never) as Promise<LanternResult>
  const fcp = await request(LanternFirstContentfulPaint)
  const interactive = await request(LanternInteractive)
  const tbt = await request(LanternTotalBlockingTime)
  const timings = tbt.pessimisticEstimate.nodeTimings
  const cpu = [...timings].filter(
    (entry): entry is [CpuNode & { type: string }, { startTime: number; endTime: number }] =>
      entry[0].type === 'cpu',
  )
  const navigation = Math.min(...cpu.map(([node]) => node.startTime))
  const tasks = cpu.map(([node, timing]) => ({
    start: timing.startTime,
    end: timing.endTime,
    observedAt: (node.startTime - navigation) / 1000,
    events: node.childEvents.map((event) => ({
      name: event.name,
      ms: (event.dur ?? 0) / 1000,
      url: event.args?.data?.url,
    })),
  }))
  const shown = (id: string) => lhr.audits[id]?.displayValue ?? '?'
  const ms = (value: number) => `${value.toFixed(0)} ms`
  const score = Math.round((lhr.categories.performance?.score ?? 0) * 100)
  console.log(
    `performance ${score}, FCP ${shown('first-contentful-paint')}, ` +
      `LCP ${shown('largest-contentful-paint')}, TBT ${shown('total-blocking-time')} ` +
      `(pessimistic ${ms(tbt.pessimisticEstimate.timeInMs)}, ` +
      `optimistic ${ms(tbt.optimisticEstimate.timeInMs)})`,
  )
  // The pessimistic estimate counts from the optimistic first paint to the pessimistic
  // interactive time (Lighthouse's TotalBlockingTime.getEstimateFromSimulation).
  const from = fcp.optimisticEstimate.timeInMs
  const to = interactive.pessimisticEstimate.timeInMs
  console.log(`  counted from ${from.toFixed(0)} to ${ms(to)} (simulated)`)
  for (const { task, blocking } of blockingTasks(tasks, from, to)) {
    const simulated = `${task.start.toFixed(0)}-${task.end.toFixed(0)}`
    console.log(
      `  ${ms(blocking).padStart(7)} blocking, simulated at ${simulated}, ` +
        `observed at ${task.observedAt.toFixed(0)}: ${taskLabel(task)}`,
    )
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [url, runs = '1'] = process.argv.slice(2)
  if (url === undefined)
    throw new Error('usage: tsx scripts/lighthouse/explain-tbt.ts <url> [runs]')
  for (let run = 1; run <= Number(runs); run += 1) {
    console.log(`run ${run}:`)
    await explain(url)
  }
}

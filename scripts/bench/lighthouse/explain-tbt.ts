/**
 * tsx scripts/bench/lighthouse/explain-tbt.ts <url> [runs] [--profile]: where a page's Total Blocking
 * Time comes from. Runs Lighthouse as the benchmark does and prints, for each run, the tasks of
 * Lighthouse's pessimistic simulation that count towards it: their simulated start, their
 * blocking time, when each was observed (ms after the page's first task) and what it spent its
 * time on. Lighthouse's TBT is the mean of that estimate and the optimistic one.
 *
 * Lighthouse does not measure TBT: it replays the page's observed tasks, four times as long, on a
 * simulated phone, and counts what falls between its simulated first paint and interactive time.
 * A task can therefore count in one run and not in the next, from where the simulation puts it;
 * this shows which. With --profile the run also records V8's CPU profile, and each task is shown
 * with the functions it ran longest (by self time; names as the build minified them, unless it
 * was built without minifying). The profiler slows the page down: such a run tells where the time
 * goes, not what the page scores.
 */
import { LanternFirstContentfulPaint } from 'lighthouse/core/computed/metrics/lantern-first-contentful-paint.js'
import { LanternInteractive } from 'lighthouse/core/computed/metrics/lantern-interactive.js'
import { LanternTotalBlockingTime } from 'lighthouse/core/computed/metrics/lantern-total-blocking-time.js'
import * as Lantern from 'lighthouse/core/lib/lantern/lantern.js'
import { readOptions } from '../common.ts'
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
export function blockingTasks<Task extends SimulatedTask>(
  tasks: readonly Task[],
  fcp: number,
  interactive: number,
): { task: Task; blocking: number }[] {
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
  return longest(totals, { top, least: 1, digits: 0 })
}

/**
 * The `top` longest of `totals` (ms each) from `least` ms on, longest first, in a line, each shown
 * with `digits` decimals.
 */
function longest(
  totals: Map<string, number>,
  { top, least, digits }: { top: number; least: number; digits: number },
): string {
  return [...totals]
    .filter(([, ms]) => ms >= least)
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, ms]) => `${key} ${ms.toFixed(digits)}`)
    .join(', ')
}

/** A function of the CPU profile: its name and where it is. */
export type ProfileFrame = {
  functionName: string
  url?: string
  lineNumber?: number
  columnNumber?: number
}
/** The profile's samples: when each was taken (trace µs) and the function it found running. */
export type ProfileSamples = { times: number[]; frames: (ProfileFrame | undefined)[] }

type ProfileEvent = {
  name: string
  pid: number
  tid: number
  id?: string
  args: {
    data?: {
      startTime?: number
      cpuProfile?: { nodes?: { id: number; callFrame: ProfileFrame }[]; samples?: number[] }
      timeDeltas?: number[]
    }
  }
}

/**
 * The samples of the CPU profile that V8 wrote into the trace for thread `pid`/`tid`: a `Profile`
 * event on that thread gives its id and start, and `ProfileChunk` events of that id (written by
 * the sampling thread) its nodes and samples, each sample's time a delta from the one before.
 */
export function profileSamples(
  events: readonly ProfileEvent[],
  pid: number,
  tid: number,
): ProfileSamples {
  const nodes = new Map<number, ProfileFrame>()
  const samples: ProfileSamples = { times: [], frames: [] }
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid)
  let time = profile?.args.data?.startTime
  if (profile === undefined || time === undefined) return samples
  const ids: number[] = []
  for (const event of events) {
    if (event.name !== 'ProfileChunk' || event.pid !== pid || event.id !== profile.id) continue
    const data = event.args.data
    if (data === undefined) continue
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node.callFrame)
    const chunk = data.cpuProfile?.samples ?? []
    for (const [i, id] of chunk.entries()) {
      time += data.timeDeltas?.[i] ?? 0
      samples.times.push(time)
      ids.push(id)
    }
  }
  // Nodes can come in a later chunk than their first sample.
  samples.frames = ids.map((id) => nodes.get(id))
  return samples
}

/**
 * The functions that ran longest between `start` and `end` (trace µs), by self time in ms, each
 * as `name file:line:column`, beside V8's own entries ("(program)", "(garbage collector)").
 */
export function topFunctions(samples: ProfileSamples, start: number, end: number, top = 5): string {
  const totals = new Map<string, number>()
  for (const [i, time] of samples.times.entries()) {
    if (time < start || time >= end) continue
    const frame = samples.frames[i]
    if (frame === undefined || frame.functionName === '(idle)') continue
    const interval = (samples.times[i + 1] ?? time) - time
    const file = (frame.url ?? '').replace(/^.*\//, '')
    const where = `${file}:${(frame.lineNumber ?? 0) + 1}:${(frame.columnNumber ?? 0) + 1}`
    // V8's own entries: "(program)" (the browser's work outside JavaScript), "(garbage collector)".
    const key = file === '' ? frame.functionName : `${frame.functionName || '(anonymous)'} ${where}`
    totals.set(key, (totals.get(key) ?? 0) + interval / 1000)
  }
  return longest(totals, { top, least: 0.5, digits: 1 })
}

type TraceEvent = { name: string; dur?: number; args?: { data?: { url?: string } } }
type CpuNode = {
  type: 'cpu'
  startTime: number
  endTime: number
  event: { pid: number; tid: number }
  childEvents: TraceEvent[]
}
type Estimate = {
  timeInMs: number
  nodeTimings: Map<{ type: string }, { startTime: number; endTime: number }>
}
type LanternResult = { optimisticEstimate: Estimate; pessimisticEstimate: Estimate }

async function explain(url: string, profile: boolean): Promise<void> {
  const { artifacts, lhr } = await runLighthouseWithArtifacts(
    url,
    ['performance'],
    profile ? 'disabled-by-default-v8.cpu_profiler' : undefined,
  )
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
  const main = cpu[0]?.[0].event
  const samples = profileSamples(
    artifacts.Trace.traceEvents as unknown as ProfileEvent[],
    main?.pid ?? -1,
    main?.tid ?? -1,
  )
  const tasks = cpu.map(([node, timing]) => ({
    start: timing.startTime,
    end: timing.endTime,
    observedAt: (node.startTime - navigation) / 1000,
    functions: topFunctions(samples, node.startTime, node.endTime),
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
    if (task.functions !== '') console.log(`          ${task.functions}`)
  }
}

const USAGE = `usage: tsx scripts/bench/lighthouse/explain-tbt.ts <url> [runs] [--profile]

  runs        how many Lighthouse runs (default 1)
  --profile   also record V8's CPU profile and show each task's busiest functions`

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = readOptions({
    usage: USAGE,
    allowPositionals: true,
    options: { profile: { type: 'boolean', default: false } },
  })
  const [url, runs = '1'] = positionals
  if (url === undefined) throw new Error(USAGE)
  for (let run = 1; run <= Number(runs); run += 1) {
    console.log(`run ${run}:`)
    await explain(url, values.profile)
  }
}

// @vitest-environment node
import { expect, test } from 'vitest'
import { blockingTasks, taskLabel, type SimulatedTask } from './explain-tbt.ts'

const task = (start: number, end: number, events: SimulatedTask['events'] = []): SimulatedTask => ({
  start,
  end,
  observedAt: start / 4,
  events,
})

test("each task's share is its part after the first paint, less 50 ms, as Lighthouse counts it", () => {
  const tasks = [
    task(2000, 2120), // after interactive
    task(900, 1100), // 100 ms after the paint at 1000: 50 blocking
    task(1200, 1240), // under 50 ms
    task(1300, 1420), // 70 blocking
    task(100, 400), // before the paint
    task(1800, 2100), // cut at interactive (1900): 50 blocking
  ]
  expect(
    blockingTasks(tasks, 1000, 1900).map(({ task, blocking }) => [task.start, blocking]),
  ).toEqual([
    [900, 50],
    [1300, 70],
    [1800, 50],
  ])
})

test("a task's label is its longest kinds of event, with the script they ran", () => {
  const label = taskLabel(
    task(0, 100, [
      { name: 'Layout', ms: 30 },
      { name: 'FunctionCall', ms: 12, url: 'http://x/assets/client-a.js' },
      { name: 'FunctionCall', ms: 9, url: 'http://x/assets/client-a.js' },
      { name: 'Paint', ms: 0.4 },
    ]),
  )
  expect(label).toBe('Layout 30, FunctionCall:client-a.js 21')
})

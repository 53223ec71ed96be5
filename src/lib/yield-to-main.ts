type Scheduler = { yield?: () => Promise<void> }

/**
 * Ends the current task and resumes in a new one, so the browser can paint and handle input in
 * between: start-up work split this way never blocks a tap for long. scheduler.yield() where the
 * browser has it (its continuation runs before other queued work), else a zero timeout.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler
  if (typeof scheduler?.yield === 'function') return scheduler.yield()
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/** What the benchmarks print about the machine they ran on. */
import { readFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os'

export function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'))
    if (line) return line.slice(line.indexOf(':') + 1).trim()
  } catch {
    // Not Linux: fall back to what Node reports.
  }
  return cpus()[0]?.model ?? 'unknown'
}

/** "2 CPUs (nproc), AMD EPYC, 24 GB RAM, Node v20.20.2, linux" */
export function machineLine(): string {
  return `${availableParallelism()} CPUs (nproc), ${cpuModel()}, ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, Node ${process.version}, ${process.platform}`
}

/** The 1-minute load average, one decimal. */
export function loadAverage(): string {
  return (loadavg()[0] ?? 0).toFixed(1)
}

/**
 * Progress of a long compile: a live "done / total, rate" line on a terminal, nothing until the
 * end elsewhere (CI logs get the one-line summary the caller prints).
 */
export function progressReporter(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const started = performance.now()
  let last = 0
  let shown = false
  const onProgress = (done: number, total: number) => {
    if (!stream.isTTY || total < 500) return
    const now = performance.now()
    if (now - last < 100 && done < total) return
    last = now
    const rate = Math.round(done / Math.max((now - started) / 1000, 0.001))
    stream.write(`\r${label}: ${done} / ${total} files (${rate}/s)   `)
    shown = true
  }
  const finish = () => {
    if (shown) stream.write('\n')
  }
  return { onProgress, finish }
}

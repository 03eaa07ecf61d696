// Progress for long CLI runs (import, reembed, summarize, evals). Always on stderr, so `--json` output on
// stdout stays parseable; a live bar only on a terminal, and at most ~10 plain lines in CI logs and pipes.
import cliProgress from 'cli-progress'

export type Progress = {
  tick(n?: number): void
  done(): void
}

export type ProgressOptions = {
  /** Where to write; default process.stderr. */
  stream?: NodeJS.WritableStream & { isTTY?: boolean }
  /** Force the bar (true) or plain lines (false); default: whether the stream is a TTY. */
  tty?: boolean
  /** Clock in milliseconds, for tests. */
  now?: () => number
}

export function createProgress(label: string, total: number, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr
  const tty = options.tty ?? Boolean(stream.isTTY)
  return tty ? terminalBar(label, total, stream) : plainLines(label, total, stream, options.now ?? Date.now)
}

function terminalBar(label: string, total: number, stream: NodeJS.WritableStream): Progress {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted} elapsed, ETA {eta_formatted}`,
      hideCursor: true,
      // The caller already decided this is a terminal (or forced it); do not second-guess the stream.
      noTTYOutput: true,
    },
    cliProgress.Presets.shades_classic,
  )
  let expected = Math.max(total, 0)
  let count = 0
  bar.start(expected, 0)
  let finished = false
  return {
    tick(n = 1) {
      if (finished) return
      count += n
      // A total that was too small grows with the count: the bar never reads more than 100%.
      if (count > expected) bar.setTotal((expected = count))
      bar.increment(n)
    },
    done() {
      if (finished) return
      finished = true
      bar.stop()
    },
  }
}

function plainLines(label: string, expectedTotal: number, stream: NodeJS.WritableStream, now: () => number): Progress {
  const started = now()
  let total = expectedTotal
  let count = 0
  let reportedDecile = 0
  let finished = false
  return {
    tick(n = 1) {
      if (finished) return
      count += n
      if (total <= 0) return
      // A total that was too small grows with the count: a line never reads more than 100%.
      total = Math.max(total, count)
      // Deciles 1–9 only: 100% is announced once, by done().
      const decile = Math.min(9, Math.floor((count * 10) / total))
      if (decile > reportedDecile) {
        reportedDecile = decile
        stream.write(`${label}: ${count}/${total} (${Math.floor((count * 100) / total)}%)\n`)
      }
    },
    done() {
      if (finished) return
      finished = true
      const seconds = ((now() - started) / 1000).toFixed(1)
      stream.write(`${label}: done, ${count}${total > 0 ? `/${total}` : ''} in ${seconds}s\n`)
    },
  }
}

// Numbers and tables for the benchmark's console report.

/** Bytes in B below 1 kB, else kB (1 kB = 1,000 B, as the budgets are written). */
export function bytes(n: number): string {
  return n < 1000 ? `${n} B` : `${(n / 1000).toFixed(1)} kB`
}

export const mebibytes = (n: number | null) => (n === null ? 'n/a' : `${Math.round(n / 1024 / 1024)} MiB`)
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
export const count = (n: number) => n.toLocaleString('en-GB')
export const ratio = (a: number | null, b: number | null) =>
  a === null || b === null || b === 0 ? 'n/a' : `${(a / b).toFixed(2)}×`

/** A plain-text table; `right[i]` right-aligns column i. */
export function table(headers: string[], rows: string[][], right: boolean[] = []): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)))
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (right[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n')
}

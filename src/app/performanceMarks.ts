// Named User Timing marks the benchmark reads (bench/bench.spec.ts). They cost nothing noticeable
// and send nothing anywhere; they only let a test measure what a learner waits for.
export const MARKS = {
  answer: 'heard:answer',
  answerToFeedback: 'heard:answer-to-feedback',
  save: 'heard:save',
  certificate: 'heard:certificate',
} as const;

export function mark(name: string): void {
  performance.mark(name);
}

/** Measures from the latest mark `from` to now; does nothing if that mark was never set. */
export function measureSince(name: string, from: string): void {
  if (performance.getEntriesByName(from, 'mark').length > 0) performance.measure(name, from);
}

export async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    performance.measure(name, { start, end: performance.now() });
  }
}

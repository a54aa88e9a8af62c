// Work that must not hold back what the learner sees (saving an answer, and what follows a save)
// waits until the browser has painted the frame that shows it: a task posted from an animation
// frame runs after that frame's paint. A hidden tab paints no frames, so a timer runs it anyway.

/** How long work waits at most when no frame comes (a hidden tab, a test without rendering). */
const LATEST_MS = 250;

/** Runs `work` once, after the next paint; returns a cancel function. */
export function afterNextPaint(work: () => void): () => void {
  let pending = true;
  const channel = new MessageChannel();
  const frame = requestAnimationFrame(() => channel.port2.postMessage(null));
  const stop = () => {
    pending = false;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    channel.port1.close();
  };
  const run = () => {
    if (!pending) return;
    stop();
    work();
  };
  const timer = setTimeout(run, LATEST_MS);
  channel.port1.onmessage = run;
  return stop;
}

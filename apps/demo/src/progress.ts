/** A one-line progress bar on stderr (plain lines when stderr is not a terminal). */
export function progressBar(label: string, total: number | undefined) {
  const tty = process.stderr.isTTY;
  let lastPrinted = -1;
  return {
    update(done: number) {
      const fraction = total ? Math.min(1, done / total) : 0;
      const percent = Math.floor(fraction * 100);
      if (tty) {
        const bar = "#".repeat(Math.round(fraction * 30)).padEnd(30, ".");
        process.stderr.write(`\r${label} [${bar}] ${done}${total ? `/${total}` : ""}`);
      } else if (percent >= lastPrinted + 25) {
        lastPrinted = percent - (percent % 25);
        process.stderr.write(`${label}: ${done}${total ? `/${total} (${lastPrinted}%)` : ""}\n`);
      }
    },
    finish(done: number) {
      this.update(done);
      if (tty) process.stderr.write("\n");
    },
  };
}

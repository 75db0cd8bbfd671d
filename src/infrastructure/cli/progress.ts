// Progress on stderr: a redrawn bar on a terminal, a line every few seconds otherwise (CI, logs).
export interface Progress {
  update(done: number): void;
  finish(message: string): void;
}

export function progress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  let lastLine = 0;
  const render = (done: number): string => {
    const ratio = total > 0 ? Math.min(1, done / total) : 1;
    const width = 30;
    const filled = Math.round(ratio * width);
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} (${Math.round(ratio * 100)}%, ${rate}/s)`;
  };
  return {
    update(done) {
      if (stream.isTTY) {
        stream.write(`\r${render(done)}`);
      } else if (Date.now() - lastLine >= 2000) {
        lastLine = Date.now();
        stream.write(`${render(done)}\n`);
      }
    },
    finish(message) {
      if (stream.isTTY) stream.write('\r\x1b[K');
      stream.write(`${message}\n`);
    },
  };
}

// A reader that stops early (`cyberdiplo dialogues --json | head`) closes the pipe: that ends the command quietly,
// as it does for other command-line tools, instead of Node's unhandled EPIPE error and its stack trace.
let watching = false;

export function endQuietlyOnClosedOutput(): void {
  if (watching) return;
  watching = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`cyberdiplo: cannot write the output: ${error.message}\n`);
    process.exit(1);
  });
}

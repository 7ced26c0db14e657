/** Process entry point of the bundled CLI. */
import { main } from './main.js';

/** Exit status of a process stopped by SIGPIPE (128 + 13), as `yes | head` leaves `yes`. */
const BROKEN_PIPE_STATUS = 141;

// A reader that stops early (`kinkproof render a.md | head`) closes the pipe: end quietly, as
// Unix tools do, instead of a stack trace for the write that failed.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(BROKEN_PIPE_STATUS);
    throw error;
  });
}

const code = await main(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stderrIsTerminal: process.stderr.isTTY === true,
});
process.exitCode = code;

import { FieldbookError } from '../../shared/errors';

/**
 * Reads a password from standard input, never from the command line (where
 * it would be kept in the shell's history and shown to other users by ps).
 * At a terminal it prompts twice without echoing; otherwise it reads the
 * first line piped in (`printf '%s\n' "$PASSWORD" | fieldbook staff add …`).
 */
export async function readPassword(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const line = await firstLine(stdin);
    if (line === null) throw new FieldbookError('INVALID_INPUT', 'Type the password on standard input: nothing was given.');
    return line;
  }
  const first = await hiddenLine(`${prompt}: `);
  const again = await hiddenLine('The same password again: ');
  if (first !== again) throw new FieldbookError('INVALID_INPUT', 'Type the same password twice: the two did not match.');
  return first;
}

function firstLine(stream: NodeJS.ReadStream): Promise<string | null> {
  return new Promise((done) => {
    let text = '';
    let finished = false;
    const finish = (value: string | null) => {
      if (finished) return;
      finished = true;
      stream.pause();
      stream.removeAllListeners('data');
      done(value);
    };
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      text += chunk;
      const end = text.indexOf('\n');
      if (end !== -1) finish(text.slice(0, end).replace(/\r$/, ''));
    });
    stream.once('end', () => finish(text === '' ? null : text.replace(/\r?\n?$/, '')));
  });
}

function hiddenLine(prompt: string): Promise<string> {
  return new Promise((done, fail) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.resume();
    let text = '';
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n') {
          cleanUp();
          process.stderr.write('\n');
          return done(text);
        }
        if (character === '\u0003') {
          cleanUp();
          process.stderr.write('\n');
          return fail(new FieldbookError('INVALID_INPUT', 'Cancelled: no account was changed.'));
        }
        if (character === '\u007f' || character === '\b') text = text.slice(0, -1);
        else text += character;
      }
    };
    const cleanUp = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
    };
    stdin.on('data', onData);
  });
}

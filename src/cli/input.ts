// Reads a JSON or YAML document that a user names on the command line (a file, or - for standard input).
import fs from 'node:fs';
import YAML from 'yaml';
import { AppError } from '../core/errors';

/** Why a file could not be read, in words: the system's codes (ENOENT, EISDIR …) said plainly. */
function whyUnreadable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'there is no such file (check the path, relative to the current folder)';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ? `the system says ${code}` : 'it could not be opened';
}

/** A file's text; a file that cannot be read is refused with the reason, naming it as `what` (e.g. 'incident file'). */
export function readText(file: string, what: string): string {
  try {
    return fs.readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new AppError('invalid_input', `Cannot read ${what} "${file}": ${whyUnreadable(error)}`);
  }
}

/** Refuses, with the reason, a file that cannot be opened for reading (checked before a long task starts). */
export function checkReadable(file: string, what: string): void {
  try {
    fs.closeSync(fs.openSync(file, 'r'));
    if (fs.statSync(file).isDirectory()) throw Object.assign(new Error(file), { code: 'EISDIR' });
  } catch (error) {
    throw new AppError('invalid_input', `Cannot read ${what} "${file}": ${whyUnreadable(error)}`);
  }
}

export function readDocument(file: string, what: string): unknown {
  const text = readText(file, `${what} file`);
  const doc = YAML.parseDocument(text);
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line;
    throw new AppError('invalid_input', `${what} file "${file}" is not valid JSON or YAML${line ? ` (line ${line})` : ''}: ${first.message.split('\n')[0]}`);
  }
  const value: unknown = doc.toJS();
  // An empty file (or one of comments only) reads as null: say so rather than let the schema name a type.
  if (value === null || value === undefined) throw new AppError('invalid_input', `${what} file "${file}" is empty: it needs a JSON or YAML object`);
  return value;
}

// Reads a JSON or YAML document that a user names on the command line (a file, or - for standard input).
import fs from 'node:fs';
import YAML from 'yaml';
import { AppError } from '../core/errors';

export function readDocument(file: string, what: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch {
    throw new AppError('invalid_input', `Cannot read ${what} file "${file}"`);
  }
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

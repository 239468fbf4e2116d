// A server on an SQLite file says so beside it (`<file>.server-<host>-<pid>`), so that `restore` can refuse to
// replace the file under a running server. A clean stop removes the marker; one left by a killed server names a
// process that no longer runs and is ignored (and removed). A marker from another host cannot be checked: it counts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ServerMarker {
  pid: number;
  host: string;
  startedAt: string;
}

const prefix = (dbFile: string) => `${path.basename(dbFile)}.server-`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Writes this process's marker beside `dbFile`; the function returned removes it (also run at exit). */
export function markServer(dbFile: string, startedAt: string): () => void {
  const marker: ServerMarker = { pid: process.pid, host: os.hostname(), startedAt };
  const file = path.join(path.dirname(dbFile), `${prefix(dbFile)}${marker.host}-${marker.pid}`);
  fs.writeFileSync(file, JSON.stringify(marker));
  const release = () => fs.rmSync(file, { force: true });
  process.once('exit', release);
  return release;
}

/** The servers that say they use `dbFile` and still run (stale markers of this host are removed). */
export function serversUsing(dbFile: string): ServerMarker[] {
  const dir = path.dirname(dbFile);
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.startsWith(prefix(dbFile)));
  } catch {
    return [];
  }
  const out: ServerMarker[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    let m: ServerMarker;
    try {
      m = JSON.parse(fs.readFileSync(file, 'utf8')) as ServerMarker;
    } catch {
      continue;
    }
    if (m.host === os.hostname() && !alive(m.pid)) fs.rmSync(file, { force: true });
    else out.push(m);
  }
  return out;
}

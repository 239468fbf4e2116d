// A STIX bundle read in text chunks: a scanner finds where each element of the top-level `objects` array (or of a
// top-level array) begins and ends, and native JSON.parse builds it. Only the element being read is held, so a
// 100 MB bundle is never one string or one tree, and parsing costs about what JSON.parse of the file would.

/** `syntax`: the text is not JSON; `shape`: it is, but a single value rather than an object or array. */
export class JsonStreamError extends Error {
  constructor(
    message: string,
    readonly kind: 'syntax' | 'shape' = 'syntax',
  ) {
    super(message);
  }
}

export interface JsonStreamHandlers {
  /** Each element of `objects` (or of a top-level array), as soon as it is complete. */
  object(value: unknown): void;
  /** Each top-level property other than `objects`, with its value. */
  top(key: string, value: unknown): void;
}

/** What a captured value is: an element of the array read, a top-level property's name, or its value. */
type Into = 'element' | 'key' | 'top';
type State = 'start' | 'key' | 'firstKey' | 'colon' | 'value' | 'afterValue' | 'element' | 'firstElement' | 'afterElement' | 'capture' | 'end';

const WS = new Set([0x20, 0x0a, 0x0d, 0x09]);
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

export class JsonStreamReader {
  private buf = '';
  private pos = 0;
  /** Characters dropped from the front of `buf`, for positions in messages. */
  private dropped = 0;
  private state: State = 'start';
  private rootArray = false;
  private key = '';
  private started = false;
  /** The value being captured: where it starts, its nesting, whether the scan is inside a string. */
  private capture = { start: 0, depth: 0, inString: false, container: false, into: 'element' as Into };

  constructor(private readonly handlers: JsonStreamHandlers) {}

  push(text: string): void {
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.buf += text;
    this.scan();
    // Drop what is read, keeping a value being captured.
    const keep = this.state === 'capture' ? this.capture.start : this.pos;
    if (keep > 1 << 16) {
      this.buf = this.buf.slice(keep);
      this.dropped += keep;
      this.pos -= keep;
      this.capture.start -= keep;
    }
  }

  end(): void {
    if (this.state !== 'end') throw this.error(this.state === 'start' ? 'the file is empty' : 'unexpected end of the file');
    this.skipWs();
    if (this.pos < this.buf.length) throw this.error('unexpected text after the end');
  }

  private error(message: string, at = this.pos): JsonStreamError {
    return new JsonStreamError(`${message} at position ${this.dropped + at}`);
  }

  private skipWs(): boolean {
    while (this.pos < this.buf.length && WS.has(this.buf.charCodeAt(this.pos))) this.pos++;
    return this.pos < this.buf.length;
  }

  private scan(): void {
    for (;;) {
      if (this.state === 'capture') {
        if (!this.scanCapture()) return;
        continue;
      }
      if (this.state === 'end' || !this.skipWs()) return;
      const c = this.buf[this.pos];
      switch (this.state) {
        case 'start':
          if (c === '{') this.state = 'firstKey';
          else if (c === '[') {
            this.rootArray = true;
            this.state = 'firstElement';
          } else if (/["\-0-9tfn]/.test(c ?? '')) throw new JsonStreamError('a single JSON value, not a STIX object or bundle', 'shape');
          else throw this.error(`unexpected "${c}"`);
          this.pos++;
          break;
        case 'firstKey':
        case 'key':
          if (c === '}' && this.state === 'firstKey') {
            this.pos++;
            this.state = 'end';
          } else if (c === '"') this.begin('key');
          else throw this.error(`expected a property name, found "${c}"`);
          break;
        case 'colon':
          if (c !== ':') throw this.error(`expected ":" after "${this.key}", found "${c}"`);
          this.pos++;
          this.state = 'value';
          break;
        case 'value':
          if (this.key === 'objects' && c === '[') {
            this.pos++;
            this.state = 'firstElement';
          } else this.begin('top');
          break;
        case 'afterValue':
          this.pos++;
          if (c === ',') this.state = 'key';
          else if (c === '}') this.state = 'end';
          else throw this.error(`expected "," or "}", found "${c}"`, this.pos - 1);
          break;
        case 'firstElement':
        case 'element':
          if (c === ']' && this.state === 'firstElement') {
            this.pos++;
            this.state = this.rootArray ? 'end' : 'afterValue';
          } else if (c === ']' || c === ',') throw this.error(`expected a value, found "${c}"`);
          else this.begin('element');
          break;
        case 'afterElement':
          this.pos++;
          if (c === ',') this.state = 'element';
          else if (c === ']') this.state = this.rootArray ? 'end' : 'afterValue';
          else throw this.error(`expected "," or "]" between objects, found "${c}"`, this.pos - 1);
          break;
      }
    }
  }

  /** Starts capturing a value (a top-level property's name, its value, or an element) at `pos`. */
  private begin(into: Into): void {
    const c = this.buf.charCodeAt(this.pos);
    this.capture = { start: this.pos, depth: 0, inString: false, container: c === 0x7b || c === 0x5b, into };
    this.state = 'capture';
  }

  /** Scans the value being captured; true once it is complete (and handed over). */
  private scanCapture(): boolean {
    const cap = this.capture;
    const buf = this.buf;
    let i = this.pos;
    while (i < buf.length) {
      if (cap.inString) {
        const q = buf.indexOf('"', i);
        if (q < 0) {
          i = buf.length;
          break;
        }
        let slashes = 0;
        while (buf.charCodeAt(q - 1 - slashes) === BACKSLASH) slashes++;
        i = q + 1;
        if (slashes % 2 === 0) {
          cap.inString = false;
          if (!cap.container && cap.depth === 0) return this.finishCapture(i);
        }
        continue;
      }
      const c = buf.charCodeAt(i);
      if (c === QUOTE) cap.inString = true;
      else if (cap.container) {
        if (c === 0x7b || c === 0x5b) cap.depth++;
        else if (c === 0x7d || c === 0x5d) {
          cap.depth--;
          if (cap.depth === 0) return this.finishCapture(i + 1);
        }
      } else if (c === 0x2c || c === 0x5d || c === 0x7d || WS.has(c)) return this.finishCapture(i);
      i++;
    }
    this.pos = i;
    return false;
  }

  private finishCapture(end: number): boolean {
    const { start, into } = this.capture;
    const text = this.buf.slice(start, end);
    this.pos = end;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw this.error(`${error instanceof Error ? error.message : String(error)} in the value starting`, start);
    }
    if (into === 'element') {
      this.state = 'afterElement';
      this.handlers.object(value);
    } else if (into === 'key') {
      this.key = value as string;
      this.state = 'colon';
    } else {
      this.state = 'afterValue';
      this.handlers.top(this.key, value);
    }
    return true;
  }
}

import { Transform, type TransformCallback } from 'node:stream';

export type JsonRpcId = string | number | null;

export interface OversizeLine {
  /** Length of the discarded line in bytes, without its newline. */
  bytes: number;
  /** The request's id when it could be read from the line's first or last KB, else null. */
  id: JsonRpcId;
}

const NEWLINE = 0x0a;
/** How much of a discarded line is kept, at each end, to find its id. */
const EDGE_BYTES = 1024;

/**
 * Sits between stdin and the SDK's stdio transport, which buffers a line until its newline and
 * re-scans the whole buffer on every chunk: a 20 MB line took minutes and held that memory. Here a
 * line longer than `maxBytes` is dropped while it streams in (only its two ends are kept, to answer
 * the right request) and reported; every other line goes on whole, as one chunk, so the
 * transport parses it in one pass and the next line is served as usual.
 */
export class LineLimit extends Transform {
  private parts: Buffer[] = [];
  private size = 0;
  /** Set while the current line is being discarded: its first EDGE_BYTES. */
  private head: Buffer | undefined;
  private tail = Buffer.alloc(0);

  constructor(
    private readonly maxBytes: number,
    private readonly onOversize: (line: OversizeLine) => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let start = 0;
    for (let nl = chunk.indexOf(NEWLINE); nl !== -1; nl = chunk.indexOf(NEWLINE, start)) {
      this.append(chunk.subarray(start, nl));
      this.endLine();
      start = nl + 1;
    }
    this.append(chunk.subarray(start));
    done();
  }

  /** At end of input an unfinished line is never a message; only an oversize one is worth reporting. */
  override _flush(done: TransformCallback): void {
    if (this.head) this.onOversize({ bytes: this.size, id: findId(this.head, this.tail) });
    done();
  }

  private append(piece: Buffer): void {
    if (piece.length === 0) return;
    this.size += piece.length;
    if (!this.head && this.size <= this.maxBytes) {
      this.parts.push(piece);
      return;
    }
    if (!this.head) {
      // Crossing the limit: keep the line's two ends, let go of the rest.
      const kept = Buffer.concat([...this.parts, piece]);
      this.head = Buffer.from(kept.subarray(0, EDGE_BYTES));
      this.tail = Buffer.from(kept.subarray(-EDGE_BYTES));
      this.parts = [];
      return;
    }
    // Copied, so the kept tail never pins a whole chunk of the discarded line.
    this.tail = Buffer.from(Buffer.concat([this.tail, piece.subarray(-EDGE_BYTES)]).subarray(-EDGE_BYTES));
  }

  private endLine(): void {
    if (this.head) this.onOversize({ bytes: this.size, id: findId(this.head, this.tail) });
    else this.push(Buffer.concat([...this.parts, Buffer.of(NEWLINE)]));
    this.parts = [];
    this.size = 0;
    this.head = undefined;
    this.tail = Buffer.alloc(0);
  }
}

const SCALAR = String.raw`(-?\d+|"(?:[^"\\]|\\.)*")`;
/** `{"jsonrpc":"2.0","id":…` or `{"id":…`: id among the leading plain-string members. */
const LEADING_ID = new RegExp(String.raw`^\s*\{(?:\s*"(?:jsonrpc|method)"\s*:\s*"(?:[^"\\]|\\.)*"\s*,)*\s*"id"\s*:\s*${SCALAR}`);
/** `…,"id":3}` at the very end: the last member of the top-level object (the SDK's own order). */
const TRAILING_ID = new RegExp(String.raw`[{,]\s*"id"\s*:\s*${SCALAR}\s*\}\s*$`);

/** The id of a request we will not parse, so its sender gets an answer rather than a timeout. */
export function findId(head: Buffer, tail: Buffer): JsonRpcId {
  const match = LEADING_ID.exec(head.toString('utf8')) ?? TRAILING_ID.exec(tail.toString('utf8'));
  if (!match) return null;
  try {
    const id: unknown = JSON.parse(match[1]);
    return typeof id === 'string' || typeof id === 'number' ? id : null;
  } catch {
    return null;
  }
}

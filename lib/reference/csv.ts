// A small streaming CSV reader (RFC 4180 style): any one-character separator, fields quoted with
// `"` (a doubled `""` inside is one quote; separators and line breaks inside quotes are data),
// CRLF, LF or CR line ends, UTF-8 with or without BOM, chunks split anywhere (even inside a
// character or between the two characters of `""` or CRLF).
import { createReadStream } from 'node:fs';

export type CsvRecord = {
  /** Physical line (1-based) where the record starts: the header is line 1. */
  line: number;
  fields: string[];
  /** The file ended inside a quoted field. */
  unterminated?: boolean;
};

export type CsvSource = string | AsyncIterable<string | Uint8Array>;

/** A path is opened as a file stream; a stream or any async iterable of chunks is read as is. */
function chunksOf(source: CsvSource): AsyncIterable<string | Uint8Array> {
  return typeof source === 'string' ? createReadStream(source, { highWaterMark: 1 << 20 }) : source;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** The parser's state between chunks; `feed` returns the records completed by a piece of text. */
function createParser(separator: string) {
  const sep = separator.charCodeAt(0);
  let fields: string[] = [];
  let field = '';
  let quoted = false; // inside a quoted field
  let wasQuoted = false; // the current field started with a quote
  let line = 1;
  let recordLine = 1;

  function endRecord(out: CsvRecord[]) {
    fields.push(field);
    if (!(fields.length === 1 && field === '' && !wasQuoted)) out.push({ line: recordLine, fields });
    fields = [];
    field = '';
    wasQuoted = false;
  }

  /** `text` never ends with an ambiguous `"` or CR unless `final`. */
  function feed(text: string, final: boolean): CsvRecord[] {
    const out: CsvRecord[] = [];
    let start = 0; // start of the pending run of plain characters
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (quoted) {
        if (c === QUOTE) {
          field += text.slice(start, i);
          if (text.charCodeAt(i + 1) === QUOTE) {
            field += '"';
            i++;
          } else quoted = false;
          start = i + 1;
        } else if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) line++;
      } else if (c === sep) {
        fields.push(field + text.slice(start, i));
        field = '';
        wasQuoted = false;
        start = i + 1;
      } else if (c === LF || c === CR) {
        field += text.slice(start, i);
        endRecord(out);
        if (c === CR && text.charCodeAt(i + 1) === LF) i++;
        line++;
        recordLine = line;
        start = i + 1;
      } else if (c === QUOTE && i === start && field === '' && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
        start = i + 1;
      }
    }
    field += text.slice(start);
    if (final) {
      if (quoted) out.push({ line: recordLine, fields: [...fields, field], unterminated: true });
      else endRecord(out);
    }
    return out;
  }

  return { feed };
}

/** Yields every non-empty record of the source; blank lines are ignored. */
export async function* readCsv(source: CsvSource, separator = ';'): AsyncGenerator<CsvRecord> {
  const decoder = new TextDecoder('utf-8'); // also drops a leading BOM in byte input
  const parser = createParser(separator);
  let carry = '';
  let first = true;
  for await (const chunk of chunksOf(source)) {
    let text = carry + (typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    // Trailing quotes (closing, or part of a `""`?) or a CR (alone or CRLF?) wait for the next chunk.
    let end = text.length;
    if (text.charCodeAt(end - 1) === CR) end--;
    else while (end > 0 && text.charCodeAt(end - 1) === QUOTE) end--;
    carry = text.slice(end);
    text = text.slice(0, end);
    yield* parser.feed(text, false);
  }
  yield* parser.feed(carry + decoder.decode(), true);
}

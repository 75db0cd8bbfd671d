// A fetch Response's body, read up to a bound: over it, reading stops, the stream is cancelled (so
// the connection is closed rather than drained) and the read fails. The message names what was
// read, never its URL.
export class ResponseTooLargeError extends Error {
  override readonly name = 'ResponseTooLargeError';
}

export async function readCappedText(response: Response, maxBytes: number, what: string): Promise<string> {
  const tooLarge = () => new ResponseTooLargeError(`${what} is over ${maxBytes} bytes`);
  if (Number(response.headers.get('content-length')) > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

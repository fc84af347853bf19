// A stream that records what is written to it, as a terminal `columns` wide (or not a
// terminal), for the progress lines' tests.

export function fakeStream(
  columns: number | undefined,
  isTTY: boolean,
): { stream: NodeJS.WriteStream; writes: string[] } {
  const writes: string[] = [];
  const stream = {
    isTTY,
    columns,
    write: (text: string) => {
      writes.push(text);
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  return { stream, writes };
}

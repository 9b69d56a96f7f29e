/** Reads SSE frames from a streaming response until `count` `order` events arrived. */
export async function readOrderEvents(
  res: Response,
  count: number,
): Promise<{ status: string; pickupCode: string | null }[]> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const events: { status: string; pickupCode: string | null }[] = [];
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = frame.split('\n').find((l) => l.startsWith('data: '));
      if (frame.includes('event: order') && data) events.push(JSON.parse(data.slice('data: '.length)));
      end = buffer.indexOf('\n\n');
    }
  }
  await reader.cancel();
  return events;
}

/**
 * Latency of one GET path under `clients` concurrent clients for `total` requests: p50, p99 and
 * throughput. Every answer must be a 200, or the run fails (a fast error is not a fast page).
 */
export const measureLatency = async (
  api: string,
  path: string,
  clients: number,
  total: number,
  headers: Record<string, string> = {},
) => {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        next++;
        const t0 = performance.now();
        const res = await fetch(`${api}${path}`, { headers });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
        times.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const pct = (p: number) =>
    times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(1);
  return {
    path,
    clients,
    requests: total,
    'p50 ms': pct(50),
    'p99 ms': pct(99),
    'req/s': (total / seconds).toFixed(0),
  };
};

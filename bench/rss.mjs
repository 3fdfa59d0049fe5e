// Preloaded into every measured process: writes its peak resident memory
// (getrusage maxRSS, in KB) and the CPU time it used (user and system, in
// microseconds, its worker threads included) to the file named by
// KD_BENCH_RSS when it exits.
import { appendFileSync } from 'node:fs';

process.on('exit', () => {
  if (!process.env.KD_BENCH_RSS) return;
  const usage = process.resourceUsage();
  appendFileSync(process.env.KD_BENCH_RSS, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}\n`);
});

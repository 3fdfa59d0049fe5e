// Preloaded into every measured process: writes its peak resident memory
// (getrusage maxRSS, in KB) to the file named by KD_BENCH_RSS when it exits.
import { appendFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.KD_BENCH_RSS) appendFileSync(process.env.KD_BENCH_RSS, `${process.resourceUsage().maxRSS}\n`);
});

// Process wall time: each command is started with spawnSync and timed from just before
// the spawn to just after the child exits, with process.hrtime.bigint(). Rounds are
// interleaved (each round runs every command once, starting one further along each time),
// so drift on the machine — another process, a frequency change — hits every command alike.
import { spawnSync } from "node:child_process";

/** Runs a command once; throws when it fails. Returns the wall time in milliseconds. */
export function timeOnce(command, cwd) {
  const start = process.hrtime.bigint();
  const child = spawnSync(command.file, command.args, {
    cwd,
    env: command.env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) {
    throw new Error(
      `bench: "${command.label}" exited with ${child.status ?? child.signal}:\n${child.stderr}`,
    );
  }
  return ms;
}

/** Times every command `warmup` times (discarded), then `runs` times; returns ms per command. */
export function timeInterleaved(commands, { cwd, warmup, runs, onRound }) {
  const times = commands.map(() => []);
  for (let round = 0; round < warmup + runs; round++) {
    for (let k = 0; k < commands.length; k++) {
      const i = (round + k) % commands.length;
      const ms = timeOnce(commands[i], cwd);
      if (round >= warmup) times[i].push(ms);
    }
    onRound?.(round + 1, warmup + runs);
  }
  return times;
}

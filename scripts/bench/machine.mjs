// The machine a benchmark ran on, as a person would want it named in BENCHMARKS.md.
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";

export function describeMachine() {
  const cpuinfo = existsSync("/proc/cpuinfo") ? readFileSync("/proc/cpuinfo", "utf8") : "";
  const field = (name) => cpuinfo.match(new RegExp(`^${name}\\s*:\\s*(.+)$`, "m"))?.[1]?.trim();
  const osRelease = existsSync("/etc/os-release") ? readFileSync("/etc/os-release", "utf8") : "";
  const distro = osRelease.match(/^PRETTY_NAME="?([^"\n]+)"?$/m)?.[1];
  const cpus = os.cpus();
  return {
    cpu: field("model name") ?? cpus[0]?.model ?? "unknown CPU",
    mhz: field("cpu MHz") ?? null,
    cores: os.availableParallelism?.() ?? cpus.length,
    memoryGiB: os.totalmem() / 2 ** 30,
    node: process.version,
    os: `${distro ?? os.type()} (${os.type()} ${os.release()}, ${os.arch()})`,
  };
}

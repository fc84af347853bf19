/**
 * Output files written in pieces and put in place by rename (`export --out FILE`): each
 * target is written to a temporary file beside it, renamed over the target only after it
 * was written whole; temporary files of exports that were killed are removed. A build's
 * several outputs go through generation.ts and out-layout.ts instead.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { OutputError } from "../base/errors.ts";
import { removeDeadTemps } from "./out-layout.ts";

/**
 * Output files written in pieces, all or none: each target is written to a temporary
 * file beside it (appends are buffered); `commit` moves each existing target aside and
 * renames each temporary file into place (rename is atomic on one file system), putting
 * the old targets back if any step fails, so a folder never mixes two builds; `abort`
 * removes the temporary files and leaves the targets as they were.
 */
export class StagedFiles {
  private readonly steps: Array<{
    target: string;
    temp: string;
    backup: string;
    fd: number | undefined;
    pending: string[];
    pendingBytes: number;
  }>;
  private done = false;

  constructor(targets: readonly string[]) {
    const stamp = `${process.pid}-${Date.now()}`;
    this.steps = targets.map((target) => ({
      target,
      temp: join(dirname(target), `.claimgraph-tmp-${stamp}-${basename(target)}`),
      backup: join(dirname(target), `.claimgraph-old-${stamp}-${basename(target)}`),
      fd: undefined,
      pending: [],
      pendingBytes: 0,
    }));
    try {
      for (const step of this.steps) {
        if (existsSync(step.target) && !statSync(step.target).isFile()) {
          throw new OutputError(step.target, "it exists and is not a regular file");
        }
        mkdirSync(dirname(step.target), { recursive: true });
        // What an export killed half-way left beside the same target.
        removeDeadTemps(dirname(step.target), `-${basename(step.target)}`);
        step.fd = openSync(step.temp, "w");
      }
    } catch (error) {
      this.abort();
      throw asOutputError(error, this.steps.find((s) => s.fd === undefined)?.target ?? "");
    }
  }

  append(target: string, text: string): void {
    const step = this.steps.find((s) => s.target === target);
    if (!step || step.fd === undefined)
      throw new Error(`StagedFiles.append: "${target}" is not staged`);
    step.pending.push(text);
    step.pendingBytes += text.length;
    if (step.pendingBytes > 1 << 22) this.flush(step);
  }

  commit(): void {
    const placed: typeof this.steps = [];
    const moved: typeof this.steps = [];
    let current = "";
    try {
      for (const step of this.steps) {
        current = step.target;
        this.flush(step);
        if (step.fd !== undefined) closeSync(step.fd);
        step.fd = undefined;
      }
      for (const step of this.steps) {
        current = step.target;
        if (existsSync(step.target)) {
          renameSync(step.target, step.backup);
          moved.push(step);
        }
        renameSync(step.temp, step.target);
        placed.push(step);
      }
    } catch (error) {
      for (const step of placed) rmSync(step.target, { force: true });
      for (const step of moved) renameSync(step.backup, step.target);
      this.abort();
      throw asOutputError(error, current);
    }
    for (const step of this.steps) rmSync(step.backup, { force: true });
    this.done = true;
  }

  abort(): void {
    if (this.done) return;
    for (const step of this.steps) {
      if (step.fd !== undefined) closeSync(step.fd);
      step.fd = undefined;
      rmSync(step.temp, { force: true });
    }
    this.done = true;
  }

  private flush(step: (typeof this.steps)[number]): void {
    if (step.fd === undefined || step.pending.length === 0) return;
    writeSync(step.fd, step.pending.join(""));
    step.pending = [];
    step.pendingBytes = 0;
  }
}

function asOutputError(error: unknown, path: string): OutputError {
  if (error instanceof OutputError) return error;
  return new OutputError(path, (error as NodeJS.ErrnoException).code ?? (error as Error).message);
}

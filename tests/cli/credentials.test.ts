// Where a store's password comes from: the environment, a prompt that does not echo, or
// standard input (--password-stdin); and the clear errors when it is missing.
import { EventEmitter } from "node:events";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { storeCredentials } from "../../src/cli/credentials.ts";

/** A terminal as the prompt sees it: keys arrive as data, raw mode is recorded. */
class FakeTerminal extends EventEmitter {
  readonly isTTY = true;
  readonly modes: boolean[] = [];
  paused = false;
  setRawMode(mode: boolean) {
    this.modes.push(mode);
    return this;
  }
  setEncoding() {
    return this;
  }
  resume() {
    this.paused = false;
    return this;
  }
  pause() {
    this.paused = true;
    return this;
  }
  type(keys: string) {
    this.emit("data", keys);
  }
}

function capture() {
  let text = "";
  return { write: (t: string) => (text += t), text: () => text };
}

const USER = { CLAIMGRAPH_USER: "writer" };

describe("storeCredentials", () => {
  it("takes user and password from the environment", async () => {
    await expect(
      storeCredentials({ env: { ...USER, CLAIMGRAPH_PASSWORD: "pw" } }),
    ).resolves.toEqual({ user: "writer", password: "pw" });
    await expect(storeCredentials({ env: {} })).resolves.toBeUndefined();
    await expect(storeCredentials({ env: { CLAIMGRAPH_PASSWORD: "pw" } })).rejects.toThrow(
      /CLAIMGRAPH_USER is not/,
    );
  });

  it("asks for the password on a terminal, without echoing it; backspace deletes", async () => {
    const tty = new FakeTerminal();
    const prompt = capture();
    const asked = storeCredentials({ env: USER, stdin: tty, prompt });
    tty.type("s3cX");
    tty.type("\u007f");
    tty.type("ret-pw\r");
    await expect(asked).resolves.toEqual({ user: "writer", password: "s3cret-pw" });
    expect(prompt.text()).toBe("Password for writer: \n");
    expect(prompt.text()).not.toContain("s3c");
    // Echo off while typing, back on afterwards; the input is let go.
    expect(tty.modes).toEqual([true, false]);
    expect(tty.paused).toBe(true);
    expect(tty.listenerCount("data")).toBe(0);
  });

  it("cancels on Ctrl-C", async () => {
    const tty = new FakeTerminal();
    const asked = storeCredentials({ env: USER, stdin: tty, prompt: capture() });
    tty.type("abc\u0003");
    await expect(asked).rejects.toMatchObject({ name: "UsageError", message: "cancelled" });
    expect(tty.modes).toEqual([true, false]);
  });

  it("does not wait for a prompt nobody can answer: a clear error off a terminal", async () => {
    const piped = new PassThrough();
    await expect(storeCredentials({ env: USER, stdin: piped })).rejects.toMatchObject({
      name: "UsageError",
      message: "CLAIMGRAPH_USER is set but no password is given",
      hint: expect.stringContaining("--password-stdin"),
    });
  });

  it("reads the password from standard input with --password-stdin, up to the line end", async () => {
    const piped = new PassThrough();
    const read = storeCredentials({ env: USER, stdin: piped, passwordStdin: true });
    piped.end("from-a-pipe\nnot this\n");
    await expect(read).resolves.toEqual({ user: "writer", password: "from-a-pipe" });

    const noNewline = new PassThrough();
    const read2 = storeCredentials({ env: USER, stdin: noNewline, passwordStdin: true });
    noNewline.end("pw-without-newline");
    await expect(read2).resolves.toEqual({ user: "writer", password: "pw-without-newline" });
  });

  it("refuses --password-stdin without a user, or with a password in the environment too", async () => {
    await expect(
      storeCredentials({ env: {}, stdin: new PassThrough(), passwordStdin: true }),
    ).rejects.toThrow(/needs CLAIMGRAPH_USER/);
    await expect(
      storeCredentials({
        env: { ...USER, CLAIMGRAPH_PASSWORD: "x" },
        stdin: new PassThrough(),
        passwordStdin: true,
      }),
    ).rejects.toThrow(/both given/);
  });

  it("refuses an endless standard input instead of reading it all", async () => {
    const piped = new PassThrough();
    const read = storeCredentials({ env: USER, stdin: piped, passwordStdin: true });
    piped.write("x".repeat(10_000));
    await expect(read).rejects.toThrow(/longer than 4096 characters/);
    piped.destroy();
  });
});

// One end-to-end file's browser and server, started together: each is kept as soon as it is
// up, so `close` stops whichever started even when the other failed to.
import type { Page } from "playwright-core";
import type { RunningServer } from "../../src/server/server.ts";
import { type Browser, launchBrowser, type PageProblems, watchProblems } from "./browser.ts";
import { serveKb } from "./serve.ts";

/** The viewport the viewer's panels are laid out for in the tests. */
export const WIDE = { width: 1400, height: 900 } as const;

export interface Started {
  readonly browser: Browser;
  readonly server: RunningServer;
  readonly page: Page;
  readonly problems: PageProblems;
}

export class ViewerSession {
  private browser?: Browser;
  private server?: RunningServer;

  /** Launches the browser and serves the seed (or what `serve` serves), the first page watched. */
  async start(serve: () => Promise<RunningServer> = () => serveKb()): Promise<Started> {
    await Promise.all([
      launchBrowser().then((b) => {
        this.browser = b;
      }),
      serve().then((s) => {
        this.server = s;
      }),
    ]);
    const browser = this.browser as Browser;
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.setViewportSize(WIDE);
    return { browser, server: this.server as RunningServer, page, problems: watchProblems(page) };
  }

  async close(): Promise<void> {
    await this.browser?.close();
    await this.server?.close();
  }
}

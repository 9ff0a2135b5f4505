// The browser engines other than Chromium, driven over W3C WebDriver with selenium-webdriver:
//
// - WebKit: WebKitGTK's MiniBrowser through Debian's WebKitWebDriver (webkit2gtk-driver).
//   WebKitGTK has no headless mode, so it gets a virtual display: an Xvfb of our own
//   (`-displayfd` picks a free display number), or the DISPLAY already set where there is
//   no Xvfb (a developer's desktop).
// - Firefox: Debian's firefox-esr, headless, through geckodriver (cargo install, into .tools).
//
// Each driver is a process started here on a free port, and selenium is pointed at it with
// `usingServer`, so Selenium Manager never runs (it would try to download drivers).
// tools/setup.sh (install_engines) installs all of it.
//
// The same two origins as tests/e2e/harness.mjs: the "CDN" serves dist/, the "site" serves
// tests/e2e/ (pages and fixture catalogues), so the widget always comes from another origin.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { Builder, Key, error as errors } from "selenium-webdriver";
import LogInspector from "selenium-webdriver/bidi/logInspector.js";
import { startServer } from "../e2e/server.mjs";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
export const DIST = here("../../dist");
const SITE = here("../e2e");
/** Where a failing test leaves a screenshot (ignored by git). */
export const SHOTS = here("screenshots");
export { Key };

/** WebKitGTK's MiniBrowser: Debian puts it in /usr/lib/<arch>/webkit2gtk-4.1/ (libwebkit2gtk-4.1-0). */
function miniBrowser() {
  if (process.env.MINIBROWSER) return process.env.MINIBROWSER;
  const flavours = ["webkit2gtk-4.1", "webkitgtk-6.0", "webkit2gtk-4.0"];
  const dirs = ["/usr/libexec", ...readdirSync("/usr/lib").filter((d) => d.includes("-linux-")).map((d) => `/usr/lib/${d}`)];
  for (const dir of dirs) {
    for (const flavour of flavours) {
      const path = `${dir}/${flavour}/MiniBrowser`;
      if (existsSync(path)) return path;
    }
  }
  return null;
}

/** An executable: `preferred` if it exists, else the name on PATH. */
const executable = (preferred, name) => (preferred && existsSync(preferred) ? preferred : name);

export const ENGINES = {
  webkit: {
    label: "WebKit",
    driver: () => executable(process.env.WEBKIT_DRIVER, "WebKitWebDriver"),
    driverArgs: (port) => [`--port=${port}`],
    display: true,
    capabilities() {
      const binary = miniBrowser();
      if (!binary) throw new Error("WebKit: MiniBrowser not found (apt package libwebkit2gtk-4.1-0; run tools/setup.sh browser)");
      // No webSocketUrl: Debian's WebKitWebDriver 2.50 refuses a session that asks for
      // WebDriver BiDi, so WebKit's console is recorded from inside the page (see open()).
      return { browserName: "MiniBrowser", "webkitgtk:browserOptions": { binary, args: ["--automation"] } };
    },
  },
  firefox: {
    label: "Firefox",
    driver: () => executable(process.env.GECKODRIVER ?? here("../../.tools/bin/geckodriver"), "geckodriver"),
    // The BiDi port is chosen too: geckodriver's default (9222) may be taken.
    driverArgs: (port, bidiPort) => ["--port", String(port), "--websocket-port", String(bidiPort), "--log", "error"],
    display: false,
    capabilities: () => ({
      browserName: "firefox",
      // WebDriver BiDi, for the page's console messages from the very first one.
      webSocketUrl: true,
      "moz:firefoxOptions": {
        binary: executable(process.env.FIREFOX ?? "/usr/bin/firefox-esr", "firefox"),
        args: ["-headless"],
        // Nothing the tests did not ask for: no update checks or first-run pages.
        prefs: { "app.update.disabledForTesting": true, "browser.shell.checkDefaultBrowser": false, "datareporting.policy.dataSubmissionEnabled": false },
      },
    }),
  },
};

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

/** The last lines a child process wrote, for error messages. */
function tail(child) {
  const lines = [];
  const keep = (data) => {
    lines.push(...String(data).split("\n").filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 30));
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return () => lines.join("\n");
}

/** A display for WebKitGTK: our own Xvfb when there is one, else the DISPLAY already set. */
async function startDisplay() {
  const xvfb = ["/usr/bin/Xvfb", "/usr/local/bin/Xvfb"].find(existsSync);
  if (!xvfb) {
    if (process.env.DISPLAY) return { display: process.env.DISPLAY, close() {} };
    throw new Error("WebKit needs a display: install xvfb (tools/setup.sh browser) or set DISPLAY");
  }
  // -displayfd: Xvfb picks a free display number and writes it to fd 3 once it is ready.
  const child = spawn(xvfb, ["-displayfd", "3", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"], {
    stdio: ["ignore", "ignore", "pipe", "pipe"],
  });
  const output = tail(child);
  const number = await new Promise((ok, fail) => {
    let text = "";
    child.stdio[3].on("data", (data) => {
      text += data;
      if (text.includes("\n")) ok(text.trim());
    });
    child.once("exit", (code) => fail(new Error(`Xvfb exited (${code}) before giving a display:\n${output()}`)));
    setTimeout(() => fail(new Error(`Xvfb gave no display within 10 s:\n${output()}`)), 10_000).unref();
  });
  return { display: `:${number}`, close: () => child.kill() };
}

/** Waits until the WebDriver server answers /status as ready. */
async function driverReady(url, child, output, label) {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${label}: the WebDriver server exited (${child.exitCode}):\n${output()}`);
    try {
      const status = await (await fetch(url + "/status")).json();
      if (status.value?.ready !== false) return;
    } catch {
      // not listening yet
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`${label}: the WebDriver server did not answer within 15 s:\n${output()}`);
}

/**
 * Starts everything one engine's suite needs: the two origins, a display if the engine
 * needs one, and its WebDriver server. Sessions (one browser each) come from session().
 */
export async function startEngine(name) {
  const engine = ENGINES[name];
  if (!engine) throw new Error(`unknown engine ${name}; known: ${Object.keys(ENGINES).join(", ")}`);
  if (!existsSync(`${DIST}/program-finder.js`)) throw new Error(`${engine.label}: no dist/program-finder.js; run make dist first`);
  const cleanup = [];
  try {
    const cdn = await startServer({ root: DIST });
    cleanup.push(() => cdn.close());
    const site = await startServer({ root: SITE, replace: { "{{CDN}}": cdn.url } });
    cleanup.push(() => site.close());
    const env = { ...process.env };
    if (engine.display) {
      const display = await startDisplay();
      cleanup.push(() => display.close());
      env.DISPLAY = display.display;
    }
    const [port, bidiPort] = [await freePort(), await freePort()];
    const command = engine.driver();
    const child = spawn(command, engine.driverArgs(port, bidiPort), { env, stdio: ["ignore", "pipe", "pipe"] });
    const output = tail(child);
    const spawned = new Promise((ok, fail) => {
      child.once("spawn", ok);
      child.once("error", (e) => fail(new Error(`${engine.label}: cannot start ${command} (${e.code}); run tools/setup.sh browser`)));
    });
    cleanup.push(() => child.kill());
    await spawned;
    const url = `http://127.0.0.1:${port}`;
    await driverReady(url, child, output, engine.label);
    return {
      ...engine,
      name,
      cdn,
      site,
      url,
      driverOutput: output,
      async close() {
        for (const step of cleanup.reverse()) step();
      },
    };
  } catch (error) {
    for (const step of cleanup.reverse()) step();
    throw error;
  }
}

/**
 * Runs `body(page)` in a new browser session (its own browser, profile and storage, so
 * nothing is shared between tests). On failure the error names the engine and carries the
 * page's console messages, and a screenshot is saved in tests/engines/screenshots/.
 */
export async function session(engine, t, body) {
  let driver;
  let page;
  try {
    driver = await newSession(engine);
    await within(30_000, "the window's size", () => driver.manage().window().setRect({ width: 1280, height: 900 }));
    await within(30_000, "the session's timeouts", () => driver.manage().setTimeouts({ script: 10_000, pageLoad: 30_000 }));
    page = new Page(driver, engine);
    await within(30_000, "the console listener", () => page.listen());
    await within(90_000, "the test's steps", () => body(page));
  } catch (error) {
    const notes = [];
    if (page) {
      notes.push(`console: ${JSON.stringify(await page.messages().catch(() => "unavailable"), null, 1)}`);
      try {
        mkdirSync(SHOTS, { recursive: true });
        const file = `${SHOTS}/${engine.name}-${t.name.replace(/[^a-z0-9]+/gi, "-").slice(0, 60)}.png`;
        writeFileSync(file, await driver.takeScreenshot(), "base64");
        notes.push(`screenshot: ${file}`);
      } catch {
        // a dead session has no screenshot
      }
    } else {
      notes.push(`${engine.label} WebDriver server says:\n${engine.driverOutput()}`);
    }
    if (error instanceof Error) error.message = `[${engine.label}] ${error.message}\n${notes.join("\n")}`;
    throw error;
  } finally {
    // A browser that does not close in time is left to the engine's close(), which
    // stops the WebDriver server and every browser it started.
    await within(15_000, "the session to close", () => driver?.quit()).catch(() => {});
  }
}

/**
 * A new browser session, asked for again when one does not come: now and then (about one
 * session in 60 here) WebKitGTK's browser fails to open the virtual display ("cannot open
 * display") and WebKitWebDriver waits for it for ever. A session normally comes in about
 * a quarter of a second; one left waiting is ended by the engine's close().
 */
async function newSession(engine, attempts = 3) {
  // 15 s each: three attempts and a test's steps fit in its 120 s. (Checked by hand with a
  // wait shorter than a session takes: a second request is served while the first is
  // still pending.)
  const wait = 15_000;
  for (let attempt = 1; ; attempt++) {
    const asked = new Builder().usingServer(engine.url).withCapabilities(engine.capabilities()).build();
    try {
      return await within(wait, "a new browser session", () => asked);
    } catch (error) {
      // Should the late one come after all, close it rather than leave its browser open.
      asked.then((late) => late.quit()).catch(() => {});
      if (attempt >= attempts) throw error;
    }
  }
}

/** `step()`'s result, or an error naming `what` if it takes longer than `ms`. */
async function within(ms, what, step) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`waited ${ms / 1000} s for ${what}`)), ms);
  });
  try {
    return await Promise.race([step(), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Wraps console.error/warn and records uncaught errors, inside the page (WebKit's console). */
function recordConsole() {
  if (window.__engineMessages) return;
  const messages = (window.__engineMessages = []);
  for (const level of ["error", "warn"]) {
    const original = console[level].bind(console);
    console[level] = (...args) => {
      messages.push({ level, text: args.map(String).join(" ") });
      original(...args);
    };
  }
  addEventListener("error", (e) => messages.push({ level: "exception", text: String(e.error ?? e.message) }));
  addEventListener("unhandledrejection", (e) => messages.push({ level: "exception", text: String(e.reason) }));
}

/** One browser session on one page, with the widget's host element found by `host`. */
export class Page {
  constructor(driver, engine) {
    this.driver = driver;
    this.engine = engine;
    this.bidiLog = null;
  }

  /** Firefox: the page's console over WebDriver BiDi, from before the first script runs. */
  async listen() {
    const caps = await this.driver.getCapabilities();
    if (!caps.get("webSocketUrl")) return;
    this.bidiLog = [];
    const inspector = await LogInspector(this.driver);
    await inspector.onConsoleEntry((e) => this.bidiLog.push({ level: e.level === "warn" ? "warn" : e.level, text: e.text }));
    await inspector.onJavascriptException((e) => this.bidiLog.push({ level: "exception", text: e.text }));
  }

  /** Opens a page of the site origin ("pages/plain.html"). */
  async open(path) {
    await this.driver.get(this.engine.site.url + path);
    // WebKit has no BiDi: record from here on (messages written while the page loaded
    // are missed, those of the widget's work after the load event are kept).
    if (!this.bidiLog) await this.driver.executeScript(recordConsole);
  }

  /** Console errors, warnings and uncaught exceptions: [{ level, text }]. */
  async messages() {
    if (this.bidiLog) return this.bidiLog;
    return (await this.driver.executeScript("return window.__engineMessages || []")) ?? [];
  }

  async errors() {
    return (await this.messages()).filter((m) => m.level === "error" || m.level === "exception").map((m) => m.text);
  }

  /** Runs `fn(...args)` in the page and returns its result (elements come back as WebElements). */
  run(fn, ...args) {
    return this.driver.executeScript(`return (${fn}).apply(null, arguments)`, ...args);
  }

  /** Polls `fn(...args)` in the page until it returns something truthy; returns it. */
  async until(message, fn, ...args) {
    const timeout = 30_000;
    try {
      return await this.driver.wait(() => this.run(fn, ...args), timeout, undefined, 100);
    } catch (error) {
      if (error instanceof errors.TimeoutError) throw new Error(`waited ${timeout / 1000} s for ${message}`);
      throw error;
    }
  }

  /**
   * Clicks an element as a user would. WebKitWebDriver (WebKitGTK 2.50) refuses Element Click
   * on every element inside a shadow root with "element click intercepted", even with nothing
   * on top (its obscured check does not see into shadow roots; a light-DOM button on the same
   * page clicks fine). Then this checks itself that the element is the topmost at its centre,
   * looking through shadow roots, and clicks there with a pointer action: the same real mouse
   * events, without the broken check. Firefox takes the ordinary Element Click.
   */
  async click(element) {
    try {
      await element.click();
    } catch (error) {
      if (!(error instanceof errors.ElementClickInterceptedError)) throw error;
      const top = await this.run((el) => {
        el.scrollIntoView({ block: "center" });
        const box = el.getBoundingClientRect();
        const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
        let hit = document.elementFromPoint(x, y);
        while (hit?.shadowRoot) {
          const inner = hit.shadowRoot.elementFromPoint(x, y);
          if (!inner || inner === hit) break;
          hit = inner;
        }
        const ok = hit === el || el.contains(hit) || (hit?.tagName === "LABEL" && hit.control === el);
        return ok ? "" : hit ? `${hit.tagName}.${hit.className}` : "nothing";
      }, element);
      if (top) throw new Error(`click intercepted: ${top} is on top of the element`);
      await this.driver.actions().move({ origin: element }).click().perform();
    }
  }

  /** Presses keys on whatever has focus (real key events). */
  keys(...keys) {
    return this.driver.actions().sendKeys(...keys).perform();
  }
}

/** The widget in its host element's open shadow root. */
export class Finder {
  constructor(page, host = "[data-program-finder]") {
    this.page = page;
    this.host = host;
  }

  /** Runs `fn(root, ...args)` in the page, with the widget's shadow root (null until there is one). */
  inside(fn, ...args) {
    return this.page.run(
      `function (host, ...args) { host = document.querySelector(host); return (${fn})(host && host.shadowRoot, ...args); }`,
      this.host,
      ...args,
    );
  }

  until(message, fn, ...args) {
    return this.page.until(
      message,
      `function (host, ...args) { host = document.querySelector(host); return (${fn})(host && host.shadowRoot, ...args); }`,
      this.host,
      ...args,
    );
  }

  /** Waits until the catalogue has loaded: the count of programs is shown. */
  async loaded() {
    const outcome = await this.until(`${this.host} to show its programs`, (root) => {
      const count = root?.querySelector(".count");
      if (count && /\d/.test(count.textContent)) return { count: count.textContent.trim() };
      const alert = root?.querySelector(".load-error");
      return alert ? { failed: alert.textContent.trim() } : null;
    });
    if (outcome.failed) throw new Error(`${this.host} could not load its catalogue: ${outcome.failed}`);
    return this;
  }

  /** What the family sees: the count and the program ids on screen, in order. */
  state() {
    return this.inside((root) => ({
      count: root.querySelector(".count")?.textContent.trim() ?? null,
      ids: [...root.querySelectorAll("[data-program-id]")].filter((c) => c.getClientRects().length > 0).map((c) => c.dataset.programId),
    }));
  }

  /** Waits until `state()` has the ids (and count) wanted; returns it. */
  async shows(ids, count) {
    try {
      return await this.until(
        `the programs ${ids.join(", ")}${count ? ` and "${count}"` : ""}`,
        (root, ids, count) => {
          const shown = [...root.querySelectorAll("[data-program-id]")].filter((c) => c.getClientRects().length > 0).map((c) => c.dataset.programId);
          const text = root.querySelector(".count")?.textContent.trim();
          return shown.join() === ids.join() && (!count || text === count) ? { ids: shown, count: text } : null;
        },
        ids,
        count ?? null,
      );
    } catch (error) {
      const seen = await this.state();
      error.message += `; the widget shows ${JSON.stringify(seen.ids)} with "${seen.count}"`;
      throw error;
    }
  }

  /** The first element matching `selector` inside the widget (a WebElement), or fails. */
  async element(selector, what = selector) {
    const element = await this.inside((root, selector) => root.querySelector(selector), selector);
    if (!element) throw new Error(`no ${what} (${selector}) in ${this.host}`);
    return element;
  }

  /** A need's checkbox, by the label a family reads ("Housing"; its count aside). */
  async need(label) {
    const box = await this.inside(
      (root, label) => [...root.querySelectorAll(".chip input[type=checkbox]")].find((input) => input.closest("label").querySelector("span").textContent.trim() === label),
      label,
    );
    if (!box) throw new Error(`no need checkbox labelled "${label}"`);
    return box;
  }

  /** What has focus: the page's activeElement and, inside the widget, the shadow root's. */
  focus() {
    return this.inside((root) => {
      const inner = root.activeElement;
      return {
        page: document.activeElement === root.host ? "host" : document.activeElement?.tagName ?? null,
        inner: inner ? `${inner.tagName}${inner.id ? "#" + inner.id : ""}${inner.type ? "[" + inner.type + "]" : ""} ${(inner.value ?? "") || inner.textContent.trim().slice(0, 30)}`.trim() : null,
      };
    });
  }
}

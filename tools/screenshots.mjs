// Screenshots of the demo page at phone and desktop widths, for a person to look at.
// Usage: node tools/screenshots.mjs [out-dir]   (after `make dist`)
import { chromium } from "playwright-core";
import { startServer } from "../tests/e2e/server.mjs";

const out = process.argv[2] ?? "tests/e2e/screenshots";
const server = await startServer({ root: "dist" });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
for (const lang of ["en", "es"]) {
  for (const width of [320, 375, 768, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(server.url);
    const widget = page.locator("[data-program-finder]");
    await widget.locator(".count").waitFor();
    if (lang === "es") await widget.getByRole("button", { name: "Español" }).click();
    await widget.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${out}/demo-${lang}-${width}.png`, fullPage: false });
    await widget.getByRole("checkbox").first().check();
    await widget.locator(".card .more").first().click();
    await widget.locator(".card").first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${out}/demo-${lang}-${width}-details.png`, fullPage: false });
    await page.close();
  }
}
await browser.close();
server.close();
console.log(`screenshots in ${out}/`);

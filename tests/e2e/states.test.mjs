// axe-core (WCAG A/AA) in every state a family meets, in English and Spanish, on the
// narrowest phone (320 px) and a desktop (1280 px); and several widgets on one page.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, violations } from "./harness.mjs";

const WORDS = {
  en: { details: "More details", save: /^Save/, saved: "Saved programs", back: "Back to all programs", search: "Search programs" },
  es: { details: "Más detalles", save: /^Guardar/, saved: "Programas guardados", back: "Volver a todos los programas", search: "Buscar programas" },
};

describe("accessibility in every state", () => {
  const env = useBrowser();

  for (const lang of ["en", "es"]) {
    for (const width of [320, 1280]) {
      test(`${lang} at ${width} px: results, town list, details, empty result, saved list, empty saved list, shared list`, async () => {
        const words = WORDS[lang];
        const query = lang === "es" ? "?pf-lang=es" : "";
        const { page, messages } = await env.open(env.cdn.url + query, { width, height: 900 });
        const root = page.locator("[data-program-finder]");
        await root.locator(".count").filter({ hasText: /\d/ }).waitFor();
        assert.equal(await root.locator("section.finder").getAttribute("lang"), lang);
        const check = async (state) => assert.deepEqual(await violations(page), [], `${lang} ${width}px: ${state}`);

        await check("results");
        await root.getByRole("combobox").first().fill("Ha");
        await root.getByRole("listbox").waitFor();
        await check("town suggestions open");
        await root.getByRole("combobox").first().fill("");
        await root.getByRole("button", { name: words.details }).first().click();
        await root.locator(".details").first().waitFor();
        await check("details open");
        await root.getByRole("combobox", { name: words.search }).fill("zzzzqqqq");
        await root.locator("div.empty").waitFor();
        await check("empty result");
        await root.getByRole("combobox", { name: words.search }).fill("");

        await root.locator(".card").first().getByRole("button", { name: words.save }).click();
        await root.locator(".toolbar .tool").first().click();
        await root.getByRole("heading", { name: words.saved }).waitFor();
        await check("saved list");
        await root.locator(".card").first().locator(".save").click();
        await root.locator(".list-empty").waitFor();
        await check("empty saved list");
        await root.getByRole("button", { name: words.back }).click();
        await root.locator(".filters").waitFor();

        const ids = await root.locator("[data-program-id]").evaluateAll((cards) => cards.slice(0, 2).map((c) => c.dataset.programId));
        await page.goto(`${env.cdn.url}?pf-saved=${ids.join(",")},gone${lang === "es" ? "&pf-lang=es" : ""}`);
        await root.locator(".list-gone").waitFor();
        await check("shared list with a program gone");
        assert.deepEqual(messages.errors, []);
      });
    }

    test(`${lang}: three widgets on one page, each with its own landmarks`, async () => {
      const { page } = await env.open(env.site.url + "pages/three.html");
      await page.waitForFunction(() => {
        const hosts = [...document.querySelectorAll("*")].filter((el) => el.shadowRoot?.querySelector("section.finder"));
        return hosts.length === 3 && hosts.every((host) => host.shadowRoot.querySelector(".count"));
      });
      // Each widget has its own language switch; press the one of this run's language.
      for (const button of await page.locator(`section.finder .languages button[lang=${lang}]`).all()) {
        await button.click();
      }
      assert.equal(await page.locator(`section.finder[lang=${lang}]`).count(), 3);
      assert.deepEqual(await violations(page, "body"), [], "several widgets");
    });
  }
});

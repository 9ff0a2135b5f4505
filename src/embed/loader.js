/*
 * program-finder.js: the one script a host page includes.
 *
 *   <script src="https://cdn.example.org/program-finder/program-finder.js" defer></script>
 *   <div data-program-finder data-catalogue="/programs.json"></div>
 *
 * A classic script (not a module) so it can read its own address from
 * document.currentScript and load the rest (the versioned JS glue and the .wasm)
 * from the same folder, whatever origin that is. It adds nothing to the page's globals.
 * The build fills in the hashed file names of the JS glue and the .wasm below.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) {
    console.error("Program Finder: include program-finder.js with <script src=...>, not inline or as a module.");
    return;
  }
  var base = new URL(".", script.src).href;
  var FALLBACK = "The program finder could not start. For help finding programs, call 2-1-1.";

  var ready = import(base + "__GLUE__").then(function (glue) {
    return glue.default({ module_or_path: base + "__WASM__" }).then(function () {
      return glue;
    });
  });

  function start() {
    ready.then(
      function (glue) {
        glue.boot(base);
        // Host elements added later (a CMS that renders after load, a page that swaps
        // content) get a widget too. boot() skips elements that already have one.
        var queued = false;
        new MutationObserver(function () {
          if (queued) return;
          queued = true;
          requestAnimationFrame(function () {
            queued = false;
            glue.boot(base);
          });
        }).observe(document.documentElement, { childList: true, subtree: true });
      },
      function (error) {
        console.error("Program Finder could not load its code from " + base, error);
        // Never leave a blank box: say so in plain words where the widget would be.
        var hosts = document.querySelectorAll("[data-program-finder]");
        for (var i = 0; i < hosts.length; i++) {
          if (!hosts[i].shadowRoot && !hosts[i].textContent.trim()) {
            hosts[i].textContent = FALLBACK;
          }
        }
      }
    );
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start, { once: true });
  } else {
    start();
  }
})();

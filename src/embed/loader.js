/*
 * program-finder.js: the one script a host page includes.
 *
 *   <script src="https://cdn.example.org/program-finder/program-finder.js" defer></script>
 *
 * Three ways in, one behaviour (EMBEDDING.md has every option, event and part):
 *
 *   <div data-program-finder data-catalogue="/programs.json" data-need="food"></div>
 *   <program-finder catalogue="/programs.json" need="food" town="Hartford"></program-finder>
 *   const finder = ProgramFinder.mount(element, { catalogue: "/programs.json" });
 *   finder.update({ need: "housing" });  finder.destroy();
 *
 * A classic script (not a module) so it can read its own address from
 * document.currentScript and load the .wasm from the same folder, whatever origin that
 * is. The only global it adds is `ProgramFinder` (and the `program-finder` element name).
 *
 * Everything starts at once, because on a phone each wait adds up: the moment this
 * script runs it starts the module's download and streaming compile, paints each
 * widget's frame (shadow root, stylesheet, heading, loading line), and starts each
 * widget's catalogue request. The module then takes over the frame in one task.
 *
 * The build (tools/write-loader.mjs) fills in the hashed .wasm name, the wasm-bindgen
 * glue (inlined: one request fewer before the module's download can start), the
 * stylesheet and the frame's words in every language.
 */
(function () {
  "use strict";
  if (window.ProgramFinder) return; // included twice: the first copy does the work
  var script = document.currentScript;
  if (!script || !script.src) {
    console.error("Program Finder: include program-finder.js with <script src=...>, not inline or as a module.");
    return;
  }
  var base = new URL(".", script.src).href;
  /** Written into the host element when the widget cannot start there at all. */
  var FALLBACK = {
    en: "The program finder could not start. For help finding programs, call 2-1-1.",
    es: "El buscador de programas no pudo iniciarse. Para encontrar programas, llame al 2-1-1.",
  };
  /** Shown in every widget if the module stops (a Rust panic aborts it): never a frozen box. */
  var STOPPED = {
    en: ["Something went wrong in the program finder.", "Reload the page to try again. For help finding programs now, call 2-1-1."],
    es: ["Algo falló en el buscador de programas.", "Vuelva a cargar la página. Para encontrar programas ahora, llame al 2-1-1."],
  };
  /** The heading and loading line of the frame, per language (from locales/*.json). */
  var WORDS = __WORDS__;
  /** style/finder.css without its comments. */
  var CSS = __CSS__;
  var HOSTS = "[data-program-finder]";
  /** The catalogue shown when a page names none, next to this script. */
  var SAMPLE = "sample-catalogue.json";
  /** Attributes of <program-finder> that change the widget (the same names as data-*). */
  var OPTIONS = ["catalogue", "need", "town", "age", "q", "lang", "lock-need", "lock-town", "hide", "towns",
    "page-size", "url-state", "debug", "timeout"];

  // The wasm-bindgen glue (--target no-modules), inlined by the build. It defines
  // `wasm_bindgen` in this function's scope only.
  /*__GLUE__*/

  // The module's download and compile start now (streaming: it compiles as it arrives).
  var ready = wasm_bindgen({ module_or_path: fetch(base + "__WASM__") }).then(function () {
    return wasm_bindgen;
  });
  var failed = false;
  ready.catch(function (error) {
    failed = true;
    console.error("Program Finder could not load its code from " + base, error);
  });

  /**
   * One stylesheet for every widget: constructed where the browser can (shared, and
   * allowed under a strict style-src), else the CSS text for a <style> element.
   */
  var styles = CSS;
  try {
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    styles = sheet;
  } catch (error) {
    // A browser from before 2023: <style> elements instead.
  }

  /** The language of a widget's words: its option, else the page's, else English. */
  function languageOf(options) {
    var code = options && options.lang;
    // The family's language from a shared link or before a reload (pf-lang), where the
    // widget keeps its choices in the address: as the module decides (src/embed/mod.rs).
    var state = String(options && options["url-state"] !== undefined ? options["url-state"] : "");
    var keepsAddress = state === "off" || state === "false" ? false : state !== "" || widgetCount() <= 1;
    if (!code && keepsAddress && window.URLSearchParams) code = new URLSearchParams(location.search).get("pf-lang");
    if (!code || !WORDS[String(code).slice(0, 2).toLowerCase()]) code = document.documentElement.lang || "en";
    code = String(code).slice(0, 2).toLowerCase();
    return WORDS[code] ? code : "en";
  }

  /**
   * Paints the widget's frame in `element`'s shadow root: what the module renders first
   * (heading, loading line), busy for screen readers, at the height it will need.
   * Throws where the element cannot hold a shadow root (<li>, <td>: see EMBEDDING.md).
   */
  function paintFrame(element, options, onLanguage) {
    var lang = languageOf(options);
    var shadow = element.shadowRoot || element.attachShadow({ mode: "open" });
    var make = function (tag, className, text) {
      var node = document.createElement(tag);
      node.className = className;
      if (text) node.textContent = text;
      return node;
    };
    var section = make("section", "finder");
    section.setAttribute("part", "finder");
    section.setAttribute("aria-labelledby", "pf-heading");
    section.setAttribute("aria-busy", "true");
    section.setAttribute("lang", lang);
    var top = make("div", "top");
    var heading = make("h2", "heading", WORDS[lang].heading);
    heading.id = "pf-heading";
    top.appendChild(heading);
    // The language switch, as the module draws it (same size, so nothing moves), and
    // working already: a family may choose before the module arrives.
    if (String(options.hide || "").split(",").map(trim).indexOf("languages") < 0) {
      var switcher = make("div", "languages");
      switcher.setAttribute("role", "group");
      switcher.setAttribute("aria-label", WORDS[lang].language_switch);
      Object.keys(WORDS).forEach(function (code) {
        var button = make("button", "language", WORDS[code].language_name);
        button.type = "button";
        button.setAttribute("lang", code);
        button.setAttribute("aria-pressed", String(code === lang));
        button.addEventListener("click", function () {
          onLanguage(code);
        });
        switcher.appendChild(button);
      });
      top.appendChild(switcher);
    }
    var loading = make("p", "loading", WORDS[lang].loading);
    loading.setAttribute("role", "status");
    section.appendChild(top);
    section.appendChild(loading);
    var root = make("div", "root");
    root.appendChild(section);
    if (typeof styles === "string") {
      shadow.replaceChildren(make("style", "", styles), root);
    } else {
      shadow.adoptedStyleSheets = [styles];
      shadow.replaceChildren(root);
    }
  }

  function trim(text) {
    return text.trim();
  }

  /**
   * Starts the catalogue request for a widget with `options` now, rather than after the
   * module has loaded. The module reads the response exactly as one it asked for itself
   * (src/ui/load.rs: timeout, retries, the last good copy, pf-error), and ignores it if
   * it resolves the address differently.
   */
  function requestCatalogue(options) {
    var url;
    try {
      url = options.catalogue ? new URL(options.catalogue, document.baseURI).href : new URL(SAMPLE, base).href;
    } catch (error) {
      return undefined; // the module reports the bad address
    }
    var controller = window.AbortController ? new AbortController() : null;
    var response = fetch(url, { cache: "no-cache", signal: controller ? controller.signal : undefined });
    response.catch(function () {}); // failures are the module's to report
    return { url: url, response: response, controller: controller };
  }

  /** Every widget mounted, by host element. */
  var widgets = new Map();

  function widgetCount() {
    return document.querySelectorAll(HOSTS + ", program-finder").length;
  }

  /** Options as [name, value, ...]: what the wasm side reads (src/host_options.rs). */
  function pairsOf(options) {
    var pairs = [];
    Object.keys(options || {}).forEach(function (name) {
      var value = options[name];
      if (value === undefined || value === null) return;
      pairs.push(name, Array.isArray(value) ? value.join(",") : String(value));
    });
    return pairs;
  }

  /** The options among an element's attributes: data-* ones, or those named in OPTIONS. */
  function attributesOf(element, prefix) {
    var options = {};
    for (var i = 0; i < element.attributes.length; i++) {
      var name = element.attributes[i].name;
      if (prefix ? name.indexOf(prefix) === 0 : OPTIONS.indexOf(name) >= 0) {
        options[name.slice(prefix.length)] = element.attributes[i].value;
      }
    }
    return options;
  }

  /**
   * Mounts a widget in `element`. Returns a handle at once; the widget appears when the
   * code has loaded (`handle.ready` is a promise of the handle).
   */
  function mount(element, options) {
    if (!(element instanceof Element)) throw new TypeError("ProgramFinder.mount: the first argument must be an element");
    var existing = widgets.get(element);
    if (existing) {
      existing.update(options);
      return existing;
    }
    var current = Object.assign({}, options);
    var widget = null;
    var destroyed = false;
    /** The catalogue request started for it, until the module takes it. */
    var early;
    var handle = {
      element: element,
      /** Changes options; those not named keep their value (null removes one). */
      update: function (changes) {
        current = Object.assign({}, current, changes);
        if (widget) widget.update(pairsOf(current));
        return handle;
      },
      /** Replaces every option (what an element's attributes do). */
      replace: function (options) {
        current = Object.assign({}, options);
        if (widget) widget.update(pairsOf(current));
        return handle;
      },
      /** Removes the widget, its listeners and its timers. */
      destroy: function () {
        destroyed = true;
        widgets.delete(element);
        if (early && early.controller) early.controller.abort();
        early = undefined;
        if (!widget && element.shadowRoot) {
          // Taken away before the module arrived: the frame goes too.
          element.shadowRoot.replaceChildren();
          element.shadowRoot.adoptedStyleSheets = [];
        }
        if (widget) {
          try {
            widget.destroy();
            widget.free();
          } catch (error) {
            // The module has stopped (see `stopped`): nothing of it runs any more.
            if (element.shadowRoot) element.shadowRoot.replaceChildren();
          }
          widget = null;
        }
      },
      /** The language the widget was asked for, for messages shown from here. */
      lang: function () {
        return languageOf(current);
      },
    };
    widgets.set(element, handle);
    /** Never a blank box: plain words where the widget would be, in its language. */
    function fallback() {
      var words = FALLBACK[handle.lang()] || FALLBACK.en;
      if (element.shadowRoot) showMessage(element.shadowRoot, [words]);
      else if (!element.textContent.trim()) element.textContent = words;
    }
    /** Paints the frame again in the language a family chose before the module came. */
    function chooseLanguage(code) {
      current = Object.assign({}, current, { lang: code });
      if (!widget && !destroyed) paintFrame(element, current, chooseLanguage);
      var button = element.shadowRoot && element.shadowRoot.querySelector('.language[lang="' + code + '"]');
      if (button) button.focus();
    }
    try {
      paintFrame(element, current, chooseLanguage);
    } catch (error) {
      // An element that cannot hold a shadow root (<li>, <td>, <a>: see EMBEDDING.md).
      console.error("Program Finder could not start in this element:", element, error);
      fallback();
      handle.ready = Promise.reject(error);
      handle.ready.catch(function () {});
      return handle;
    }
    early = requestCatalogue(current);
    handle.ready = ready.then(
      function (glue) {
        if (destroyed) return handle;
        try {
          var options = pairsOf(current);
          var single = Math.max(widgetCount(), widgets.size) <= 1;
          // A family's focus on the frame's language switch stays on it.
          var focused = element.shadowRoot && element.shadowRoot.activeElement;
          var focusedLang = focused && focused.classList.contains("language") ? focused.getAttribute("lang") : null;
          widget = glue.mount(element, options, base, single, styles, early);
          early = undefined;
          var again = focusedLang && element.shadowRoot.querySelector('.language[lang="' + focusedLang + '"]');
          if (again) again.focus();
        } catch (error) {
          // Such as the module stopping while it mounts.
          console.error("Program Finder could not start in this element:", element, error);
          if (error instanceof WebAssembly.RuntimeError) stopped(error);
          else fallback();
          throw error;
        }
        return handle;
      },
      function (error) {
        if (!destroyed) fallback();
        throw error;
      }
    );
    handle.ready.catch(function () {});
    return handle;
  }

  /**
   * The wasm module stopped: a Rust panic aborts it, and the browser reports a
   * WebAssembly.RuntimeError ("unreachable"). Every widget would be frozen; each shows a
   * plain message with 2-1-1 instead, in its own shadow root with its own styles.
   */
  function stopped(error) {
    if (!(error instanceof WebAssembly.RuntimeError)) return;
    failed = true;
    widgets.forEach(function (handle, element) {
      var words = STOPPED[handle.lang()] || STOPPED.en;
      if (element.shadowRoot) showMessage(element.shadowRoot, words);
      else element.textContent = words.join(" ");
    });
  }

  /** A plain message in a widget's box, with its styles: the first line as its title. */
  function showMessage(shadow, lines) {
    var box = document.createElement("div");
    box.className = "load-error";
    box.setAttribute("role", "alert");
    lines.forEach(function (text, i) {
      var p = document.createElement("p");
      if (i === 0 && lines.length > 1) p.className = "load-error-title";
      p.textContent = text;
      box.appendChild(p);
    });
    var root = document.createElement("div");
    root.className = "root";
    root.appendChild(box);
    shadow.replaceChildren(root);
    if (typeof styles === "string") shadow.prepend(Object.assign(document.createElement("style"), { textContent: styles }));
    else shadow.adoptedStyleSheets = [styles];
  }
  window.addEventListener("error", function (event) {
    stopped(event.error);
  });
  window.addEventListener("unhandledrejection", function (event) {
    stopped(event.reason);
  });

  /** Mounts every <div data-program-finder> without a widget; drops those removed. */
  function scan() {
    var hosts = document.querySelectorAll(HOSTS);
    for (var i = 0; i < hosts.length; i++) {
      if (!widgets.has(hosts[i])) mount(hosts[i], attributesOf(hosts[i], "data-"));
    }
    widgets.forEach(function (handle, element) {
      if (!element.isConnected && element.localName !== "program-finder") handle.destroy();
    });
  }

  if (window.customElements && !customElements.get("program-finder")) {
    /** Instances' handles; kept here rather than as properties on the elements. */
    var elements = new WeakMap();
    var ProgramFinderElement = class extends HTMLElement {
      static get observedAttributes() {
        return OPTIONS;
      }
      connectedCallback() {
        if (!elements.has(this)) elements.set(this, mount(this, attributesOf(this, "")));
      }
      disconnectedCallback() {
        var handle = elements.get(this);
        elements.delete(this);
        if (handle) handle.destroy();
      }
      attributeChangedCallback() {
        var handle = elements.get(this);
        if (!handle || handle.queued) return;
        // Several attributes set in one go become one update.
        handle.queued = true;
        var element = this;
        queueMicrotask(function () {
          handle.queued = false;
          if (elements.get(element) === handle) handle.replace(attributesOf(element, ""));
        });
      }
    };
    customElements.define("program-finder", ProgramFinderElement);
  }

  Object.defineProperty(window, "ProgramFinder", {
    value: Object.freeze({
      mount: mount,
      /** The handle of the widget in `element`, if any. */
      get: function (element) {
        return widgets.get(element) || null;
      },
    }),
    configurable: true,
  });

  function start() {
    scan();
    // Host elements added later (a CMS that renders after load, a page that swaps
    // content) get a widget too, and those taken out lose theirs.
    var queued = false;
    new MutationObserver(function () {
      if (queued || failed) return;
      queued = true;
      requestAnimationFrame(function () {
        queued = false;
        scan();
      });
    }).observe(document.documentElement, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start, { once: true });
  } else {
    start();
  }
})();

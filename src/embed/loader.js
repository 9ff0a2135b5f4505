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
 * document.currentScript and load the rest (the versioned JS glue and the .wasm) from
 * the same folder, whatever origin that is. The only global it adds is `ProgramFinder`
 * (and the `program-finder` element name). The build fills in the hashed file names.
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
  var HOSTS = "[data-program-finder]";
  /** Attributes of <program-finder> that change the widget (the same names as data-*). */
  var OPTIONS = ["catalogue", "need", "town", "age", "q", "lang", "lock-need", "lock-town", "hide", "towns",
    "page-size", "url-state", "debug", "timeout"];

  var ready = import(base + "__GLUE__").then(function (glue) {
    return glue.default({ module_or_path: base + "__WASM__" }).then(function () {
      return glue;
    });
  });
  var failed = false;
  ready.catch(function (error) {
    failed = true;
    console.error("Program Finder could not load its code from " + base, error);
  });

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
        return String(current.lang || document.documentElement.lang || "en").slice(0, 2).toLowerCase();
      },
    };
    widgets.set(element, handle);
    /** Never a blank box: plain words where the widget would be, in its language. */
    function fallback() {
      var words = FALLBACK[handle.lang()] || FALLBACK.en;
      if (element.shadowRoot) element.shadowRoot.replaceChildren(document.createTextNode(words));
      else if (!element.textContent.trim()) element.textContent = words;
    }
    handle.ready = ready.then(
      function (glue) {
        if (destroyed) return handle;
        try {
          widget = glue.mount(element, pairsOf(current), base, Math.max(widgetCount(), widgets.size) <= 1);
        } catch (error) {
          // Such as an element that cannot hold a shadow root (<li>, <td>, <a>: see
          // EMBEDDING.md), or the module stopping while it mounts.
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
      var box = document.createElement("div");
      box.className = "load-error";
      box.setAttribute("role", "alert");
      words.forEach(function (text, i) {
        var p = document.createElement("p");
        if (i === 0) p.className = "load-error-title";
        p.textContent = text;
        box.appendChild(p);
      });
      var root = document.createElement("div");
      root.className = "root";
      root.appendChild(box);
      if (element.shadowRoot) element.shadowRoot.replaceChildren(root);
      else element.textContent = words.join(" ");
    });
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

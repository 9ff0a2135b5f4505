// The third way in: the JS API, once program-finder.js has run (both are deferred).
window.apiFinder = ProgramFinder.mount(document.getElementById("by-api"), {
  catalogue: "../fixtures/one-bad-program.json",
  towns: ["Hartford"],
  pageSize: 5,
});

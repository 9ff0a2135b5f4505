// The third way in, and listening to the widgets' events (nothing is sent anywhere).
ProgramFinder.mount(document.getElementById("api-finder"), {
  lang: "es",
  town: "New Britain",
  pageSize: 5,
  urlState: "off",
});
const log = document.querySelector(".events");
for (const name of ["pf-search", "pf-open-program", "pf-call", "pf-error"]) {
  document.addEventListener(name, (event) => {
    log.textContent = `${name}: ${JSON.stringify(event.detail)}`;
  });
}

// Starts the checker module on check.html (a module script: the checker page is for
// staff and is served next to the widget files, so it can use a plain relative import).
import init from "./program-finder-checker.js";
init();

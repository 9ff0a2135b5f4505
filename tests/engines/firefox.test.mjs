// The smoke tests in Firefox (Debian's firefox-esr, headless, through geckodriver).
import { smoke } from "./smoke.mjs";

smoke("firefox");

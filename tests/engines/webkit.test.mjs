// The smoke tests in WebKit (WebKitGTK's MiniBrowser through WebKitWebDriver, on Xvfb).
import { smoke } from "./smoke.mjs";

smoke("webkit");

// zod, set up once for code that may run in the browser: import z from here, not from "zod" (ESLint enforces it).
// In browsers zod would probe for eval with `new Function("")` before compiling its fast object parsers; the CSP
// refuses eval, and Chromium reports the refused probe as a violation even though zod catches it. Servers have no
// such policy and keep the faster compiled parsers.
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });

export { z };

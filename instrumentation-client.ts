// Runs in the browser before any of the app's code (Next.js convention).
import { z } from "zod";

// Zod compiles fast parsers with `new Function` unless told not to; under our Content-Security-Policy
// (no 'unsafe-eval', proxy.ts) its probe for eval is refused and reported as a CSP violation on
// every page with a form. The interpreted parsers are as correct, and fast enough for forms.
z.config({ jitless: true });

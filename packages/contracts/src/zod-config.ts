import { config } from 'zod';

// In a browser GoldDesk runs under a CSP without 'unsafe-eval': zod's probe for compiling parsers with `new Function`
// would be reported there as a violation, and the front ends parse little. It runs before any schema is built (index.ts
// imports it first), whatever chunk a bundler puts the schemas in. The server keeps the compiled parsers.
if (typeof document !== 'undefined') config({ jitless: true });

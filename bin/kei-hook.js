#!/usr/bin/env node
// Kept for set-ups written before bin/kei-hook.cjs existed; both run the same hook.
import { main } from '../dist/hooks/main.js';

await main();

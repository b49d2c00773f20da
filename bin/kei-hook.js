#!/usr/bin/env node
import { main } from '../dist/hooks/main.js';

await main();

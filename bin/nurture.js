#!/usr/bin/env node
import { main } from '../dist/infrastructure/cli/main.js';

process.exitCode = await main(process.argv.slice(2));

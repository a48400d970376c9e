#!/usr/bin/env node
// Thin launcher: the CLI itself is compiled TypeScript in lib/.
import { main } from "../lib/cli/main.js";

process.exitCode = await main(process.argv.slice(2));

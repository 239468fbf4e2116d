#!/usr/bin/env node
// Entry point of the `cyberdiplo` command: runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/main.ts');
process.exitCode = await run(process.argv.slice(2));

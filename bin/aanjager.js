#!/usr/bin/env node
// The `aanjager` command: runs src/cli.ts through tsx (no separate compile step for the CLI).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');

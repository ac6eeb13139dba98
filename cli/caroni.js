#!/usr/bin/env node
// The `caroni` command. Caroni is TypeScript run through tsx, so `npx caroni`
// works straight after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');

// The workflow bundle's entry: every workflow type the manager's worker runs.
export { interpreter } from './interpreter.ts';

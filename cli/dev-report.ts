import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { devTokensFile, type DevTokens } from './api-client.ts';
import type { Federation } from './federation.ts';

/** Where `caroni dev` lists every site's and agent's URLs and tokens. */
export function devFederationFile(dataDir: string): string {
  return path.join(dataDir, 'dev-federation.json');
}

/** The content of `dev-federation.json`. */
export interface DevFederationReport {
  sites: {
    id: string;
    namespace: string;
    api: string;
    temporalWeb: string;
    tokens: DevTokens;
  }[];
  agents: { id: string; api: string; adminToken: string }[];
}

/** Where each site and agent of a running federation is reached, and with which tokens. */
export function describeFederation(
  federation: Federation,
  temporalWebUrl: string,
): DevFederationReport {
  return {
    sites: federation.sites.map(({ config, api, tokens }) => ({
      id: config.manager.id,
      namespace: config.manager.namespace,
      api: `http://127.0.0.1:${api.port}`,
      temporalWeb: `${temporalWebUrl}/namespaces/${config.manager.namespace}/workflows`,
      tokens,
    })),
    agents: federation.agents.map(({ config, agent, adminToken }) => ({
      id: config.agent.id,
      api: `http://127.0.0.1:${agent.apiPort}`,
      adminToken,
    })),
  };
}

/**
 * Writes the first site's tokens to `dev-tokens.json` (where the CLI looks
 * when given no token) and the whole report to `dev-federation.json`, both
 * readable by this user only: they hold admin tokens.
 */
export async function writeDevFiles(dataDir: string, report: DevFederationReport): Promise<void> {
  const first = report.sites[0];
  if (first)
    await writeFile(devTokensFile(dataDir), `${JSON.stringify(first.tokens)}\n`, { mode: 0o600 });
  await writeFile(devFederationFile(dataDir), `${JSON.stringify(report, null, 2)}\n`, {
    mode: 0o600,
  });
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

const submitHint = `npx caroni submit example --input '{"text":"the quick brown fox"}' --wait`;

/** What `caroni dev` prints on stderr once everything runs. */
export function devBanner(report: DevFederationReport, dataDir: string): string {
  const [site] = report.sites;
  const [agent] = report.agents;
  if (report.sites.length === 1 && report.agents.length === 1 && site && agent) {
    return (
      `\nCaroni is running.\n  API:          ${site.api} (reference: ${site.api}/docs)\n  Agent API:    ${agent.api} (caroni agent status, caroni trust list managers)\n  Temporal Web: ${site.temporalWeb}\n` +
      `  Admin token:  ${site.tokens.admin}\n  Site token:   ${site.tokens.site}\n` +
      `  Submit:       ${submitHint}\n\n`
    );
  }
  const sites = report.sites.map(
    (s) =>
      `  Site ${s.id} (namespace ${s.namespace})\n    API:          ${s.api} (reference: ${s.api}/docs)\n    Temporal Web: ${s.temporalWeb}\n    Admin token:  ${s.tokens.admin}\n    Site token:   ${s.tokens.site}\n`,
  );
  const agents = report.agents.map(
    (a) => `  Agent ${a.id}\n    Agent API:    ${a.api} (admin token: ${a.adminToken})\n`,
  );
  return (
    `\nCaroni is running: ${count(report.sites.length, 'site')}, ${count(report.agents.length, 'agent')} (all of it in ${devFederationFile(dataDir)}).\n` +
    sites.join('') +
    agents.join('') +
    `  Submit:         ${submitHint} (first site; --api and --token for another)\n\n`
  );
}

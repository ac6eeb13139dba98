import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../common/paths.ts';

/** The parts of V8's `.cpuprofile` (Profiler.stop) the summary reads. */
interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  /** Microseconds since the previous sample; the first is since the start. */
  timeDeltas: number[];
}

/** Where one process spent its CPU, from a sampled profile. */
export interface ProfileSummary {
  /** Sampled time the process was busy (not idle), ms. */
  activeMs: number;
  /** Busy time by category (see {@link categoryOf}), ms. */
  categories: Record<string, number>;
  /** Share of busy time under a `node:crypto` call (signing, verifying, hashing). */
  cryptoShare: number;
  /** Functions with the most self time. */
  top: { fn: string; where: string; selfMs: number; share: number }[];
}

type Frame = CpuProfile['nodes'][number]['callFrame'];

const libraries: [string, RegExp][] = [
  ['protobuf', /\/(protobufjs|@protobufjs)\/|\/proto\/generated\//],
  ['amqplib', /\/node_modules\/(amqplib|buffer-more-ints|@acuminous)\//],
  ['postgres', /\/node_modules\/postgres\//],
  ['temporal-sdk', /\/node_modules\/@temporalio\//],
  ['grpc', /\/node_modules\/@grpc\//],
  ['pino', /\/node_modules\/(pino|pino-std-serializers|sonic-boom|thread-stream)\//],
  ['zod/ajv', /\/node_modules\/(zod|ajv)\//],
];

function libraryOf(frame: Frame): string | undefined {
  const { url } = frame;
  if (!url || url.startsWith('node:')) return undefined;
  for (const [name, pattern] of libraries) if (pattern.test(url)) return name;
  if (url.includes('/node_modules/')) return 'other libraries';
  return 'caroni';
}

/**
 * A sample's category: `crypto` when any frame on its stack is in
 * `node:internal/crypto`; else the library of the innermost frame that is
 * not Node's own (so `Buffer.from` called by amqplib counts as amqplib);
 * else `node` (timers, sockets, streams). V8's own entries keep their
 * names: `(garbage collector)`, `(program)` (native code outside JS).
 */
function categoryOf(stack: Frame[]): string {
  const leaf = stack[0];
  if (leaf && /^\((garbage collector|program)\)$/.test(leaf.functionName)) return leaf.functionName;
  if (stack.some((frame) => frame.url.startsWith('node:internal/crypto'))) return 'crypto';
  for (const frame of stack) {
    const library = libraryOf(frame);
    if (library) return library;
  }
  return 'node';
}

function where(frame: Frame): string {
  if (!frame.url) return '(native)';
  const file = frame.url.startsWith('file://') ? new URL(frame.url).pathname : frame.url;
  const shown = file.startsWith(projectRoot) ? path.relative(projectRoot, file) : file;
  // tsx compiles TypeScript without telling V8 the source lines: a .ts line number would mislead.
  return shown.endsWith('.ts') ? shown : `${shown}:${frame.lineNumber + 1}`;
}

/**
 * Reads a `.cpuprofile` and attributes every sample.
 *
 * @throws when the file is missing or not a V8 CPU profile.
 */
export async function summarizeProfile(file: string, topCount = 12): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  if (!Array.isArray(profile.nodes) || !Array.isArray(profile.samples))
    throw new Error(`${file} is not a V8 CPU profile`);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const categoryCache = new Map<number, string>();
  const category = (id: number): string => {
    const cached = categoryCache.get(id);
    if (cached) return cached;
    const stack: Frame[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (node) stack.push(node.callFrame);
    }
    const found = categoryOf(stack);
    categoryCache.set(id, found);
    return found;
  };

  const selfUs = new Map<number, number>();
  const categoriesUs: Record<string, number> = {};
  let activeUs = 0;
  for (const [index, id] of profile.samples.entries()) {
    // A sample's time is the gap to the next one (the last sample gets the previous gap).
    const us = profile.timeDeltas[index + 1] ?? profile.timeDeltas[index] ?? 0;
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)') continue;
    activeUs += us;
    selfUs.set(id, (selfUs.get(id) ?? 0) + us);
    const name = category(id);
    categoriesUs[name] = (categoriesUs[name] ?? 0) + us;
  }

  const byFunction = new Map<string, { fn: string; where: string; us: number }>();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const fn = frame.functionName || '(anonymous)';
    const key = `${fn} ${where(frame)}`;
    const entry = byFunction.get(key) ?? { fn, where: where(frame), us: 0 };
    entry.us += us;
    byFunction.set(key, entry);
  }
  const top = [...byFunction.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, topCount)
    .map((entry) => ({
      fn: entry.fn,
      where: entry.where,
      selfMs: entry.us / 1_000,
      share: activeUs > 0 ? entry.us / activeUs : 0,
    }));
  const categories = Object.fromEntries(
    Object.entries(categoriesUs)
      .sort(([, a], [, b]) => b - a)
      .map(([name, us]) => [name, us / 1_000]),
  );
  return {
    activeMs: activeUs / 1_000,
    categories,
    cryptoShare: activeUs > 0 ? (categoriesUs.crypto ?? 0) / activeUs : 0,
    top,
  };
}

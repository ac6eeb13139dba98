import { parseExpression, references } from '../workflows/expression.ts';
import { templateExpressions, unwrapExpression } from '../workflows/template.ts';
import { isJobStep, isWaitStep, isWorkflowStep, type Definition } from '../workflows/definition.ts';
import type { Json } from './json.ts';

/** A problem found in an expression, at a path not yet formatted. */
export interface ExpressionIssue {
  at: (string | number)[];
  message: string;
}

/** Where an expression sits decides what it may refer to. */
interface Place {
  /** `when`/`forEach` run once before the step, `body` per item, `output` after it, `definition` at the end. */
  role: 'when' | 'forEach' | 'body' | 'output' | 'definition';
  /** The step's id (none for the definition output). */
  step?: string;
  forEach: boolean;
  /** Steps this one runs after, transitively; every step for the definition output. */
  visible: ReadonlySet<string>;
  all: ReadonlySet<string>;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function pathText(path: string[]): string {
  return path
    .map((part, i) => {
      if (/^\d+$/.test(part)) return `[${part}]`;
      if (IDENTIFIER.test(part)) return i === 0 ? part : `.${part}`;
      return `[${JSON.stringify(part)}]`;
    })
    .join('');
}

function stepProblem(id: string, field: string | undefined, place: Place): string | undefined {
  if (!place.all.has(id)) {
    // A hyphen is subtraction in an expression: `steps.make-thumbs` reads `steps.make - thumbs`.
    const hyphenated = [...place.all].find((known) => known.startsWith(`${id}-`));
    const hint = hyphenated ? `; for an id with "-" write steps["${hyphenated}"]` : '';
    return `there is no step "${id}"${hint}`;
  }
  if (!place.visible.has(id)) {
    if (id === place.step) {
      return place.role === 'output'
        ? 'a step reads its own output as "result" in its output mapping'
        : 'a step cannot read its own output or status';
    }
    return `step "${place.step}" does not run after "${id}", so it may not have finished: add "${id}" to after (directly or through another step)`;
  }
  if (field !== undefined && field !== 'output' && field !== 'status')
    return `a step has only "output" and "status", not "${field}"`;
  return undefined;
}

function problem(path: string[], place: Place): string | undefined {
  const [root, id, field] = path;
  switch (root) {
    case 'input':
      return undefined;
    case 'steps':
      if (id !== undefined) return stepProblem(id, field, place);
      return place.role === 'definition'
        ? undefined
        : 'name one step, as in steps.<id>.output: "steps" as a whole is only in scope in the definition output';
    case 'item':
    case 'index':
      if (place.role === 'body' && place.forEach) return undefined;
      if (!place.forEach) return `"${root}" is only in scope in a step with forEach`;
      if (place.role === 'forEach')
        return `"${root}" is what forEach produces; it is not in scope in forEach itself`;
      return `"${root}" is in scope only in params, wait and workflow input of a forEach step, not in its ${place.role}`;
    case 'result':
      return place.role === 'output'
        ? undefined
        : '"result" (a step\'s own raw output) is only in scope in that step\'s output mapping';
    default: {
      const names = ['input', 'steps'];
      if (place.role === 'body' && place.forEach) names.push('item', 'index');
      if (place.role === 'output') names.push('result');
      return `unknown name "${root}"; in scope here: ${names.join(', ')}`;
    }
  }
}

function check(text: string, at: (string | number)[], place: Place, issues: ExpressionIssue[]) {
  let expr;
  try {
    expr = parseExpression(text);
  } catch (error) {
    issues.push({
      at,
      message: `expression "${text}" does not parse: ${(error as Error).message}`,
    });
    return;
  }
  for (const path of references(expr)) {
    const why = problem(path, place);
    if (why) issues.push({ at, message: `"${pathText(path)}" in "${text}": ${why}` });
  }
}

/** Checks the templates in every string of `value`, reporting each at its own path. */
function checkTemplates(
  value: Json | undefined,
  at: (string | number)[],
  place: Place,
  issues: ExpressionIssue[],
): void {
  if (typeof value === 'string') {
    let texts: string[];
    try {
      texts = templateExpressions(value);
    } catch (error) {
      issues.push({ at, message: (error as Error).message });
      return;
    }
    for (const text of texts) check(text, at, place, issues);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => checkTemplates(item, [...at, i], place, issues));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value))
      checkTemplates(item, [...at, key], place, issues);
  }
}

/**
 * Checks that every expression of a definition parses and that each
 * reference resolves where it is used: `input.*` anywhere; `steps.<id>` only
 * for steps this step runs after (any step in the definition output);
 * `item`/`index` only per item of a forEach step; `result` only in a step's
 * output mapping.
 *
 * @param ancestors each step's transitive `after` set.
 */
export function checkExpressions(
  definition: Definition,
  ancestors: ReadonlyMap<string, ReadonlySet<string>>,
): ExpressionIssue[] {
  const issues: ExpressionIssue[] = [];
  const all = new Set(definition.steps.map((step) => step.id));
  definition.steps.forEach((step, i) => {
    const visible = ancestors.get(step.id) ?? new Set<string>();
    const base = { step: step.id, forEach: step.forEach !== undefined, visible, all };
    const at = (...path: (string | number)[]) => ['steps', i, ...path];
    if (step.when !== undefined)
      check(unwrapExpression(step.when), at('when'), { ...base, role: 'when' }, issues);
    if (step.forEach !== undefined)
      check(unwrapExpression(step.forEach), at('forEach'), { ...base, role: 'forEach' }, issues);
    const body: Place = { ...base, role: 'body' };
    if (isJobStep(step)) checkTemplates(step.params, at('params'), body, issues);
    if (isWaitStep(step)) checkTemplates(step.wait.signal, at('wait', 'signal'), body, issues);
    if (isWorkflowStep(step))
      checkTemplates(step.workflow.input, at('workflow', 'input'), body, issues);
    checkTemplates(step.output, at('output'), { ...base, role: 'output' }, issues);
  });
  const place: Place = { role: 'definition', forEach: false, visible: all, all };
  checkTemplates(definition.output, ['output'], place, issues);
  return issues;
}

import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { Child, FC, PropsWithChildren } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Json } from '../../common/json.ts';
import type { Principal } from '../../db/tokens.ts';

/** A link of the console's navigation bar. */
export interface NavLink {
  href: string;
  label: string;
  /** Shown to admin tokens only (the pages refuse others anyway). */
  adminOnly?: boolean;
}

/** What every page of one console shares: whose console it is and where it leads. */
export interface Shell {
  /** `manager example-site`, `agent example-agent`. */
  party: string;
  /** Where `/console` and a fresh sign-in lead. */
  home: string;
  nav: NavLink[];
}

/** Who is signed in, and the token their forms must carry. */
export interface Session {
  principal: Principal;
  csrf: string;
}

/** What the console's handlers see: the shell, and the session once signed in. */
export interface ConsoleEnv {
  Variables: { shell: Shell; session: Session | undefined };
}

/** Something to tell the user instead of what they asked for: what went wrong and where. */
export interface Problem {
  message: string;
  issues?: { path: string; message: string }[];
}

export interface PageOptions {
  title: string;
  status?: ContentfulStatusCode;
  problem?: Problem;
  notice?: string;
  /** Load `url` after `seconds` (a run that is still moving). */
  refresh?: { seconds: number; url: string };
}

/** The signed-in session. @throws Error on a page registered before the sign-in check (a wiring mistake). */
export function session(c: Context<ConsoleEnv>): Session {
  const current = c.get('session');
  if (!current) throw new Error(`${c.req.path} is served without a session`);
  return current;
}

/** The notice a redirect after a form asked for (`?notice=key`), from a fixed list: no text comes from the URL. */
export function noticeFrom(c: Context, notices: Record<string, string>): string | undefined {
  const key = c.req.query('notice');
  return key !== undefined && Object.hasOwn(notices, key) ? notices[key] : undefined;
}

const css = `
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d2330;background:#fafbfc}
header{background:#1d2a44;color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
header a{color:#dfe8ff}header a[aria-current=page]{color:#fff;font-weight:600;text-decoration:none}
header nav{flex:1}header ul{display:flex;gap:1rem;list-style:none;margin:0;padding:0}
header form{display:flex;gap:.5rem;align-items:center;margin:0}
main{padding:1rem 1.5rem;max-width:1150px}
h1{font-size:1.4rem;margin:.2rem 0 1rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
table{border-collapse:collapse;width:100%;background:#fff;margin:.5rem 0}
th,td{border:1px solid #d5dae3;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eef1f6}
pre{background:#f1f3f7;padding:.5rem;overflow:auto;max-height:24rem;margin:.2rem 0}
form.stack{display:grid;gap:.5rem;max-width:44rem;background:#fff;border:1px solid #d5dae3;padding:1rem}
form.inline{display:inline}
form.bar{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;background:#fff;border:1px solid #d5dae3;padding:.5rem 1rem}
.field{display:grid;gap:.15rem}
fieldset{border:1px solid #d5dae3}
label{font-weight:600}label span{font-weight:400;color:#555}
input,select,textarea,button{font:inherit}
textarea{font-family:ui-monospace,monospace;min-height:6rem}
button{cursor:pointer}
.problem{background:#fde8e8;border:1px solid #d33;padding:.5rem 1rem;margin-bottom:1rem}
.notice{background:#e5f6e8;border:1px solid #3a3;padding:.5rem 1rem;margin-bottom:1rem}
.muted{color:#667}
.status{font-weight:600}
dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}
`;

const Layout: FC<
  PropsWithChildren<PageOptions & { shell: Shell; session?: Session; path: string }>
> = (props) => {
  const { shell, session: signedIn, path } = props;
  const links = shell.nav.filter((link) => !link.adminOnly || signedIn?.principal.role === 'admin');
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {props.refresh && (
          <meta
            http-equiv="refresh"
            content={`${props.refresh.seconds}; url=${props.refresh.url}`}
          />
        )}
        <title>{`${props.title} · Caroni ${shell.party}`}</title>
        <style dangerouslySetInnerHTML={{ __html: css }} />
      </head>
      <body>
        <header>
          <strong>Caroni {shell.party}</strong>
          {signedIn && (
            <nav aria-label="Console">
              <ul>
                {links.map((link) => (
                  <li>
                    <a
                      href={link.href}
                      aria-current={
                        path === link.href || path.startsWith(`${link.href}/`) ? 'page' : undefined
                      }
                    >
                      {link.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {signedIn && (
            <PostForm action="/console/sign-out" csrf={signedIn.csrf}>
              <span>
                {signedIn.principal.name} ({signedIn.principal.role})
              </span>
              <button type="submit">Sign out</button>
            </PostForm>
          )}
        </header>
        <main>
          <h1>{props.title}</h1>
          {props.notice && (
            <p class="notice" role="status">
              {props.notice}
            </p>
          )}
          {props.problem && <ProblemBox problem={props.problem} />}
          {props.children}
        </main>
      </body>
    </html>
  );
};

const ProblemBox: FC<{ problem: Problem }> = ({ problem }) => (
  <div class="problem" role="alert">
    {problem.issues?.length ? (
      <>
        <p>Not done: fix these problems.</p>
        <ul>
          {problem.issues.map((issue) => (
            <li>
              <code>{issue.path || '(root)'}</code>: {issue.message}
            </li>
          ))}
        </ul>
      </>
    ) : (
      <p>{problem.message}</p>
    )}
  </div>
);

/** Renders a whole page of the console. */
export function render(
  c: Context<ConsoleEnv>,
  options: PageOptions,
  body?: Child,
): Response | Promise<Response> {
  const page = (
    <Layout {...options} shell={c.get('shell')} session={c.get('session')} path={c.req.path}>
      {body}
    </Layout>
  );
  return c.html(
    <>
      {raw('<!doctype html>')}
      {page}
    </>,
    options.status ?? 200,
  );
}

/** A POST form carrying the session's CSRF token. */
export const PostForm: FC<
  PropsWithChildren<{
    action: string;
    csrf: string;
    class?: string;
    enctype?: 'multipart/form-data';
    label?: string;
  }>
> = (props) => (
  <form
    method="post"
    action={props.action}
    class={props.class ?? 'inline'}
    enctype={props.enctype}
    aria-label={props.label}
  >
    <input type="hidden" name="csrf" value={props.csrf} />
    {props.children}
  </form>
);

/** A one-button form: an action on one thing (cancel, drain, remove). */
export const ActionButton: FC<{ action: string; csrf: string; label: string }> = (props) => (
  <PostForm action={props.action} csrf={props.csrf}>
    <button type="submit">{props.label}</button>
  </PostForm>
);

/** A time as `2025-01-31 12:00:00 UTC`, machine-readable in `datetime`. */
export const Time: FC<{ at: string | Date | null | undefined }> = ({ at }) => {
  if (at === null || at === undefined || at === '') return <span class="muted">–</span>;
  const iso = typeof at === 'string' ? at : at.toISOString();
  return <time datetime={iso}>{iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')}</time>;
};

/** A JSON value, pretty-printed. */
export const JsonBlock: FC<{ value: Json | undefined; label?: string }> = ({ value, label }) => (
  <pre aria-label={label}>{value === undefined ? '–' : JSON.stringify(value, null, 2)}</pre>
);

/** A value that may be long, folded under a summary. */
export const Folded: FC<{ summary: string; value: Json | undefined }> = ({ summary, value }) =>
  value === undefined ? (
    <span class="muted">–</span>
  ) : (
    <details>
      <summary>{summary}</summary>
      <JsonBlock value={value} />
    </details>
  );

/** The label of a form field, with its hint in brackets. */
const FieldLabel: FC<{ name: string; label: string; hint?: string }> = ({ name, label, hint }) => (
  <label for={name}>
    {label}
    {hint && <span> ({hint})</span>}
  </label>
);

/** A labelled text input; `hint` says what goes in it. */
export const Field: FC<{
  name: string;
  label: string;
  hint?: string;
  value?: string;
  type?: 'text' | 'number' | 'password' | 'datetime-local';
  required?: boolean;
  list?: string;
}> = (props) => (
  <div class="field">
    <FieldLabel name={props.name} label={props.label} hint={props.hint} />
    <input
      id={props.name}
      name={props.name}
      type={props.type ?? 'text'}
      value={props.value}
      required={props.required}
      list={props.list}
    />
  </div>
);

/** A labelled textarea for JSON, YAML or a key. */
export const TextArea: FC<{
  name: string;
  label: string;
  hint?: string;
  value?: string;
  rows?: number;
  required?: boolean;
}> = (props) => (
  <div class="field">
    <FieldLabel name={props.name} label={props.label} hint={props.hint} />
    <textarea
      id={props.name}
      name={props.name}
      rows={props.rows ?? 6}
      required={props.required}
      spellcheck={false}
    >
      {props.value ?? ''}
    </textarea>
  </div>
);

import { createHmac, timingSafeEqual } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Sql } from 'postgres';
import type { Logger } from '../../common/log.ts';
import { findToken, type Role } from '../../db/tokens.ts';
import { Form, problemOf, type Shown } from './form.ts';
import { Field, render, type ConsoleEnv, type Shell } from './layout.tsx';

/** Largest form: a definition may be 256 KiB of JSON, YAML a little more (as on the API). */
const MAX_FORM_BYTES = 1024 * 1024;

export interface ConsoleOptions {
  sql: Sql;
  log: Logger;
  shell: Shell;
  /**
   * The session cookie's name. The manager's and the agent's consoles may
   * share a host, and cookies do not tell ports apart: each needs its own.
   */
  cookie: string;
  /** Whose tokens these are, for messages. */
  server: 'manager' | 'agent';
  /** The least role that may sign in: the agent's console is for admins only. */
  signInRole: Role;
}

/**
 * The CSRF token of a session: an HMAC keyed by the session's API token, so
 * it needs no server-side state, holds for the session and tells nothing of
 * the token. Forms carry it; every POST after sign-in must.
 */
function csrfTokenOf(token: string): string {
  return createHmac('sha256', token).update('caroni-console-csrf').digest('base64url');
}

function sameToken(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Where to go after signing in: a console page, never another site. */
function safeNext(next: string | undefined, home: string): string {
  return next !== undefined && /^\/console(\/[\w\-.~%/]*)?(\?[\w\-.~%=&+]*)?$/.test(next)
    ? next
    : home;
}

const SignInPage = ({ next, server }: { next: string; server: string }) => (
  <form method="post" action="/console/sign-in" class="stack" aria-label="Sign in">
    <input type="hidden" name="next" value={next} />
    <Field
      name="token"
      label="Token"
      type="password"
      hint={`an API token of this ${server}: caroni dev prints them, caroni tokens create makes one`}
      required
    />
    <button type="submit">Sign in</button>
  </form>
);

/**
 * A console (server-rendered pages under `/console`) over `options.sql`'s
 * tokens: sign-in with an API token kept in an HttpOnly, SameSite=Strict
 * cookie and looked up (hashed) on every request under the API's rules, a
 * CSRF token checked on every POST, readable error pages. `pages` registers
 * the pages themselves, after the session checks and before the console's 404.
 */
export function createConsoleApp(
  options: ConsoleOptions,
  pages: (app: Hono<ConsoleEnv>) => void,
): Hono<ConsoleEnv> {
  const { sql, log, shell, cookie, server, signInRole } = options;
  const app = new Hono<ConsoleEnv>();

  // A domain error a page did not catch (a run, definition or job that is not there) shows its
  // message; anything else is logged and shown without details.
  app.onError((error, c) => {
    let shown: Shown;
    try {
      shown = problemOf(error);
    } catch {
      log.error({ err: error, path: c.req.path }, 'console page failed');
      shown = {
        problem: { message: 'internal error; the server log has the details' },
        status: 500,
      };
    }
    const titles: Record<number, string> = { 404: 'Not found', 500: 'Something went wrong' };
    return render(c, { title: titles[shown.status] ?? 'Not done', ...shown });
  });

  app.use('*', async (c, next) => {
    c.set('shell', shell);
    c.set('session', undefined);
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'same-origin');
    c.header(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    // A browser says when a request comes from another site: no form of this console does.
    if (c.req.method === 'POST' && c.req.header('sec-fetch-site') === 'cross-site') {
      return render(c, {
        title: 'Refused',
        status: 403,
        problem: { message: 'a form from another site cannot act on this console' },
      });
    }
    await next();
  });
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_FORM_BYTES,
      onError: (c) =>
        render(c as Context<ConsoleEnv>, {
          title: 'Too large',
          status: 413,
          problem: { message: `the form is over ${MAX_FORM_BYTES} bytes: send less` },
        }),
    }),
  );

  app.get('/sign-in', (c) =>
    render(
      c,
      {
        title: 'Sign in',
        notice:
          c.req.query('expired') === undefined
            ? undefined
            : `your token is no longer known to this ${server}: sign in again`,
      },
      <SignInPage next={safeNext(c.req.query('next'), shell.home)} server={server} />,
    ),
  );

  app.post('/sign-in', async (c) => {
    const form = await Form.of(c);
    const next = safeNext(form.text('next'), shell.home);
    const token = form.text('token');
    const principal = token === '' ? undefined : await findToken(sql, token);
    const refuse = (status: 401 | 403, message: string) =>
      render(
        c,
        { title: 'Sign in', status, problem: { message } },
        <SignInPage next={next} server={server} />,
      );
    if (!principal) return refuse(401, `the token is not known to this ${server}`);
    if (signInRole === 'admin' && principal.role !== 'admin') {
      return refuse(403, `this ${server}'s console needs an admin token`);
    }
    setCookie(c, cookie, token, {
      path: '/console',
      httpOnly: true,
      sameSite: 'Strict',
      secure: new URL(c.req.url).protocol === 'https:',
    });
    return c.redirect(next, 303);
  });

  app.use('*', requireSession(options));
  app.use('*', checkCsrf);

  app.post('/sign-out', (c) => {
    deleteCookie(c, cookie, { path: '/console' });
    return c.redirect('/console/sign-in', 303);
  });
  app.get('/', (c) => c.redirect(shell.home, 303));

  pages(app);

  app.all('*', (c) =>
    render(c, {
      title: 'Not found',
      status: 404,
      problem: { message: `no console page at ${c.req.path}` },
    }),
  );
  return app;
}

/**
 * The session from the cookie: its token must still be in the token table
 * (hashed lookup, as for the API) with a role that may sign in; otherwise
 * the browser goes to the sign-in page.
 */
function requireSession({
  sql,
  cookie,
  signInRole,
}: ConsoleOptions): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const token = getCookie(c, cookie);
    const principal = token === undefined ? undefined : await findToken(sql, token);
    if (!token || !principal || (signInRole === 'admin' && principal.role !== 'admin')) {
      if (token !== undefined) deleteCookie(c, cookie, { path: '/console' });
      const url = new URL(c.req.url);
      const params = new URLSearchParams({ next: `${url.pathname}${url.search}` });
      if (token !== undefined) params.set('expired', '1');
      return c.redirect(`/console/sign-in?${params}`, 303);
    }
    c.set('session', { principal, csrf: csrfTokenOf(token) });
    await next();
  };
}

/** Every POST of a signed-in session carries its CSRF token, or is refused (403) without effect. */
const checkCsrf: MiddlewareHandler<ConsoleEnv> = async (c, next) => {
  if (c.req.method !== 'POST') return next();
  const form = await Form.of(c);
  const expected = c.get('session')?.csrf;
  if (!expected || !sameToken(form.text('csrf'), expected)) {
    return render(c, {
      title: 'Refused',
      status: 403,
      problem: {
        message:
          'the form did not come from this console (its CSRF token is missing or wrong): reload the page and send it again',
      },
    });
  }
  await next();
};

/** Pages for admin tokens only: a submitter gets a 403 page. */
export const adminOnly: MiddlewareHandler<ConsoleEnv> = async (c, next) => {
  if (c.get('session')?.principal.role !== 'admin') {
    return render(c, {
      title: 'Admins only',
      status: 403,
      problem: {
        message: 'this page needs an admin token; this token may only start and control runs',
      },
    });
  }
  await next();
};

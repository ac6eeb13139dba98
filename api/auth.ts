import type { Context, MiddlewareHandler } from 'hono';
import type { Sql } from 'postgres';
import { findToken, type Principal } from '../db/tokens.ts';
import { errorBody } from './errors.ts';

/** What every route of the API sees: who is calling. */
export interface ApiEnv {
  Variables: { principal: Principal };
}

/**
 * `Authorization: Bearer <token>` → the token's principal; anything else →
 * 401. `server` names whose tokens these are in the message (a manager's or an agent's).
 */
export function authenticate(
  sql: Sql,
  { server = 'manager' }: { server?: 'manager' | 'agent' } = {},
): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) {
      return c.json(
        errorBody('unauthenticated', 'send a token: Authorization: Bearer <token>'),
        401,
        { 'WWW-Authenticate': 'Bearer' },
      );
    }
    const principal = await findToken(sql, match[1]);
    if (!principal) {
      return c.json(errorBody('unauthenticated', `the token is not known to this ${server}`), 401, {
        'WWW-Authenticate': 'Bearer error="invalid_token"',
      });
    }
    c.set('principal', principal);
    await next();
  };
}

/** Admin routes: a submitter token gets 403. */
export const requireAdmin: MiddlewareHandler<ApiEnv> = async (c, next) => {
  if (c.get('principal').role !== 'admin') {
    return c.json(
      errorBody(
        'forbidden',
        'this route needs an admin token; this token may only submit and control runs',
      ),
      403,
    );
  }
  await next();
};

export function actor(c: Context<ApiEnv>): string {
  return c.get('principal').name;
}

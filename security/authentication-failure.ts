/**
 * Why a credential was refused. Every method (password, token, OIDC) throws
 * this; the HTTP edge answers it with 401 and records the reason in the audit
 * trail, never in the response body.
 */
export class AuthenticationFailure extends Error {
  constructor(
    readonly reason: string,
    /** The name the caller claimed (a Basic user name or token key), for the audit trail. */
    readonly claimed?: string,
  ) {
    super(reason);
    this.name = 'AuthenticationFailure';
  }
}

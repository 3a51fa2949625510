// Errors a caller can cause carry a stable code; one table maps codes to HTTP statuses.

export const errorStatus = {
  invalid_json: 400,
  unauthorized: 401,
  forbidden: 403,
  cross_site_request: 403,
  not_found: 404,
  campaign_not_found: 404,
  campaign_closed: 404,
  invitation_invalid: 404,
  conflict: 409,
  /** Abuse protection is on: solve the proof-of-work challenge in the body and send again. */
  challenge_required: 428,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** One field's problem: a stable code (e.g. "invalid_email") and a message for people. */
export type FieldError = { code: string; message: string };

/** What some errors carry besides their code: when to retry (429), the challenge to solve (428). */
export type ErrorExtra = {
  retryAfter?: number;
  challenge?: { token: string; difficulty: number; algorithm: string };
  /** For a form sent without JavaScript: a signed ticket that counts as the challenge when sent after the wait. */
  waitTicket?: { token: string; waitSeconds: number };
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fields?: Record<string, FieldError>,
    readonly extra?: ErrorExtra,
  ) {
    super(message ?? code);
    this.name = "AppError";
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

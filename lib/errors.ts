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

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fields?: Record<string, FieldError>,
  ) {
    super(message ?? code);
    this.name = "AppError";
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

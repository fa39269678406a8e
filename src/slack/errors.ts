/** The Slack error code of a failed Web API call (`ratelimited`, `channel_not_found`…), or the error's message. */
export function slackErrorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const data = 'data' in error ? (error as { data?: { error?: unknown } }).data : undefined;
    if (typeof data?.error === 'string') return data.error;
    if ('code' in error && typeof error.code === 'string') {
      const statusCode = 'statusCode' in error ? ` ${String(error.statusCode)}` : '';
      return `${error.code}${statusCode}`;
    }
  }
  return error instanceof Error ? error.message : String(error);
}

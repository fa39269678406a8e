/** The command was called or configured wrongly: it exits 2 having changed nothing, with the usage text if `usage`. */
export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    message: string,
    readonly usage = false,
  ) {
    super(message);
  }
}

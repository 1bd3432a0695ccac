/** An error the command line reports as a plain message (no stack trace). */
export class CliError extends Error {
  constructor(
    message: string,
    /** Usage errors also print the usage text, and exit with 2. */
    readonly usage = false,
    /** Lines printed as they are before the message, e.g. `file:line: reason`. */
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'CliError';
  }

  get exitCode(): number {
    return this.usage ? 2 : 1;
  }
}

/** What loadIndex throws for anything that is not a readable index of this version. */
export class IndexFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IndexFormatError';
  }
}

/** The error for a damaged part, in the words every such message shares ("index is damaged: …"). */
export function damaged(what: string): IndexFormatError {
  return new IndexFormatError(`index is damaged: ${what}`);
}

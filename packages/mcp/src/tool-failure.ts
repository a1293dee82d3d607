/** A failure whose message is already what the model should read (e.g. "that person is not a member"). */
export class ToolFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ToolFailure";
  }
}

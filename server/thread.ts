/**
 * A thread the server posts work to, as the server uses it: a Node Worker has this shape (the platform starts
 * it), and tests pass their own. The check thread and the job thread differ only in what they send and receive.
 */
export interface ThreadPort<Send, Receive> {
  postMessage(message: Send): void;
  on(event: 'message', listener: (message: Receive) => void): unknown;
  on(event: 'error', listener: (err: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): unknown;
  /** an idle thread does not keep the process alive */
  unref?(): void;
}

package dev.eddy.kernel;

import io.github.spencerpark.jupyter.messages.MessageContext;

/**
 * Which execute request, if any, is running right now.
 *
 * <p>Output written to {@code System.out}, displays and live-view updates are addressed to the
 * running cell, so that the front end (and nbclient, which records only the running cell's
 * messages) shows them there. Set by the execute handler around each cell; read from any thread.
 */
final class CurrentCell {
  private volatile MessageContext request;

  /** Marks {@code request} as the running cell. */
  void enter(MessageContext request) {
    this.request = request;
  }

  /** Marks that no cell is running (only if {@code request} is still the running one). */
  void leave(MessageContext request) {
    if (this.request == request) {
      this.request = null;
    }
  }

  /** Returns the running cell's request, or null between cells. */
  MessageContext get() {
    return request;
  }
}

package dev.eddy.kernel;

import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.reply.InterruptReply;
import io.github.spencerpark.jupyter.messages.request.InterruptRequest;

/**
 * Handles {@code interrupt_request} (control channel; the kernelspec asks for message-mode
 * interrupts): stops the running cell, then replies. Streams keep running.
 */
final class InterruptHandler implements ShellHandler<InterruptRequest> {
  private final CellRunner runner;

  InterruptHandler(CellRunner runner) {
    this.runner = runner;
  }

  @Override
  public void handle(ShellReplyEnvironment env, Message<InterruptRequest> message) {
    env.setBusyDeferIdle();
    runner.interrupt();
    env.reply(new InterruptReply());
  }
}

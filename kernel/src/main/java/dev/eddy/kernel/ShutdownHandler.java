package dev.eddy.kernel;

import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.reply.ShutdownReply;
import io.github.spencerpark.jupyter.messages.request.ShutdownRequest;

/**
 * Handles {@code shutdown_request}: stops every stream and the engine (bounded in time), replies,
 * and then has the process exit promptly instead of waiting to be killed.
 */
final class ShutdownHandler implements ShellHandler<ShutdownRequest> {
  private final EddyKernel kernel;

  ShutdownHandler(EddyKernel kernel) {
    this.kernel = kernel;
  }

  @Override
  public void handle(ShellReplyEnvironment env, Message<ShutdownRequest> message) {
    boolean restart = message.getContent().isRestart();
    env.setStatusBusy();
    kernel.stopEngine();
    env.reply(restart ? ShutdownReply.SHUTDOWN_AND_RESTART : ShutdownReply.SHUTDOWN);
    env.setStatusIdle();
    kernel.exitSoon();
  }
}

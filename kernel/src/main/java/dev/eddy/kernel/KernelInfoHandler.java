package dev.eddy.kernel;

import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.messages.Header;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.reply.KernelInfoReply;
import io.github.spencerpark.jupyter.messages.request.KernelInfoRequest;

/**
 * Handles {@code kernel_info_request}. Answers at once, also while the runtime is still being
 * built, and includes {@code "status": "ok"}, which the library's reply lacks and
 * schema-validating clients require.
 */
final class KernelInfoHandler implements ShellHandler<KernelInfoRequest> {
  static final String IMPLEMENTATION = "eddy";
  static final String VERSION = "0.1.0";

  /** The library's reply plus the status field. */
  static final class Reply extends KernelInfoReply {
    @SuppressWarnings("unused") // serialized
    private final String status = "ok";

    Reply(LanguageInfo language, String banner) {
      super(Header.PROTOCOL_VERISON, IMPLEMENTATION, VERSION, language, banner, null);
    }
  }

  private final LanguageInfo language;
  private final String banner;

  KernelInfoHandler(LanguageInfo language, String banner) {
    this.language = language;
    this.banner = banner;
  }

  @Override
  public void handle(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
    env.setBusyDeferIdle();
    env.reply(new Reply(language, banner));
  }
}

package dev.eddy.storage.internal;

import dev.eddy.storage.BlockId;

/** Names one copy of a block: copy 0, or copy 1 for a replicated ({@code _2}) level. Immutable. */
public record CopyId(BlockId block, int copy) {

  /** Returns the copy's file name: the block's name, with {@code _copy1} for the second copy. */
  public String fileName() {
    return copy == 0 ? block.name() : block.name() + "_copy" + copy;
  }
}

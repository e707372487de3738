package dev.eddy.kernel;

/**
 * One complete Java snippet of a cell, as JShell evaluates it.
 *
 * @param source the snippet's source, as handed to JShell (JShell may have added a semicolon)
 * @param offset where the snippet starts in the cell's text
 * @param complete whether JShell considers it complete; an incomplete one fails to compile
 */
record CellSnippet(String source, int offset, boolean complete) {}

package org.taizhang.core.files;

import org.taizhang.core.Issue;

/**
 * One problem with a file a clerk gave: in a cell, in a row ({@code column} null) or in the whole file ({@code sheet}
 * null, {@code row} 0). The one record every import reports its problems in, and every window shows them from.
 */
public record RowIssue(String sheet, int row, String column, Issue issue) {}

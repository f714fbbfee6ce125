/**
 * The command line ({@code taizhang …}), built with picocli. Commands stay thin: they open the store, call the
 * same services the window uses, and print results; domain errors become one line and a non-zero exit code.
 */
package org.taizhang.cli;

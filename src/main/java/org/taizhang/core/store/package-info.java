/**
 * The embedded SQLite store: opening (one program per file), migrations with a backup first, transactions,
 * the device identity, and {@link org.taizhang.core.store.TrackedWriter}, which gives every travelling record
 * its sync columns and writes every change to the history (留痕). Only store code touches jOOQ.
 */
package org.taizhang.core.store;

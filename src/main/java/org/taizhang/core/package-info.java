/**
 * The small shared core every feature stands on: ids, domain errors, messages (i18n), text helpers,
 * safe file writing and progress reporting. It knows no JavaFX; the window shell lives in {@code core.ui}.
 */
package org.taizhang.core;

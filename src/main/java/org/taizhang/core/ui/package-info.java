/**
 * The window's shared parts: the shell (navigation, content, status bar), background tasks with progress and
 * cancel, and the one dialog service every view goes through.
 */
package org.taizhang.core.ui;

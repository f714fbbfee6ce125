/**
 * The 标准化建设 window: the 达标验收 board, the scoring sheet an inspector fills branch by branch, and the
 * template editor. View models here hold the state and run the service through {@code TaskRunner}; the views
 * only lay out controls.
 */
package org.taizhang.checklist.view;

/**
 * 数据交换 in the window: this device and its role, the hub's field devices, packages out and in (with the preview
 * before anything is applied), the history of packages, and 待处理 — conflicts and breaches for a clerk to decide.
 */
package org.taizhang.exchange.view;

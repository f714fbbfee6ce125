/**
 * 数据交换: packages that carry changes between field laptops and the hub on USB sticks (issue 17, decisions/0014).
 * {@code files/} holds the package file format, which knows nothing of SQLite; {@link
 * org.taizhang.exchange.ExchangeService} builds packages from the store's changes and applies received ones.
 */
package org.taizhang.exchange;

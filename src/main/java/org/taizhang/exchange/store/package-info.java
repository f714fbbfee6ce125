/**
 * The only jOOQ of 数据交换: this device's keys, what each peer acknowledged, the log of packages. Local tables: they never travel.
 */
package org.taizhang.exchange.store;

/**
 * The only jOOQ of 标准化建设: static functions over a transaction, called by the feature's services only (ArchitectureTest).
 */
package org.taizhang.checklist.store;

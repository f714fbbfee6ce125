/**
 * The records of 组织台账: units, Party organizations (a tree), 共同体 communities, and the registry in memory with its lookups. Plain Java.
 */
package org.taizhang.organization.model;

/**
 * The only jOOQ of 组织台账, called by the feature's services only (ArchitectureTest).
 */
package org.taizhang.organization.store;

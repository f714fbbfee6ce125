/**
 * The only jOOQ of 督查检查 and the 整改台账, called by the feature's services only (ArchitectureTest).
 */
package org.taizhang.inspection.store;

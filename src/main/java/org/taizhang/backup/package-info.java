/**
 * 数据安全 (issue 22): backups a clerk can list and restore ({@link org.taizhang.backup.BackupService}, the copies
 * themselves written by {@code core.store.Backups}) and {@code taizhang check}, which reads a database for the damage
 * a disk, a half-copied file or a hand-edited row can do ({@link org.taizhang.backup.IntegrityCheck}).
 */
package org.taizhang.backup;

package org.taizhang.core.store;

import java.nio.file.Path;
import java.time.Clock;

/** The process BackupKillTest kills: a backup of {@code args[1]}, or a restore of {@code args[2]} into it. */
public final class BackupChild {
    private BackupChild() {}

    public static void main(String[] args) {
        Path db = Path.of(args[1]);
        if (args[0].equals("backup")) {
            try (Store store = Store.open(db)) {
                System.out.println("backing up");
                System.out.flush();
                store.backup(Backups.MANUAL);
            }
        } else {
            System.out.println("restoring");
            System.out.flush();
            Backups.restore(db, Path.of(args[2]), Clock.systemUTC());
        }
        System.out.println("done");
    }
}

package org.taizhang.exchange;

import java.nio.file.Path;
import org.taizhang.core.store.Store;
import org.taizhang.core.task.Progress;

/** A program that imports one package and exits; {@link ImportKillTest} kills it with SIGKILL at random moments. */
public final class ImportChild {
    private ImportChild() {}

    public static void main(String[] args) {
        try (Store store = Store.open(Path.of(args[0]))) {
            System.out.println("importing");
            System.out.flush();
            new ExchangeService(store).importPackage(Path.of(args[1]), null, Progress.NONE);
            System.out.println("imported");
        }
    }
}

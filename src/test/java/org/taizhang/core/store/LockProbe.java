package org.taizhang.core.store;

import java.nio.file.Path;
import org.taizhang.core.DomainException;

/**
 * Run in a separate JVM by {@link StoreTest}: opens the given database with the real {@link Store#open}, as a
 * second copy of the program would, and prints one line starting with {@link #RESULT}: "opened", or "refused",
 * the message key and the holder named in it. Only another process sees the OS lock as another program does.
 */
public final class LockProbe {
    /** Marks the answer among whatever else the program logs to the console. */
    static final String RESULT = "probe: ";

    private LockProbe() {}

    public static void main(String[] args) {
        try (Store store = Store.open(Path.of(args[0]))) {
            System.out.println(RESULT + "opened");
        } catch (DomainException e) {
            Object[] details = e.args();
            System.out.println(RESULT + "refused " + e.messageKey() + (details.length > 1 ? " " + details[1] : ""));
            System.exit(1);
        }
    }
}

package org.taizhang.archfixture.checklist;

/** Planted: printing outside the command line. */
final class ChecklistPrinter {
    static void print(Checklist c) {
        System.out.println(c.title());
    }
}

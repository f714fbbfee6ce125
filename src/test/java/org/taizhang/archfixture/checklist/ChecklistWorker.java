package org.taizhang.archfixture.checklist;

/** Planted: a thread of its own instead of TaskRunner. */
final class ChecklistWorker {
    static Thread start(Runnable work) {
        Thread t = new Thread(work);
        t.start();
        return t;
    }
}

package org.gonghui.support;

/** Optimistic locking as clients see it: the version they read must still be the record's. */
public final class Versions {

    private Versions() {
    }

    /** CONFLICT naming the field {@code version} when {@code sent} is not the record's {@code current} version. */
    public static void check(String record, Object id, int current, Integer sent) {
        if (sent == null || sent != current) {
            throw stale(record + " " + id + " is at version " + current + ", you sent " + sent);
        }
    }

    /** The one answer to a write based on a stale read, wherever it is found (a version check, a conditional update, Hibernate's lock). */
    public static ConflictException stale(String detail) {
        return new ConflictException("version: 数据已被他人修改，请刷新后重试 (" + detail + "; reload and retry)");
    }
}

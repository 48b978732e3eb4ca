package org.gonghui.support;

/** Optimistic locking as clients see it: the version they read must still be the record's. */
public final class Versions {

    private Versions() {
    }

    /** CONFLICT naming the field {@code version} when {@code sent} is not the record's {@code current} version. */
    public static void check(String record, Object id, int current, Integer sent) {
        if (sent == null || sent != current) {
            throw new ConflictException("version: 数据已被他人修改，请刷新后重试 — " + record + " " + id + " is at version " + current + ", you sent " + sent);
        }
    }
}

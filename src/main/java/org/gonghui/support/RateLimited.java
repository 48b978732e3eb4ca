package org.gonghui.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/** Operations that consume a token of the caller's bucket; refused with RATE_LIMITED (HTTP 429) when it is empty. */
@InterceptorBinding
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface RateLimited {

    /** Which budget the operation draws from. */
    @Nonbinding
    Kind value() default Kind.MUTATION;

    /** Budgets. */
    enum Kind {
        /** Changes: a bucket per caller shared by all replicas (PostgreSQL). */
        MUTATION,
        /**
         * Public reads without login (nearestSites, findUnions, regions): buckets per client address (and app
         * instance) and for everybody, shared by all replicas (PostgreSQL, see {@link PublicQueryBuckets}).
         */
        PUBLIC_QUERY
    }
}

package io.feiyan.platform.limits;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A write API one account, and one client address, may call only so often: the limit named {@link #value()}
 * ({@code feiyan.limits.<name>.per-account} and {@code .per-address}, requests a minute). See {@link RequestLimits}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Limited {
    /** The limit's name: {@code orders}, {@code residents}, {@code ratings}. */
    @Nonbinding
    String value();
}

package io.feiyan.platform.observability;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a REST resource (or method) whose requests are about one order, named by a path parameter: while such a
 * request is handled, its order id is in the log context ({@link OrderLog}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AboutOrder {
    /** The path parameter holding the order id. */
    String value() default "orderId";
}

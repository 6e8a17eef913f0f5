package io.feiyan.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an {@link EventProbe} field of a {@link FeiyanTest}: the module run's one probe on its broker, made and closed by
 * {@link FeiyanTestResource}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectEventProbe {
}

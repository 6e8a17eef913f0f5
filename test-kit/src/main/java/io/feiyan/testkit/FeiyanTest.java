package io.feiyan.testkit;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Stereotype;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test of a Feiyan service: the service running in Quarkus ({@link QuarkusTest}) against a real Kafka broker and a
 * real PostgreSQL database ({@link FeiyanTestResource}), started once for all the module's tests that carry this. A
 * stereotype, so that Quarkus makes the test classes beans as it does those annotated {@code @QuarkusTest} directly.
 */
@Stereotype
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@QuarkusTest
@WithTestResource(value = FeiyanTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
public @interface FeiyanTest {
}

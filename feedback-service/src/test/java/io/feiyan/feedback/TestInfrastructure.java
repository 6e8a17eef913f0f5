package io.feiyan.feedback;

import io.feiyan.testkit.FeiyanTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Every test of this module runs against one real Kafka broker and one real PostgreSQL server. */
@QuarkusTestResource(FeiyanTestResource.class)
public class TestInfrastructure {
}

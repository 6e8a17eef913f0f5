package io.feiyan.platform.validation;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/** A request's fields in the order it declares them (a record's components, else its fields): the order its reasons are told in. */
public final class DeclaredFields {
    private DeclaredFields() {
    }

    public static List<String> of(Class<?> type) {
        return type.isRecord() ? Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList()
                : Arrays.stream(type.getDeclaredFields()).map(Field::getName).toList();
    }
}

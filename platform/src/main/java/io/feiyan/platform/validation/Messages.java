package io.feiyan.platform.validation;

import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintValidatorContext.ConstraintViolationBuilder;

/** Reasons worked out while validating: taken as they are, never read as a message template. */
final class Messages {
    private Messages() {
    }

    /** Refuses the value with this reason instead of the constraint's message. */
    static void refuse(ConstraintValidatorContext context, String reason) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(literal(reason)).addConstraintViolation();
    }

    /** Refuses the value's {@code field} (a dotted path such as {@code guardian.name}) with this reason. */
    static void refuse(ConstraintValidatorContext context, String field, String reason) {
        ConstraintViolationBuilder builder = context.buildConstraintViolationWithTemplate(literal(reason));
        String[] names = field.split("\\.");
        ConstraintViolationBuilder.NodeBuilderCustomizableContext node = builder.addPropertyNode(names[0]);
        for (int i = 1; i < names.length; i++) {
            node = node.addPropertyNode(names[i]);
        }
        node.addConstraintViolation();
    }

    private static String literal(String reason) {
        return reason.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}

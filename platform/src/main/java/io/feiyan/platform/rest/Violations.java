package io.feiyan.platform.rest;

import io.feiyan.platform.validation.CrossChecks;
import io.feiyan.platform.validation.DeclaredFields;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.validator.engine.HibernateConstraintViolation;

/**
 * Bean Validation's violations as a problem's field errors: each named by its JSON path in the body ({@code
 * guardian.phone}, list indexes left out) or by its query, path or header parameter's name ({@code body} for a missing
 * body), each reason once, in the order the request declares them (Bean Validation's own is unspecified): by parameter,
 * then by the record's components, then by the constraints' order on the field, a rule across fields first.
 */
public final class Violations {
    private static final int UNKNOWN = Integer.MAX_VALUE;

    private Violations() {
    }

    private record Sorted(List<Integer> key, Problem.FieldError error) {
    }

    public static List<Problem.FieldError> fieldErrors(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream().map(Violations::sorted)
                .sorted(Comparator.comparing(Sorted::key, Violations::compare)
                        .thenComparing(sorted -> sorted.error().field())
                        .thenComparing(sorted -> sorted.error().reason()))
                .map(Sorted::error).distinct().toList();
    }

    private static Sorted sorted(ConstraintViolation<?> violation) {
        List<Integer> key = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Type type = violation.getRootBeanClass();
        Method method = null;
        String parameter = null;
        AnnotatedElement annotated = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD -> method = method(violation.getRootBeanClass(), node.as(Path.MethodNode.class));
                case PARAMETER -> {
                    int index = node.as(Path.ParameterNode.class).getParameterIndex();
                    key.add(index);
                    if (method != null) {
                        parameter = parameterName(method, index);
                        type = method.getGenericParameterTypes()[index];
                        annotated = method.getParameters()[index];
                    }
                }
                case PROPERTY -> {
                    Class<?> owner = elementClass(type);
                    key.add(componentIndex(owner, node.getName()));
                    names.add(node.getName());
                    Field field = field(owner, node.getName());
                    annotated = field;
                    type = field == null ? Object.class : field.getGenericType();
                }
                default -> {
                    // the bean itself, or a list's element: no name of their own
                }
            }
        }
        CrossChecks.Place place = crossCheck(violation);
        if (place != null && place.component() >= 0 && key.size() >= place.depth()) {
            key.set(key.size() - place.depth(), place.component());
        }
        key.add(place != null ? Integer.MIN_VALUE + place.sequence() : annotationIndex(annotated, violation));
        String field = !names.isEmpty() ? String.join(".", names) : parameter != null ? parameter : "body";
        return new Sorted(key, new Problem.FieldError(field, violation.getMessage()));
    }

    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** The resource method as declared, above the subclass the container may have made of its class. */
    private static Method method(Class<?> root, Path.MethodNode node) {
        Method found = null;
        for (Class<?> c = root; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                found = c.getDeclaredMethod(node.getName(), node.getParameterTypes().toArray(Class<?>[]::new));
            } catch (NoSuchMethodException e) {
                // declared further up, or not at all
            }
        }
        return found;
    }

    /** A query, path, header or form parameter's name; {@code body} for the request's body. */
    private static String parameterName(Method method, int index) {
        for (Annotation annotation : method.getParameterAnnotations()[index]) {
            String owner = annotation.annotationType().getPackageName();
            if (owner.equals("jakarta.ws.rs") || owner.equals("org.jboss.resteasy.reactive")) {
                try {
                    Object name = annotation.annotationType().getMethod("value").invoke(annotation);
                    if (name instanceof String s) {
                        return s.isEmpty() ? method.getParameters()[index].getName() : s;
                    }
                } catch (ReflectiveOperationException e) {
                    // an annotation such as @Context, that names nothing
                }
            }
        }
        return "body";
    }

    /** The class whose fields a path goes on into: a list's or an optional's element, else the type itself. */
    private static Class<?> elementClass(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw
                && (Iterable.class.isAssignableFrom(raw) || Optional.class.equals(raw) || Map.class.isAssignableFrom(raw))) {
            Type[] arguments = parameterized.getActualTypeArguments();
            return elementClass(arguments[arguments.length - 1]);
        }
        if (type instanceof Class<?> c) {
            return c.isArray() ? c.getComponentType() : c;
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            return raw;
        }
        return Object.class;
    }

    private static int componentIndex(Class<?> owner, String name) {
        int index = DeclaredFields.of(owner).indexOf(name);
        return index < 0 ? UNKNOWN : index;
    }

    private static Field field(Class<?> owner, String name) {
        for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // further up
            }
        }
        return null;
    }

    /** A rule across fields, with its place among the request's reasons; null for a field's own constraint. */
    private static CrossChecks.Place crossCheck(ConstraintViolation<?> violation) {
        if (violation.getConstraintDescriptor().getAnnotation().annotationType() != CrossChecks.class) {
            return null;
        }
        HibernateConstraintViolation<?> told = violation.unwrap(HibernateConstraintViolation.class);
        return told.getDynamicPayload(CrossChecks.Place.class);
    }

    /** A field's own constraints in the order they are written (rules across fields come before them: above). */
    private static int annotationIndex(AnnotatedElement element, ConstraintViolation<?> violation) {
        Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
        if (element == null) {
            return UNKNOWN;
        }
        Annotation[] annotations = element.getDeclaredAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            if (annotations[i].equals(constraint)) {
                return i;
            }
        }
        for (int i = 0; i < annotations.length; i++) {
            if (annotations[i].annotationType() == constraint.annotationType()) {
                return i;
            }
        }
        return UNKNOWN;
    }
}

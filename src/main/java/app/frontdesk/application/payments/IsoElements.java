package app.frontdesk.application.payments;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads Prowide's ISO 20022 model by element name. Every camt version has its own generated
 * classes ({@code ReportEntry2}, {@code ReportEntry10}, ...), but the elements keep their names and
 * JAXB turns each into a getter of that name, so one reader serves all thirteen versions instead of
 * thirteen copies of the same mapping. A missing element, or one a version does not have, is null.
 */
final class IsoElements {

    private static final Map<String, Method> GETTERS = new ConcurrentHashMap<>();
    private static final Method NONE;

    static {
        try {
            NONE = Object.class.getMethod("hashCode");
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private IsoElements() {
    }

    /** The child element {@code name} ({@code "Amt"}, {@code "RvslInd"}), or null. */
    static Object child(Object element, String name) {
        if (element == null) {
            return null;
        }
        Method getter = GETTERS.computeIfAbsent(element.getClass().getName() + '.' + name, k -> getter(element.getClass(), name));
        if (getter == NONE) {
            return null;
        }
        try {
            return getter.invoke(element);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + name + " of " + element.getClass().getSimpleName(), e);
        }
    }

    /** A repeated child as a list; a single one as a list of one; none as an empty list. */
    static List<Object> children(Object element, String name) {
        Object value = child(element, name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return List.copyOf(list);
        }
        return List.of(value);
    }

    /** Follows single children: {@code path(tx, "Refs", "EndToEndId")}; a repeated one gives its first. */
    static Object path(Object element, String... names) {
        Object current = element;
        for (String name : names) {
            current = child(current, name);
            if (current instanceof List<?> list) {
                current = list.isEmpty() ? null : list.get(0);
            }
        }
        return current;
    }

    /** A choice element that wraps its content ({@code Dbtr/Pty} since 001.08) is read through; others as they are. */
    static Object unwrap(Object element, String wrapped) {
        Object inner = child(element, wrapped);
        return inner != null ? inner : element;
    }

    /** The XML value of a code list element (a generated enum such as {@code CRDT}), or null if it is not one. */
    static String code(Object element) {
        if (element instanceof Enum<?> e) {
            Object value = child(e, "value");
            return value instanceof String s ? s : e.name();
        }
        return element instanceof String s ? s : null;
    }

    private static Method getter(Class<?> type, String name) {
        for (String prefix : new String[] {"get", "is", ""}) {
            try {
                Method m = type.getMethod(prefix.isEmpty() ? name : prefix + name);
                if (m.getParameterCount() == 0) {
                    return m;
                }
            } catch (NoSuchMethodException e) {
                // try the next spelling
            }
        }
        return NONE;
    }
}

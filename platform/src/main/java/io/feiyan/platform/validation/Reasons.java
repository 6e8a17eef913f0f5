package io.feiyan.platform.validation;

/**
 * The reasons a request is refused with, as the {@code message} of the constraints on its fields, and the patterns
 * several requests share. A client reads them in a problem's {@code errors}, so each is worded once, here.
 */
public final class Reasons {
    public static final String REQUIRED = "is required";
    /** For {@code @Size(max = ...)}: Bean Validation fills in {@code {max}}. */
    public static final String LONGER = "is longer than {max} characters";
    /** For {@code @Future}. */
    public static final String FUTURE = "is in the future";

    /** The code of a team or a project, which is a path segment too. */
    public static final String CODE = "[A-Za-z0-9_-]{1,64}";
    public static final String CODE_REASON = "use 1 to 64 letters, digits, '-' or '_'";
    /** The code of a service category, such as CULTURE or DAILY_LIFE. */
    public static final String CATEGORY = "[A-Z_]{1,64}";
    public static final String CATEGORY_REASON = "is an upper-case code such as CULTURE";

    private Reasons() {
    }
}

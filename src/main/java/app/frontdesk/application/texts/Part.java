package app.frontdesk.application.texts;

/**
 * A part that a customer text must have, written as a Mustache section of this name
 * ({@code {{#deadline}}...{{/deadline}}}), so that the check at start-up can find it.
 */
public enum Part {
    /** Why: what happened and why we cannot simply act on it. */
    EXPLANATION("explanation"),
    /** What the reader can do now. */
    NEXT_STEP("nextStep"),
    /** When they will hear from us; must show {{when}}. */
    DEADLINE("deadline"),
    /** A person to call or write; must show the name and a phone or address. */
    CONTACT("contact");

    private final String section;

    Part(String section) {
        this.section = section;
    }

    public String section() {
        return section;
    }
}

package app.frontdesk.interfaces.rest;

import java.util.List;

/** The JSON of every error answer: a sentence, and for refused input the problems found. */
public record ErrorBody(String error, List<Problem> problems) {

    public ErrorBody(String error) {
        this(error, null);
    }

    public record Problem(int line, String problem) {
    }
}

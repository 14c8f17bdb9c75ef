package app.frontdesk.application.care;

import java.time.Duration;

/** What the pipeline's complaint step uses, wired once (see bootstrap.Services). */
public record Complaints(ComplaintWords words, CareDesk care, Duration window) {
}
